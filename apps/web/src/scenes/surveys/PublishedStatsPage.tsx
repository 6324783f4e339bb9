import type { PublishedSurvey } from "@zhichan/shared";
import { Alert, Card, Descriptions, Empty, Grid, List, Segmented, Select, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { getPublishedAggregates, listPublishedSurveys } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import "../plan/officials.css";
import { useGroupName } from "./groupName";
import { SuppressedCell } from "./SuppressedCell";

const MIN_GROUP_SIZE = 3; // shown before the first answer arrives; each answer carries the server's own

/**
 * 统计调查公开数据 (public): the aggregates of published surveys by district or by type of agency. Cells the server
 * withheld — fewer than the minimum group size, or their complements — are marked, never shown as zero.
 */
export function PublishedStatsPage() {
  const { t } = useTranslation();
  const list = useAsync((s) => listPublishedSurveys(s), []);
  const [selected, setSelected] = useState<number | null>(null);
  const surveys = list.data?.items ?? [];
  const survey = surveys.find((s) => s.id === selected) ?? surveys[0] ?? null;
  return (
    <div className="off-page" data-testid="published-stats">
      <div className="off-head">
        <div>
          <h1>{t("publicStats.title")}</h1>
          <div className="off-sub">{t("publicStats.intro", { min: MIN_GROUP_SIZE })}</div>
        </div>
      </div>
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <PageLoading /> : null}
      {list.data && surveys.length === 0 ? <Empty description={t("publicStats.none")} /> : null}
      {survey && (
        <>
          <Select
            className="pub-survey-select"
            aria-label={t("publicStats.survey")}
            value={survey.id}
            onChange={setSelected}
            style={{ width: "100%", maxWidth: 520, marginBottom: 12 }}
            options={surveys.map((s) => ({ value: s.id, label: <span data-content>{s.title}</span> }))}
          />
          {/* keyed by survey: another survey starts again from its own first figure */}
          <SurveyAggregates key={survey.id} survey={survey} />
        </>
      )}
    </div>
  );
}

function SurveyAggregates({ survey }: { survey: PublishedSurvey }) {
  const { t } = useTranslation();
  const { code, pick } = useCodes();
  const groupName = useGroupName();
  const numeric = survey.questions.filter((q) => q.type === "integer" || q.type === "number");
  const [by, setBy] = useState<"district" | "category">("district");
  const [question, setQuestion] = useState(numeric[0]?.key ?? "");
  const agg = useAsync((s) => getPublishedAggregates(survey.id, by, s), [survey.id, by]);
  const phone = !Grid.useBreakpoint().md;
  const q = numeric.find((x) => x.key === question);
  const unit = q?.unit ? code("unit", q.unit) : "";
  const min = agg.data?.minGroupSize ?? MIN_GROUP_SIZE;
  const figure = (v: number | null | undefined, reason: "small_group" | "complementary" | undefined) =>
    reason || v === null || v === undefined ? (
      <SuppressedCell reason={reason ?? "small_group"} min={min} />
    ) : (
      `${v.toLocaleString()}${unit ? ` ${unit}` : ""}`
    );
  return (
    <Card size="small" title={<span data-content>{survey.title}</span>}>
      <p className="off-sub">
        {t("publicStats.period", { from: survey.periodStart, to: survey.periodEnd })}
        {survey.publishedAt ? ` · ${t("publicStats.publishedAt", { date: survey.publishedAt.slice(0, 10) })}` : ""}
      </p>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={by}
          onChange={(v) => setBy(v as "district" | "category")}
          options={[
            { value: "district", label: t("publicStats.byDistrict") },
            { value: "category", label: t("publicStats.byCategory") },
          ]}
        />
        <Select
          aria-label={t("publicStats.question")}
          value={question}
          onChange={setQuestion}
          style={{ minWidth: 180 }}
          options={numeric.map((x) => ({ value: x.key, label: pick({ zh: x.labelZh, en: x.labelEn ?? "" }) }))}
        />
      </Space>
      {agg.error ? <ErrorView error={agg.error} onRetry={agg.reload} /> : null}
      {phone ? (
        // a phone: one small block per group, every figure visible without scrolling sideways
        <List
          loading={agg.loading}
          dataSource={agg.data?.rows ?? []}
          locale={{ emptyText: t("publicStats.empty") }}
          renderItem={(r) => (
            <List.Item key={r.group}>
              <Descriptions
                size="small"
                column={1}
                title={groupName(r.group, r.label)}
                items={[
                  { key: "n", label: t("publicStats.col.responses"), children: r.responses },
                  {
                    key: "sum",
                    label: t("publicStats.col.sum"),
                    children: figure(r.sums[question], r.suppressed[question]),
                  },
                  {
                    key: "mean",
                    label: t("publicStats.col.mean"),
                    children: figure(r.means[question], r.suppressed[question]),
                  },
                ]}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table
          size="small"
          rowKey="group"
          scroll={{ x: "max-content" }}
          loading={agg.loading}
          pagination={false}
          dataSource={agg.data?.rows ?? []}
          locale={{ emptyText: t("publicStats.empty") }}
          columns={[
            {
              title: t("publicStats.col.group"),
              dataIndex: "group",
              render: (g: string, r) => groupName(g, r.label),
            },
            { title: t("publicStats.col.responses"), dataIndex: "responses", align: "right" },
            {
              title: t("publicStats.col.sum"),
              key: "sum",
              align: "right",
              render: (_: unknown, r) => figure(r.sums[question], r.suppressed[question]),
            },
            {
              title: t("publicStats.col.mean"),
              key: "mean",
              align: "right",
              render: (_: unknown, r) => figure(r.means[question], r.suppressed[question]),
            },
          ]}
        />
      )}
      <Alert
        className="pub-legend"
        type="info"
        showIcon
        style={{ marginTop: 12 }}
        message={t("publicStats.legend", { min })}
      />
    </Card>
  );
}
