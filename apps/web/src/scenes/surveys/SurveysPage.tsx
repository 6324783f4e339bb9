import type { SessionResponse, Survey } from "@zhichan/shared";
import { Alert, Button, Card, Result, Segmented, Select, Space, Table, Tag } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { getSession } from "../../api/accounts";
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
import { useAsync } from "../../components/useAsync";
import "../plan/officials.css";
import { districtName, label } from "../registry/labels";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";
import { CreateSurveyForm } from "./CreateSurveyForm";

const STATUS_COLOR: Record<string, string> = { draft: "default", open: "blue", closed: "orange", published: "green" };
const STATUS_ZH: Record<string, string> = {
  draft: "草稿",
  open: "填报中",
  closed: "已截止",
  published: "已发布",
  missing: "未填报",
  submitted: "待审核",
  accepted: "已通过",
  rejected: "已退回",
};
const ACTION: Record<string, [string, string]> = {
  open: ["开放填报", "Open"],
  closed: ["截止填报", "Close"],
  published: ["发布汇总", "Publish"],
};
const NEXT: Record<string, "open" | "closed" | "published" | null> = {
  draft: "open",
  open: "closed",
  closed: "published",
  published: null,
};

/** 统计调查: define, open, track who has not answered, accept or return, publish aggregates with charts. */
export function SurveysPage() {
  const tx = useText();
  const [session, setSession] = useState<SessionResponse | null>(null);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getSession().then(setSession, () => setSession(null));
  }, []);
  const allowed = session?.stage === "ok" && session.user?.permissions.includes("survey:manage");
  const list = useAsync(allowed ? (s) => listSurveys(s) : null, [allowed]);
  if (!session) return <PageLoading />;
  if (!allowed)
    return (
      <Result
        status="403"
        title={tx("统计调查管理仅对管理人员开放", "Survey management is for officials")}
        extra={<Link to="/signin?next=/surveys">{tx("登录", "Sign in")}</Link>}
      />
    );
  const survey = list.data?.items.find((s) => s.id === selected) ?? null;
  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1>{tx("服务机构统计调查", "Statistical surveys of agencies")}</h1>
          <div className="off-sub">
            {tx(
              "机构在线或用 Excel 填报；仅审核通过的数据进入汇总",
              "Agencies answer online or by Excel; only accepted answers are aggregated",
            )}
          </div>
        </div>
        <Space>
          {!session.user?.district && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {tx("发起调查", "New survey")}
            </Button>
          )}
          <Link to="/registry">{tx("登记簿", "Registry")}</Link>
        </Space>
      </div>
      {error && (
        <Alert className="off-notice" type="error" showIcon message={error} closable onClose={() => setError(null)} />
      )}
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: tx("尚未发起调查", "No surveys yet") }}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: "pointer" } })}
        columns={[
          {
            title: tx("调查", "Survey"),
            dataIndex: "title",
            render: (t: string, r: Survey) => (r.id === selected ? <strong>{t}</strong> : t),
          },
          {
            title: tx("统计期", "Period"),
            key: "p",
            render: (_: unknown, r: Survey) => `${r.periodStart} – ${r.periodEnd}`,
          },
          { title: tx("截止", "Due"), dataIndex: "dueDate" },
          {
            title: tx("对象", "Addressed to"),
            dataIndex: "categories",
            render: (c: string[]) => c.map(label).join("、"),
          },
          {
            title: tx("已填报/应填报", "Answered"),
            key: "a",
            render: (_: unknown, r: Survey) => `${r.answered} / ${r.expected}`,
          },
          {
            title: tx("状态", "Status"),
            dataIndex: "status",
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{STATUS_ZH[s]}</Tag>,
          },
          {
            title: "",
            key: "next",
            render: (_: unknown, r: Survey) =>
              NEXT[r.status] && !session.user?.district ? (
                <Button
                  size="small"
                  onClick={async (e) => {
                    e.stopPropagation();
                    try {
                      await setSurveyStatus(r.id, NEXT[r.status]!);
                      list.reload();
                    } catch (err) {
                      setError(errorText(err));
                    }
                  }}
                >
                  {tx(...ACTION[NEXT[r.status]!])}
                </Button>
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
  const tx = useText();
  const responses = useAsync((s) => listResponses(survey.id, s), [survey.id]);
  const [by, setBy] = useState<"district" | "category">("district");
  const [question, setQuestion] = useState(survey.questions.find((q) => q.type !== "text")?.key ?? "");
  const agg = useAsync((s) => getAggregates(survey.id, by, s), [survey.id, by]);
  const chart = useMemo(
    () =>
      agg.data &&
      rankedBarOption(
        agg.data.rows.map((r) => ({ name: r.label, value: r.sums[question] ?? 0 })),
        question,
      ),
    [agg.data, question],
  );
  const review = async (orgId: number, accept: boolean) => {
    const note = accept ? "" : (window.prompt(tx("退回原因", "Reason")) ?? "");
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
        title={`${survey.title} · ${tx("填报情况", "Responses")}`}
        extra={<a href={answerSheetUrl(survey.id)}>{tx("Excel 填报表", "Answer sheet")}</a>}
      >
        {responses.error ? <ErrorView error={responses.error} /> : null}
        <Table
          size="small"
          rowKey="orgId"
          loading={responses.loading}
          dataSource={responses.data?.items ?? []}
          pagination={{ pageSize: 15 }}
          locale={{
            emptyText: tx(
              "登记簿中没有应填报的有效机构",
              "No confirmed organisations of these categories in the registry",
            ),
          }}
          columns={[
            { title: tx("机构", "Organisation"), dataIndex: "orgName" },
            { title: tx("区县", "District"), dataIndex: "districtCode", render: districtName },
            {
              title: tx("状态", "Status"),
              dataIndex: "status",
              render: (s: string) => (
                <Tag color={s === "missing" ? "red" : s === "accepted" ? "green" : "blue"}>{STATUS_ZH[s]}</Tag>
              ),
            },
            {
              title: tx("方式", "Channel"),
              dataIndex: "channel",
              render: (c: string | null) => (c === "excel" ? "Excel" : c === "online" ? tx("在线", "online") : "—"),
            },
            {
              title: "",
              key: "act",
              render: (_: unknown, r) =>
                r.status === "submitted" ? (
                  <Space>
                    <Button size="small" type="primary" onClick={() => review(r.orgId, true)}>
                      {tx("通过", "Accept")}
                    </Button>
                    <Button size="small" onClick={() => review(r.orgId, false)}>
                      {tx("退回", "Return")}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={tx("汇总（已审核通过）", "Aggregates (accepted answers)")}>
        <div style={{ marginBottom: 8 }}>
          <Space>
            <Segmented
              value={by}
              onChange={(v) => setBy(v as "district")}
              options={[
                { value: "district", label: tx("按区县", "district") },
                { value: "category", label: tx("按类别", "category") },
              ]}
            />
            <Select
              size="small"
              value={question}
              onChange={setQuestion}
              style={{ width: 160 }}
              options={numeric.map((q) => ({ value: q.key, label: q.labelZh }))}
            />
          </Space>
        </div>
        {agg.data && agg.data.rows.length > 0 && chart ? (
          <EChart option={chart} height={rankedHeight(agg.data.rows.length)} label="aggregates" />
        ) : (
          <p className="off-sub">{tx("尚无审核通过的填报", "No accepted answers yet")}</p>
        )}
      </Card>
    </div>
  );
}
