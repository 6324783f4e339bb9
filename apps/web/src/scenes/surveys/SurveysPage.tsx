import type { Survey } from "@zhichan/shared";
import { Alert, Button, Card, Result, Segmented, Select, Space, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import {
  answerSheetUrl,
  getAggregates,
  listResponses,
  listSurveys,
  reviewResponse,
  setSurveyStatus,
} from "../../api/registry";
import { EChart } from "../../charts/EChart";
import { rankedBarOption, rankedHeight } from "../../charts/options";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import "../plan/officials.css";
import { useRegistryLabels } from "../registry/labels";
import { errorText } from "../signin/signin-util";
import { CreateSurveyForm } from "./CreateSurveyForm";
import { useGroupName } from "./groupName";

const STATUS_COLOR: Record<string, string> = { draft: "default", open: "blue", closed: "orange", published: "green" };
/** The words for a status change; opening a closed survey again reads as reopening. */
const actionWord = (status: Survey["status"], to: Survey["actions"][number]) =>
  status === "closed" && to === "open" ? "reopen" : to;

/** 统计调查: define, open, track who has not answered, accept or return, publish aggregates with charts. */
export function SurveysPage() {
  const { t } = useTranslation();
  const { code } = useCodes();
  const { label } = useRegistryLabels();
  const { session, user, can } = useSession();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const allowed = can("survey:manage");
  const list = useAsync(allowed ? (s) => listSurveys(s) : null, [allowed]);
  if (!session) return <PageLoading />;
  if (!allowed)
    return (
      <Result
        status="403"
        title={t("surveys.closed")}
        extra={<Link to="/signin?next=/surveys">{t("common.signIn")}</Link>}
      />
    );
  const survey = list.data?.items.find((s) => s.id === selected) ?? null;
  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1>{t("surveys.title")}</h1>
          <div className="off-sub">{t("surveys.intro")}</div>
        </div>
        <Space>
          {!user?.district && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t("surveys.create")}
            </Button>
          )}
          <Link to="/registry">{t("surveys.registry")}</Link>
        </Space>
      </div>
      {error && (
        <Alert className="off-notice" type="error" showIcon message={error} closable onClose={() => setError(null)} />
      )}
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : null}
      <Table
        scroll={{ x: "max-content" }}
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("surveys.empty") }}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: "pointer" } })}
        columns={[
          {
            title: t("surveys.col.survey"),
            dataIndex: "title",
            render: (title: string, r: Survey) => (
              <span data-content>{r.id === selected ? <strong>{title}</strong> : title}</span>
            ),
          },
          {
            title: t("surveys.col.period"),
            key: "p",
            render: (_: unknown, r: Survey) => `${r.periodStart} – ${r.periodEnd}`,
          },
          { title: t("surveys.col.due"), dataIndex: "dueDate" },
          {
            title: t("surveys.col.addressedTo"),
            dataIndex: "categories",
            render: (c: string[]) => c.map(label).join(t("common.listSep")),
          },
          {
            title: t("surveys.col.answered"),
            key: "a",
            render: (_: unknown, r: Survey) => `${r.answered} / ${r.expected}`,
          },
          {
            title: t("surveys.col.status"),
            dataIndex: "status",
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{code("surveyStatus", s)}</Tag>,
          },
          {
            title: "",
            key: "next",
            // the server's list of what this user may do now (its transition table), not a copy of it here
            render: (_: unknown, r: Survey) =>
              r.actions.length ? (
                <Space size="small">
                  {r.actions.map((to) => (
                    <Button
                      key={to}
                      size="small"
                      onClick={async (e) => {
                        e.stopPropagation();
                        try {
                          await setSurveyStatus(r.id, to);
                          list.reload();
                        } catch (err) {
                          setError(errorText(err));
                        }
                      }}
                    >
                      {code("surveyAction", actionWord(r.status, to))}
                    </Button>
                  ))}
                </Space>
              ) : null,
          },
        ]}
      />
      {survey && <SurveyDetail survey={survey} onChange={list.reload} />}
      {creating && (
        <CreateSurveyForm
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            // the new survey opens below the list, ready to be opened for answers
            list.reload();
            setSelected(created.id);
          }}
        />
      )}
    </div>
  );
}

