import type { SessionResponse } from "@zhichan/shared";
import { Alert, Button, Card, Empty, Form, Input, InputNumber, Result, Select, Space, Table, Tag, Upload } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { getSession } from "../../api/accounts";
import { ApiError } from "../../api/client";
import {
  type AgencySurveyItem,
  answerSheetUrl,
  answerSurvey,
  answerSurveyExcel,
  applyBrand,
  getMyCredit,
  listMySurveys,
} from "../../api/registry";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import "../plan/officials.css";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";

/** Problems the server named for each question (answers are refused whole, every problem listed). */
function problemsOf(e: unknown): string[] {
  if (e instanceof ApiError) {
    const p = (e.details as { problems?: { message: string; row?: number | null }[] } | undefined)?.problems;
    if (p?.length) return p.map((x) => (x.row ? `第 ${x.row} 行：${x.message}` : x.message));
    return [e.message];
  }
  return [errorText(e)];
}

function SurveyForm({ item, onDone }: { item: AgencySurveyItem; onDone: () => void }) {
  const tx = useText();
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  return (
    <Card
      size="small"
      title={`${item.survey.title} · ${item.orgName}`}
      extra={
        <Space>
          <Tag color={item.status === "missing" ? "red" : "blue"}>
            {item.status === "missing" ? "未填报" : item.status}
          </Tag>
          <span className="off-sub">
            {tx("截止", "due")} {item.survey.dueDate}
          </span>
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      <Form
        layout="inline"
        initialValues={item.answers ?? {}}
        onFinish={async (v) => {
          setProblems([]);
          setSaved(false);
          try {
            await answerSurvey(item.survey.id, item.orgId, v);
            setSaved(true);
            onDone();
          } catch (e) {
            setProblems(problemsOf(e));
          }
        }}
      >
        {item.survey.questions.map((q) => (
          <Form.Item
            key={q.key}
            name={q.key}
            label={`${q.labelZh}${q.unit ? `（${q.unit}）` : ""}`}
            required={q.required}
          >
            {q.type === "text" ? (
              <Input style={{ width: 160 }} />
            ) : q.type === "choice" ? (
              <Select style={{ width: 140 }} options={(q.choices ?? []).map((c) => ({ value: c, label: c }))} />
            ) : (
              <InputNumber style={{ width: 130 }} />
            )}
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit">
          {tx("提交", "Submit")}
        </Button>
      </Form>
      <Space style={{ marginTop: 8 }}>
        <a href={answerSheetUrl(item.survey.id)}>{tx("下载 Excel 填报表", "Download answer sheet")}</a>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={async (file) => {
            setProblems([]);
            setSaved(false);
            try {
              await answerSurveyExcel(item.survey.id, item.orgId, file);
              setSaved(true);
              onDone();
            } catch (e) {
              setProblems(problemsOf(e));
            }
            return false;
          }}
        >
          <Button size="small">{tx("上传 Excel 填报", "Upload answer sheet")}</Button>
        </Upload>
      </Space>
      {saved && (
        <Alert
          style={{ marginTop: 8 }}
          type="success"
          showIcon
          message={tx("已提交，等待审核", "Submitted for review")}
        />
      )}
      {problems.length > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          message={tx("未提交：请修改以下问题", "Not submitted: fix these")}
          description={
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}

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
        <SurveyForm key={`${it.survey.id}-${it.orgId}`} item={it} onDone={surveys.reload} />
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
          <Form
            layout="inline"
            style={{ marginTop: 8 }}
            onFinish={async (v) => {
              try {
                await applyBrand(c.orgId, v.level, v.statement);
                setNote(tx("品牌机构评定申请已提交", "Application submitted"));
              } catch (e) {
                setNote(errorText(e));
              }
            }}
          >
            <Form.Item name="level" rules={[{ required: true }]}>
              <Select
                style={{ width: 120 }}
                placeholder={tx("级别", "Level")}
                options={[
                  { value: "provincial", label: "省级" },
                  { value: "national", label: "国家级" },
                ]}
              />
            </Form.Item>
            <Form.Item name="statement" rules={[{ required: true, min: 10 }]}>
              <Input style={{ width: 360 }} placeholder={tx("申请说明（不少于 10 字）", "Statement")} />
            </Form.Item>
            <Button htmlType="submit">{tx("申请品牌机构评定", "Apply for brand grading")}</Button>
          </Form>
        </Card>
      ))}
      {note && <Alert type="info" showIcon message={note} closable onClose={() => setNote(null)} />}
    </div>
  );
}
