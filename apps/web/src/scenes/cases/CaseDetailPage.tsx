import type { CaseDetail } from "@zhichan/shared";
import { Alert, Card, Col, Descriptions, Result, Row, Spin, Tag, Timeline, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { getCase, getCaseTypes } from "../../api/cases";
import { ApiError } from "../../api/client";
import { useAsync } from "../../components/useAsync";
import { codes } from "../../i18n/pages/zh/codes";
import { useCodes } from "../../i18n/useCodes";
import { errorText } from "../signin/signin-util";
import { CaseActions } from "./CaseActions";
import { CaseChecks } from "./CaseChecks";
import { CaseRating } from "./CaseRating";
import { CaseAssign, CaseAttachments, CaseComment } from "./CaseSide";
import { DEADLINE_COLORS, stateLabel, transitionLabel } from "./caseText";
import { RevealFormPii } from "./RevealFormPii";

/** Form fields holding a division code: shown by the division's name. */
const DISTRICT_FIELDS = new Set(["firstPracticeDistrict", "district", "districtCode"]);
const caseOptions = codes.caseOption;

/** 案件详情: what was asked, where it stands, what the caller may do now, and the whole timeline. */
export function CaseDetailPage() {
  const id = Number(useParams().id);
  const { t, i18n } = useTranslation();
  const { code, region, pick } = useCodes();
  const locale = i18n.language === "en" ? "en-GB" : "zh-CN";
  const time = (ms: number) => new Date(ms).toLocaleString(locale, { hour12: false });
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
        title={t("common.pleaseSignIn")}
        extra={<Link to={`/signin?next=/cases/${id}`}>{t("common.signIn")}</Link>}
      />
    );
  if (loaded.error) return <Alert type="error" showIcon message={errorText(loaded.error)} />;
  if (!c) return <Spin />;
  const type = types.data?.find((x) => x.key === c.type);
  /** A form value in words: choices by name, yes/no, districts by name; the applicant's own text as typed. */
  const show = (k: string, v: unknown) =>
    Array.isArray(v) ? (
      v.join(t("common.listSep"))
    ) : typeof v === "boolean" ? (
      t(v ? "common.yes" : "common.no")
    ) : typeof v === "string" && DISTRICT_FIELDS.has(k) ? (
      region(v)
    ) : typeof v === "string" && Object.hasOwn(caseOptions, v) ? (
      code("caseOption", v)
    ) : (
      <span data-content>{String(v)}</span>
    );

  return (
    <Row gutter={[16, 16]} data-testid="case-detail" data-state={c.state}>
      <Col xs={24} lg={15}>
        <Card
          title={<span data-content>{`${c.ref} · ${c.title}`}</span>}
          extra={
            <Tag color="blue" data-testid="detail-state">
              {stateLabel(type, c.state, pick)}
            </Tag>
          }
        >
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t("cases.detail.type")}>{type ? pick(type.label) : c.type}</Descriptions.Item>
            <Descriptions.Item label={t("cases.detail.applicant")}>
              <span data-content>{c.orgName ?? c.applicantName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("cases.detail.submitted")}>{time(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t("cases.detail.deadline")}>
              {c.deadline.status === "none" ? (
                "—"
              ) : (
                <Tag color={DEADLINE_COLORS[c.deadline.status]}>
                  {code("caseDeadline", c.deadline.status)}{" "}
                  {c.deadline.dueAt ? new Date(c.deadline.dueAt - 1).toLocaleDateString(locale) : ""}
                </Tag>
              )}
            </Descriptions.Item>
            {c.assignees.length > 0 && (
              <Descriptions.Item label={t("cases.detail.assignees")}>
                <span data-content>{c.assignees.map((a) => a.name).join(t("common.listSep"))}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("cases.detail.application")}
          </Typography.Title>
          <Descriptions column={1} size="small" bordered>
            {Object.entries(c.form).map(([k, v]) => (
              <Descriptions.Item key={k} label={t(`fields.${k}`, { defaultValue: k })}>
                {show(k, revealed?.[k] ?? v)}
              </Descriptions.Item>
            ))}
          </Descriptions>
          {!revealed && <RevealFormPii c={c} onRevealed={setRevealed} />}
          {c.checks && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t("cases.detail.checks")}
              </Typography.Title>
              <CaseChecks checks={c.checks} />
            </>
          )}
          <div style={{ marginTop: 16 }}>
            <CaseActions c={c} onChange={setC} />
          </div>
          <div style={{ marginTop: 12 }}>
            <CaseAssign c={c} type={type} onChange={setC} />
          </div>
        </Card>
        <Card title={t("cases.detail.attachments")} style={{ marginTop: 16 }}>
          <CaseAttachments c={c} type={type} onChange={setC} />
        </Card>
        <CaseRating c={c} />
      </Col>
      <Col xs={24} lg={9}>
        <Card title={t("cases.detail.timeline")}>
          <Timeline
            data-testid="timeline"
            items={c.timeline.map((e) => ({
              color: e.kind === "overdue" || e.kind === "escalated" ? "red" : e.kind === "transition" ? "blue" : "gray",
              children: (
                <div data-event={e.kind}>
                  <Typography.Text strong>
                    {e.kind === "transition" && e.transition
                      ? transitionLabel(type, e.transition, pick)
                      : code("caseEvent", e.kind)}
                  </Typography.Text>
                  {e.toState && e.kind === "transition" ? ` → ${stateLabel(type, e.toState, pick)}` : ""}
                  <div style={{ fontSize: 12, color: "var(--zc-muted)" }}>
                    {time(e.at)} <span data-content>{e.actorName ?? t("cases.detail.system")}</span>
                  </div>
                  {e.body && <div data-content>{e.body}</div>}
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
