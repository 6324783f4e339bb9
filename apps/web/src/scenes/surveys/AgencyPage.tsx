import type { SessionResponse } from "@zhichan/shared";
import { Alert, Card, Empty, Result, Table } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { getSession } from "../../api/accounts";
import { getMyCredit, listMySurveys } from "../../api/registry";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import "../plan/officials.css";
import "./surveys.css";
import { useText } from "../signin/useText";
import { BrandApplyForm } from "./BrandApplyForm";
import { SurveyAnswerForm } from "./SurveyAnswerForm";

/** 机构工作台: an agency answers its surveys, sees its credit grade with the reasons, applies for brand grading. */
export function AgencyPage() {
  const tx = useText();
  const [session, setSession] = useState<SessionResponse | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    getSession().then(setSession, () => setSession(null));
  }, []);
  const allowed = session?.stage === "ok" && session.user?.permissions.includes("survey:file");
  const surveys = useAsync(allowed ? (s) => listMySurveys(s) : null, [allowed]);
  const credit = useAsync(allowed ? (s) => getMyCredit(s) : null, [allowed]);
  if (!session) return <PageLoading />;
  if (!allowed)
    return (
      <Result
        status="403"
        title={tx("机构工作台仅对服务机构用户开放", "For agency users")}
        extra={<Link to="/signin?next=/agency">{tx("登录", "Sign in")}</Link>}
      />
    );
  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1>{tx("机构工作台", "Agency workspace")}</h1>
          <div className="off-sub">
            {tx("统计调查填报、信用等级、品牌机构评定申请", "Surveys, credit grade, brand grading")}
          </div>
        </div>
      </div>
      <h3>{tx("待填报的统计调查", "Surveys to answer")}</h3>
      {surveys.data && surveys.data.items.length === 0 && (
        <Empty
          description={tx(
            "暂无待填报的调查（机构须已在登记簿中登记，且统一社会信用代码与账户机构一致）",
            "No open surveys for your organisation",
          )}
        />
      )}
      {surveys.data?.items.map((it) => (
        <SurveyAnswerForm key={`${it.survey.id}-${it.orgId}`} item={it} onDone={surveys.reload} />
      ))}
      <h3 style={{ marginTop: 16 }}>{tx("信用等级", "Credit grade")}</h3>
      {credit.data?.items.length === 0 && (
        <Empty description={tx("登记簿中尚无本机构的有效记录", "Your organisation is not in the registry yet")} />
      )}
      {credit.data?.items.map((c) => (
        <Card
          key={c.orgId}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${c.orgName} · ${c.grade}（${c.score} 分）`}
        >
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.kind}-${r.date ?? ""}-${r.violationId ?? ""}`}
            dataSource={c.reasons}
            columns={[
              { title: tx("项目", "Item"), dataIndex: "labelZh" },
              { title: tx("日期", "Date"), dataIndex: "date", render: (d?: string) => d ?? "—" },
              { title: tx("分值", "Points"), dataIndex: "points" },
            ]}
          />
          <BrandApplyForm orgId={c.orgId} onNote={setNote} />
        </Card>
      ))}
      {note && <Alert type="info" showIcon message={note} closable onClose={() => setNote(null)} />}
    </div>
  );
}
