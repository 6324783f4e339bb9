import { Alert, Card, Empty, Result, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { getMyCredit, listMySurveys } from "../../api/registry";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import "../plan/officials.css";
import { useCodes } from "../../i18n/useCodes";
import "./surveys.css";
import { BrandApplyForm } from "./BrandApplyForm";
import { SurveyAnswerForm } from "./SurveyAnswerForm";

/** 机构工作台: an agency answers its surveys, sees its credit grade with the reasons, applies for brand grading. */
export function AgencyPage() {
  const { t, pick } = useCodes();
  const { session, can } = useSession();
  const [note, setNote] = useState<string | null>(null);
  const allowed = can("survey:file");
  const surveys = useAsync(allowed ? (s) => listMySurveys(s) : null, [allowed]);
  const credit = useAsync(allowed ? (s) => getMyCredit(s) : null, [allowed]);
  if (!session) return <PageLoading />;
  if (!allowed)
    return (
      <Result
        status="403"
        title={t("surveys.agency.closed")}
        extra={<Link to="/signin?next=/agency">{t("common.signIn")}</Link>}
      />
    );
  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1>{t("surveys.agency.title")}</h1>
          <div className="off-sub">{t("surveys.agency.intro")}</div>
        </div>
      </div>
      <h3>{t("surveys.agency.toAnswer")}</h3>
      {surveys.data && surveys.data.items.length === 0 && <Empty description={t("surveys.agency.none")} />}
      {surveys.data?.items.map((it) => (
        <SurveyAnswerForm key={`${it.survey.id}-${it.orgId}`} item={it} onDone={surveys.reload} />
      ))}
      <h3 style={{ marginTop: 16 }}>{t("surveys.agency.credit")}</h3>
      {credit.data?.items.length === 0 && <Empty description={t("surveys.agency.notInRegistry")} />}
      {credit.data?.items.map((c) => (
        <Card
          key={c.orgId}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <>
              <span data-content>{c.orgName}</span> ·{" "}
              {t("surveys.agency.creditTitle", { grade: c.grade, score: c.score })}
            </>
          }
        >
          <Table
            scroll={{ x: "max-content" }}
            size="small"
            pagination={false}
            rowKey={(r) => `${r.kind}-${r.date ?? ""}-${r.violationId ?? ""}`}
            dataSource={c.reasons}
            columns={[
              {
                title: t("surveys.agency.item"),
                key: "label",
                render: (_: unknown, r) => pick({ zh: r.labelZh, en: r.labelEn }),
              },
              { title: t("surveys.agency.date"), dataIndex: "date", render: (d?: string) => d ?? "—" },
              { title: t("surveys.agency.points"), dataIndex: "points" },
            ]}
          />
          <BrandApplyForm orgId={c.orgId} onNote={setNote} />
        </Card>
      ))}
      {note && <Alert type="info" showIcon message={note} closable onClose={() => setNote(null)} />}
    </div>
  );
}
