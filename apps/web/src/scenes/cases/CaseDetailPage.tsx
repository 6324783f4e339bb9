import type { CaseDetail } from "@zhichan/shared";
import { Alert, Card, Col, Descriptions, Result, Row, Spin, Tag, Timeline, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { getCase, getCaseTypes } from "../../api/cases";
import { ApiError } from "../../api/client";
import { useAsync } from "../../components/useAsync";
import { errorText } from "../signin/signin-util";
import { useShortText, useText } from "../signin/useText";
import { CaseActions } from "./CaseActions";
import { CaseAssign, CaseAttachments, CaseComment } from "./CaseSide";
import {
  DEADLINE_COLORS,
  DEADLINE_LABELS,
  EVENT_LABELS,
  FIELD_LABELS,
  OPTION_LABELS,
  stateLabel,
  transitionLabel,
} from "./caseText";
import { RevealFormPii } from "./RevealFormPii";

const time = (ms: number) => new Date(ms).toLocaleString("zh-CN", { hour12: false });

/** 案件详情: what was asked, where it stands, what the caller may do now, and the whole timeline. */
export function CaseDetailPage() {
  const id = Number(useParams().id);
  const tx = useText();
  const short = useShortText();
  const types = useAsync(() => getCaseTypes(), []);
  const loaded = useAsync((signal) => getCase(id, signal), [id]);
  const [c, setC] = useState<CaseDetail | undefined>();
  useEffect(() => setC(loaded.data), [loaded.data]);
  // personal data an official revealed (audited); forgotten when another case is shown
  const [revealed, setRevealed] = useState<Record<string, string | null> | null>(null);
  useEffect(() => setRevealed(null), [id]);

  if (loaded.error instanceof ApiError && loaded.error.code === "UNAUTHENTICATED")
    return (
      <Result
        status="403"
        title={tx("请先登录", "Please sign in")}
        extra={<Link to={`/signin?next=/cases/${id}`}>{tx("登录", "Sign in")}</Link>}
      />
    );
  if (loaded.error) return <Alert type="error" showIcon message={errorText(loaded.error)} />;
  if (!c) return <Spin />;
  const type = types.data?.find((t) => t.key === c.type);
  const show = (v: unknown) =>
    Array.isArray(v)
      ? v.join("、")
      : typeof v === "boolean"
        ? v
          ? tx("是", "yes")
          : tx("否", "no")
        : typeof v === "string" && OPTION_LABELS[v]
          ? short(...OPTION_LABELS[v])
          : String(v);

  return (
    <Row gutter={[16, 16]} data-testid="case-detail" data-state={c.state}>
      <Col xs={24} lg={15}>
        <Card
          title={`${c.ref} · ${c.title}`}
          extra={
            <Tag color="blue" data-testid="detail-state">
              {stateLabel(type, c.state, short)}
            </Tag>
          }
        >
          <Descriptions column={2} size="small">
            <Descriptions.Item label={tx("业务", "Type")}>
              {type ? short(type.label.zh, type.label.en) : c.type}
            </Descriptions.Item>
            <Descriptions.Item label={tx("申请人", "Applicant")}>{c.orgName ?? c.applicantName}</Descriptions.Item>
            <Descriptions.Item label={tx("提交时间", "Submitted")}>{time(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={tx("期限", "Deadline")}>
              {c.deadline.status === "none" ? (
                "—"
              ) : (
                <Tag color={DEADLINE_COLORS[c.deadline.status]}>
                  {short(...DEADLINE_LABELS[c.deadline.status])}{" "}
                  {c.deadline.dueAt ? new Date(c.deadline.dueAt - 1).toLocaleDateString("zh-CN") : ""}
                </Tag>
              )}
            </Descriptions.Item>
            {c.assignees.length > 0 && (
              <Descriptions.Item label={tx("承办人", "Assigned")}>
                {c.assignees.map((a) => a.name).join("、")}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {tx("申请内容", "Application")}
          </Typography.Title>
          <Descriptions column={1} size="small" bordered>
            {Object.entries(c.form).map(([k, v]) => (
              <Descriptions.Item key={k} label={FIELD_LABELS[k] ? short(...FIELD_LABELS[k]) : k}>
                {show(revealed?.[k] ?? v)}
              </Descriptions.Item>
            ))}
          </Descriptions>
          {!revealed && <RevealFormPii c={c} onRevealed={setRevealed} />}
          {c.checks && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {tx("自动核查", "Automatic checks")}
              </Typography.Title>
              <pre className="case-checks" style={{ whiteSpace: "pre-wrap", fontSize: 12 }}>
                {JSON.stringify(c.checks, null, 2)}
              </pre>
            </>
          )}
          <div style={{ marginTop: 16 }}>
            <CaseActions c={c} onChange={setC} />
          </div>
          <div style={{ marginTop: 12 }}>
            <CaseAssign c={c} type={type} onChange={setC} />
          </div>
        </Card>
        <Card title={tx("附件", "Attachments")} style={{ marginTop: 16 }}>
          <CaseAttachments c={c} type={type} onChange={setC} />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title={tx("办理过程", "Timeline")}>
          <Timeline
            data-testid="timeline"
            items={c.timeline.map((e) => ({
              color: e.kind === "overdue" || e.kind === "escalated" ? "red" : e.kind === "transition" ? "blue" : "gray",
              children: (
                <div data-event={e.kind}>
                  <Typography.Text strong>
                    {e.kind === "transition" && e.transition
                      ? transitionLabel(type, e.transition, short)
                      : short(...(EVENT_LABELS[e.kind] ?? [e.kind, e.kind]))}
                  </Typography.Text>
                  {e.toState && e.kind === "transition" ? ` → ${stateLabel(type, e.toState, short)}` : ""}
                  <div style={{ fontSize: 12, color: "#888" }}>
                    {time(e.at)} {e.actorName ?? tx("系统", "system")}
                  </div>
                  {e.body && <div>{e.body}</div>}
                </div>
              ),
            }))}
          />
          <CaseComment c={c} type={type} onChange={setC} />
        </Card>
      </Col>
    </Row>
  );
}
