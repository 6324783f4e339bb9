import { AUDIT_ACTIONS, type AuditEntry, type AuditVerifyResponse, type SessionResponse } from "@zhichan/shared";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { type AuditFilters, auditExportUrl, getAuditPage, getSession, verifyAudit } from "../../api/accounts";
import { errorText } from "../signin/signin-util";
import { useShortText, useText } from "../signin/useText";

const OUTCOME_COLOR = { success: "green", failure: "orange", denied: "red" } as const;
const PREFIXES = ["auth", "account", "permission", "org", "pii", "data", "case", "setup", "access", "admin"];

/** 审计日志: the audit administrator's filtered view, CSV export (itself audited) and hash-chain check. */
export function AuditLogPage() {
  const tx = useText();
  const short = useShortText();
  const [session, setSession] = useState<SessionResponse | null>(null);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<AuditVerifyResponse | null>(null);

  useEffect(() => {
    getSession()
      .then(setSession)
      .catch((e) => setError(errorText(e)));
  }, []);
  const allowed = session?.stage === "ok" && session.user?.permissions.includes("audit:read");

  const load = useCallback(async (f: AuditFilters, before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await getAuditPage(f, before);
      setEntries((prev) => (before ? [...prev, ...page.entries] : page.entries));
      setNextBefore(page.nextBefore);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (allowed) void load(filters);
  }, [allowed, filters, load]);

  if (!session) return error ? <Alert type="error" showIcon message={error} /> : <Spin />;
  if (!allowed) {
    return (
      <Result
        status="403"
        title={tx("需要审计管理员权限", "The audit administrator's page")}
        extra={<Link to="/signin?next=/audit">{tx("登录", "Sign in")}</Link>}
      />
    );
  }

  const onFilter = (v: { range?: unknown; actor?: string; action?: string; outcome?: AuditFilters["outcome"] }) => {
    const range = (v.range as { format: (f: string) => string }[] | null | undefined) ?? null;
    setFilters({
      from: range?.[0]?.format("YYYY-MM-DD"),
      to: range?.[1]?.format("YYYY-MM-DD"),
      actor: v.actor?.trim() || undefined,
      action: v.action || undefined,
      outcome: v.outcome || undefined,
    });
  };

  return (
    <div className="audit-page">
      <Typography.Title level={2}>{tx("审计日志", "Audit log")}</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={onFilter}>
          <Form.Item name="range" label={short("日期", "Dates")}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="actor" label={short("操作人", "Actor")}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="action" label={short("操作", "Action")}>
            <Select
              allowClear
              showSearch
              style={{ width: 200 }}
              options={[
                ...PREFIXES.map((p) => ({ value: p, label: `${p}.*` })),
                ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a })),
              ]}
            />
          </Form.Item>
          <Form.Item name="outcome" label={short("结果", "Outcome")}>
            <Select
              allowClear
              style={{ width: 120 }}
              options={["success", "failure", "denied"].map((o) => ({ value: o, label: o }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {short("筛选", "Filter")}
            </Button>
            <Button href={auditExportUrl(filters)} download>
              {short("导出 CSV", "Export CSV")}
            </Button>
            <Button onClick={() => verifyAudit().then(setCheck, (e) => setError(errorText(e)))}>
              {short("校验哈希链", "Verify chain")}
            </Button>
          </Space>
        </Form>
      </Card>
      {check && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={check.ok ? "success" : "error"}
          message={
            check.ok
              ? tx(`哈希链完整，共 ${check.checked} 条`, `Chain intact: ${check.checked} entries`)
              : tx(`第 ${check.firstBadSeq} 条被篡改`, `Entry ${check.firstBadSeq} was tampered with`)
          }
          description={check.reason ?? undefined}
        />
      )}
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={loading}
        dataSource={entries}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: "#", dataIndex: "seq", width: 70 },
          {
            title: short("时间", "Time"),
            dataIndex: "at",
            width: 170,
            render: (v: string) => new Date(v).toLocaleString(),
          },
          {
            title: short("操作人", "Actor"),
            dataIndex: "actorName",
            width: 130,
            render: (v: string | null) => v ?? "—",
          },
          { title: short("操作", "Action"), dataIndex: "action", width: 170 },
          { title: short("对象", "Target"), dataIndex: "target", width: 160, render: (v: string | null) => v ?? "—" },
          {
            title: short("结果", "Outcome"),
            dataIndex: "outcome",
            width: 90,
            render: (v: AuditEntry["outcome"]) => <Tag color={OUTCOME_COLOR[v]}>{v}</Tag>,
          },
          { title: "IP", dataIndex: "ip", width: 120, render: (v: string | null) => v ?? "—" },
          {
            title: short("详情", "Details"),
            dataIndex: "details",
            render: (v: AuditEntry["details"]) => (v ? <code style={{ fontSize: 12 }}>{JSON.stringify(v)}</code> : "—"),
          },
        ]}
      />
      {nextBefore && (
        <Button style={{ marginTop: 12 }} onClick={() => load(filters, nextBefore)} loading={loading}>
          {short("加载更多", "Load more")}
        </Button>
      )}
    </div>
  );
}
