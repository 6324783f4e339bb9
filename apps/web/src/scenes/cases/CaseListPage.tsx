import type { CaseSummary, CaseTypeInfo } from "@zhichan/shared";
import { Alert, Card, Input, Result, Select, Space, Statistic, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getCaseTypes, listCases } from "../../api/cases";
import { ApiError } from "../../api/client";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { errorText } from "../signin/signin-util";
import { DEADLINE_COLORS, stateLabel } from "./caseText";

type Which = "mine" | "queue" | "assigned";
const AREAS = ["protection", "operations", "talent"] as const;

/** A list of cases: the applicant's own, the office's queue (filters and overdue counts) or an assignee's. */
export function CaseListPage({ which }: { which: Which }) {
  const { t, i18n } = useTranslation();
  const { code, pick } = useCodes();
  const locale = i18n.language === "en" ? "en-GB" : "zh-CN";
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
  const typeOf = (k: string): CaseTypeInfo | undefined => types.data?.find((x) => x.key === k);

  if (list.error instanceof ApiError && (list.error.code === "UNAUTHENTICATED" || list.error.code === "FORBIDDEN"))
    return (
      <Result
        status="403"
        title={list.error.code === "UNAUTHENTICATED" ? t("common.pleaseSignIn") : t("common.notPermitted")}
        extra={<Link to={`/signin?next=/cases/${which}`}>{t("common.signIn")}</Link>}
      />
    );

  const counts = list.data?.counts;
  const set = (k: string, v: string | undefined) => {
    setPage(1);
    setFilters((f) => ({ ...f, [k]: v || undefined }));
  };
  return (
    <Card title={t(`cases.list.${which}`)} data-testid={`case-list-${which}`}>
      {counts && (
        <Space size="large" style={{ marginBottom: 16 }} wrap>
          <Statistic title={t("cases.list.open")} value={counts.open} />
          {which === "queue" && <Statistic title={t("cases.list.waitingOnOffice")} value={counts.waitingOnOffice} />}
          <Statistic title={t("cases.list.dueSoon")} value={counts.dueSoon} />
          <Statistic
            title={t("cases.list.overdue")}
            value={counts.overdue}
            valueStyle={{ color: counts.overdue ? "#cf1322" : undefined }}
            data-testid="overdue-count"
          />
          <Statistic title={t("cases.list.escalated")} value={counts.escalated} />
        </Space>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t("cases.list.area")}
          aria-label={t("cases.list.area")}
          style={{ width: 140 }}
          onChange={(v) => set("area", v)}
          options={AREAS.map((k) => ({ value: k, label: code("caseArea", k) }))}
        />
        <Select
          allowClear
          placeholder={t("cases.list.type")}
          aria-label={t("cases.list.type")}
          style={{ width: 220 }}
          onChange={(v) => set("type", v)}
          options={(types.data ?? []).map((x) => ({ value: x.key, label: pick(x.label) }))}
        />
        <Select
          allowClear
          placeholder={t("cases.list.deadline")}
          aria-label={t("cases.list.deadline")}
          style={{ width: 140 }}
          onChange={(v) => set("deadline", v)}
          options={["open", "due_soon", "overdue", "escalated"].map((k) => ({
            value: k,
            label: code("caseDeadline", k),
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t("cases.list.searchPlaceholder")}
          onSearch={(v) => set("q", v.trim())}
          style={{ width: 260 }}
        />
      </Space>
      {list.error ? <Alert type="error" showIcon message={errorText(list.error)} /> : null}
      <Table<CaseSummary>
        scroll={{ x: "max-content" }}
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        // antd's own "暂无数据" does not say whether the list is empty or the filters found nothing
        locale={{
          emptyText: t(Object.values(filters).some(Boolean) ? "cases.list.noMatch" : `cases.list.empty.${which}`),
        }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t("cases.list.col.ref"),
            dataIndex: "ref",
            render: (v: string, r) => (
              <Link to={`/cases/${r.id}`} data-testid="case-link">
                {v}
              </Link>
            ),
          },
          { title: t("cases.list.col.title"), dataIndex: "title" },
          {
            title: t("cases.list.col.type"),
            dataIndex: "type",
            render: (v: string) => {
              const type = typeOf(v);
              return type ? pick(type.label) : v;
            },
          },
          { title: t("cases.list.col.applicant"), render: (_: unknown, r) => r.orgName ?? r.applicantName },
          {
            title: t("cases.list.col.state"),
            dataIndex: "state",
            render: (v: string, r) => <Tag data-testid="case-state">{stateLabel(typeOf(r.type), v, pick)}</Tag>,
          },
          {
            title: t("cases.list.col.deadline"),
            render: (_: unknown, r) =>
              r.deadline.status === "none" ? (
                "—"
              ) : (
                <Tag color={DEADLINE_COLORS[r.deadline.status]}>
                  {code("caseDeadline", r.deadline.status)}
                  {r.deadline.dueAt ? ` ${new Date(r.deadline.dueAt - 1).toLocaleDateString(locale)}` : ""}
                </Tag>
              ),
          },
          {
            title: t("cases.list.col.updated"),
            dataIndex: "updatedAt",
            render: (v: number) => new Date(v).toLocaleString(locale, { hour12: false }),
          },
        ]}
      />
    </Card>
  );
}
