import type { CaseSummary, CaseTypeInfo } from "@zhichan/shared";
import { Alert, Card, Input, Result, Select, Space, Statistic, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { getCaseTypes, listCases } from "../../api/cases";
import { ApiError } from "../../api/client";
import { useAsync } from "../../components/useAsync";
import { errorText } from "../signin/signin-util";
import { useShortText, useText } from "../signin/useText";
import { AREA_LABELS, DEADLINE_COLORS, DEADLINE_LABELS, stateLabel } from "./caseText";

type Which = "mine" | "queue" | "assigned";
const TITLES: Record<Which, [string, string]> = {
  mine: ["我的申请", "My cases"],
  queue: ["办理队列", "Office queue"],
  assigned: ["指派给我的", "Assigned to me"],
};

/** A list of cases: the applicant's own, the office's queue (filters and overdue counts) or an assignee's. */
export function CaseListPage({ which }: { which: Which }) {
  const tx = useText();
  const short = useShortText();
  const [filters, setFilters] = useState<{ type?: string; area?: string; deadline?: string; q?: string }>({});
  const [page, setPage] = useState(1);
  const types = useAsync(() => getCaseTypes(), []);
  const list = useAsync(
    (signal) =>
      listCases(
        which,
        {
          ...filters,
          deadline: filters.deadline as "overdue" | undefined,
          area: filters.area as "talent" | undefined,
          limit: 20,
          offset: (page - 1) * 20,
        },
        signal,
      ),
    [which, filters, page],
  );
  const typeOf = (k: string): CaseTypeInfo | undefined => types.data?.find((t) => t.key === k);

  if (list.error instanceof ApiError && (list.error.code === "UNAUTHENTICATED" || list.error.code === "FORBIDDEN"))
    return (
      <Result
        status="403"
        title={
          list.error.code === "UNAUTHENTICATED" ? tx("请先登录", "Please sign in") : tx("没有权限", "Not permitted")
        }
        extra={<Link to={`/signin?next=/cases/${which}`}>{tx("登录", "Sign in")}</Link>}
      />
    );

  const counts = list.data?.counts;
  const set = (k: string, v: string | undefined) => {
    setPage(1);
    setFilters((f) => ({ ...f, [k]: v || undefined }));
  };
  return (
    <Card title={short(...TITLES[which])} data-testid={`case-list-${which}`}>
      {counts && (
        <Space size="large" style={{ marginBottom: 16 }} wrap>
          <Statistic title={tx("在办", "Open")} value={counts.open} />
          {which === "queue" && (
            <Statistic title={tx("待受理/待审核", "Waiting on office")} value={counts.waitingOnOffice} />
          )}
          <Statistic title={tx("即将到期", "Due soon")} value={counts.dueSoon} />
          <Statistic
            title={tx("已超期", "Overdue")}
            value={counts.overdue}
            valueStyle={{ color: counts.overdue ? "#cf1322" : undefined }}
            data-testid="overdue-count"
          />
          <Statistic title={tx("已督办", "Escalated")} value={counts.escalated} />
        </Space>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={short("领域", "Area")}
          style={{ width: 140 }}
          onChange={(v) => set("area", v)}
          options={Object.entries(AREA_LABELS).map(([k, l]) => ({ value: k, label: short(...l) }))}
        />
        <Select
          allowClear
          placeholder={short("业务类型", "Case type")}
          style={{ width: 220 }}
          onChange={(v) => set("type", v)}
          options={(types.data ?? []).map((t) => ({ value: t.key, label: short(t.label.zh, t.label.en) }))}
        />
        <Select
          allowClear
          placeholder={short("期限", "Deadline")}
          style={{ width: 140 }}
          onChange={(v) => set("deadline", v)}
          options={["open", "due_soon", "overdue", "escalated"].map((k) => ({
            value: k,
            label: k === "open" ? tx("在办", "open") : short(...DEADLINE_LABELS[k]),
          }))}
        />
        <Input.Search
          allowClear
          placeholder={tx("案号、名称、申请人", "Ref, title, applicant")}
          onSearch={(v) => set("q", v.trim())}
          style={{ width: 260 }}
        />
      </Space>
      {list.error ? <Alert type="error" showIcon message={errorText(list.error)} /> : null}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: tx("案号", "Ref"),
            dataIndex: "ref",
            render: (v: string, r) => (
              <Link to={`/cases/${r.id}`} data-testid="case-link">
                {v}
              </Link>
            ),
          },
          { title: tx("名称", "Title"), dataIndex: "title" },
          {
            title: tx("业务", "Type"),
            dataIndex: "type",
            render: (v: string) => {
              const t = typeOf(v);
              return t ? short(t.label.zh, t.label.en) : v;
            },
          },
          { title: tx("申请人", "Applicant"), render: (_: unknown, r) => r.orgName ?? r.applicantName },
          {
            title: tx("状态", "State"),
            dataIndex: "state",
            render: (v: string, r) => <Tag data-testid="case-state">{stateLabel(typeOf(r.type), v, short)}</Tag>,
          },
          {
            title: tx("期限", "Deadline"),
            render: (_: unknown, r) =>
              r.deadline.status === "none" ? (
                "—"
              ) : (
                <Tag color={DEADLINE_COLORS[r.deadline.status]}>
                  {short(...DEADLINE_LABELS[r.deadline.status])}
                  {r.deadline.dueAt ? ` ${new Date(r.deadline.dueAt - 1).toLocaleDateString("zh-CN")}` : ""}
                </Tag>
              ),
          },
          {
            title: tx("更新", "Updated"),
            dataIndex: "updatedAt",
            render: (v: number) => new Date(v).toLocaleString("zh-CN"),
          },
        ]}
      />
    </Card>
  );
}