function SurveyDetail({ survey, onChange }: { survey: Survey; onChange: () => void }) {
  const { t } = useTranslation();
  const { code, pick } = useCodes();
  const { districtName } = useRegistryLabels();
  const responses = useAsync((s) => listResponses(survey.id, s), [survey.id]);
  const [by, setBy] = useState<"district" | "category">("district");
  const [question, setQuestion] = useState(survey.questions.find((q) => q.type !== "text")?.key ?? "");
  const agg = useAsync((s) => getAggregates(survey.id, by, s), [survey.id, by]);
  const groupName = useGroupName();
  const chart = useMemo(
    () =>
      agg.data &&
      rankedBarOption(
        agg.data.rows.map((r) => ({ name: groupName(r.group, r.label), value: r.sums[question] ?? 0 })),
        question,
      ),
    [agg.data, question, groupName],
  );
  // what publishing would withhold (the server marks it; the public answer carries nulls there)
  const withheld = (agg.data?.rows ?? []).filter((r) => r.suppressed[question]);
  const withheldCells = (agg.data?.rows ?? []).reduce((n, r) => n + Object.keys(r.suppressed).length, 0);
  const review = async (orgId: number, accept: boolean) => {
    const note = accept ? "" : (window.prompt(t("surveys.returnReason")) ?? "");
    await reviewResponse(survey.id, orgId, accept, note);
    responses.reload();
    agg.reload();
    onChange();
  };
  const numeric = survey.questions.filter((q) => q.type === "integer" || q.type === "number");
  return (
    <div className="plan-detail" style={{ marginTop: 12 }}>
      <Card
        size="small"
        title={<span data-content>{t("surveys.responses", { title: survey.title })}</span>}
        extra={<a href={answerSheetUrl(survey.id)}>{t("surveys.answerSheet")}</a>}
      >
        {responses.error ? <ErrorView error={responses.error} /> : null}
        <Table
          scroll={{ x: "max-content" }}
          size="small"
          rowKey="orgId"
          loading={responses.loading}
          dataSource={responses.data?.items ?? []}
          pagination={{ pageSize: 15 }}
          locale={{ emptyText: t("surveys.noOrgs") }}
          columns={[
            { title: t("surveys.col.organisation"), dataIndex: "orgName" },
            { title: t("surveys.col.district"), dataIndex: "districtCode", render: districtName },
            {
              title: t("surveys.col.status"),
              dataIndex: "status",
              render: (s: string) => (
                <Tag color={s === "missing" ? "red" : s === "accepted" ? "green" : "blue"}>
                  {code("responseStatus", s)}
                </Tag>
              ),
            },
            {
              title: t("surveys.col.channel"),
              dataIndex: "channel",
              render: (c: string | null) => (c ? code("answerChannel", c) : "—"),
            },
            {
              title: "",
              key: "act",
              render: (_: unknown, r) =>
                r.status === "submitted" ? (
                  <Space>
                    <Button size="small" type="primary" onClick={() => review(r.orgId, true)}>
                      {t("surveys.accept")}
                    </Button>
                    <Button size="small" onClick={() => review(r.orgId, false)}>
                      {t("surveys.return")}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("surveys.aggregates")}>
        <div style={{ marginBottom: 8 }}>
          <Space>
            <Segmented
              value={by}
              onChange={(v) => setBy(v as "district")}
              options={[
                { value: "district", label: t("surveys.byDistrict") },
                { value: "category", label: t("surveys.byCategory") },
              ]}
            />
            <Select
              size="small"
              value={question}
              onChange={setQuestion}
              style={{ width: 160 }}
              options={numeric.map((q) => ({ value: q.key, label: pick({ zh: q.labelZh, en: q.labelEn ?? "" }) }))}
            />
          </Space>
        </div>
        {withheldCells > 0 && agg.data ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            message={t("publicStats.preview", { n: withheldCells, min: agg.data.minGroupSize })}
            description={
              withheld.length > 0 ? (
                <Space wrap size={4}>
                  {`${t("publicStats.previewMark")}${t("common.colon")}`}
                  {withheld.map((r) => (
                    <Tag key={r.group}>{groupName(r.group, r.label)}</Tag>
                  ))}
                </Space>
              ) : undefined
            }
          />
        ) : null}
        {survey.status === "published" && (
          <p className="off-sub">
            <Link to="/statistics/published">{t("publicStats.openPublic")}</Link>
          </p>
        )}
        {agg.data && agg.data.rows.length > 0 && chart ? (
          <EChart option={chart} height={rankedHeight(agg.data.rows.length)} label={t("surveys.aggregates")} />
        ) : (
          <p className="off-sub">{t("surveys.noAccepted")}</p>
        )}
      </Card>
    </div>
  );
}
