import { Button, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { getIndustry } from "../../api/analytics";
import { EChart } from "../../charts/EChart";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { localMessage } from "../../i18n/apiErrors";
import { growthText } from "./IndustriesPage";
import { IndustryForm } from "./IndustryForm";
import "../navigation/analytics.css";

/** One industry database: its definition, compiled query, live size by year and top applicants. */
export function IndustryPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [tick, setTick] = useState(0);
  const ind = useAsync((s) => getIndustry(id, s), [id, tick]);
  const canWrite = useSession().can("industry:write");
  const [editing, setEditing] = useState(false);
  const i = ind.data;
  const option = useMemo(
    () =>
      i?.stats
        ? {
            grid: { left: 48, right: 16, top: 24, bottom: 32 },
            tooltip: { trigger: "axis" },
            xAxis: { type: "category", data: i.stats.byYear.slice(-25).map((y) => String(y.year)) },
            yAxis: { type: "value" },
            series: [
              { type: "bar", name: t("industries.filings"), data: i.stats.byYear.slice(-25).map((y) => y.count) },
            ],
          }
        : null,
    [i, t],
  );
  if (ind.error && !i) return <ErrorView error={ind.error} />;
  if (!i) return <PageLoading />;
  return (
    <div className="page industry-page">
      <Space style={{ justifyContent: "space-between", width: "100%" }} align="baseline">
        <Typography.Title level={2}>
          {i.seiCode && <Tag>{i.seiCode}</Tag>}
          <span data-content>{i.name}</span>
        </Typography.Title>
        <Space>
          <Link to={`/search?q=${encodeURIComponent(i.query)}`}>
            <Button>{t("industries.searchDocuments")}</Button>
          </Link>
          <Link to={`/navigation?industry=${i.id}`}>
            <Button type="primary">{t("industries.generateReport")}</Button>
          </Link>
          {canWrite && <Button onClick={() => setEditing(true)}>{t("industries.editDefinition")}</Button>}
        </Space>
      </Space>
      <Descriptions size="small" bordered column={1} styles={{ label: { width: 200, whiteSpace: "nowrap" } }}>
        {i.majorName && (
          <Descriptions.Item label={t("industries.major")}>
            <span data-content>{i.majorName}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("industries.size")}>
          <span data-testid="industry-size">
            {i.stats
              ? t("industries.sizeValue", {
                  n: i.stats.size.toLocaleString(),
                  p: i.stats.publications.toLocaleString(),
                })
              : "—"}
          </span>
        </Descriptions.Item>
        <Descriptions.Item
          label={t("industries.growth", {
            from: (i.stats?.lastCompleteYear ?? 0) - 2,
            to: i.stats?.lastCompleteYear ?? "—",
          })}
        >
          {i.stats
            ? t("industries.growthValue", {
                previous: i.stats.previous,
                recent: i.stats.recent,
                growth: growthText(i.stats.growth),
              })
            : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("industries.ipc")}>
          {i.ipcPrefixes.join(t("common.listSep")) || "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("industries.keywords")}>
          <span data-content>{i.keywords.join("、") || "—"}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("industries.exclusions")}>
          <span data-content>{i.exclusions.join("、") || "—"}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("industries.query")}>
          <code className="report-query">{i.query}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t("industries.notes")}>
          <span data-content>{(i.notes && (localMessage(i.notes) ?? i.notes)) || "—"}</span>
        </Descriptions.Item>
      </Descriptions>
      <Card title={t("industries.byYear")} size="small" style={{ marginTop: 16 }}>
        {option && <EChart option={option} height={260} label={t("industries.byYear")} />}
      </Card>
      <Card title={t("industries.topApplicants")} size="small" style={{ marginTop: 16 }}>
        <Table
          scroll={{ x: "max-content" }}
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={i.stats?.topApplicants ?? []}
          columns={[
            {
              title: t("industries.applicant"),
              dataIndex: "name",
              render: (v: string, a) => <Link to={`/applicants/${a.key}`}>{v}</Link>,
            },
            { title: t("industries.count"), dataIndex: "count", align: "right" },
          ]}
        />
      </Card>
      <IndustryForm
        open={editing}
        industry={i}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          setTick((x) => x + 1);
        }}
      />
    </div>
  );
}
