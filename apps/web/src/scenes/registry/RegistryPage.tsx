import type { Org, Person, RegistryKind, SessionResponse } from "@zhichan/shared";
import { DERIVED_SOURCE } from "@zhichan/shared";
import { Alert, Button, Card, Drawer, Input, Result, Select, Space, Table, Tabs, Tag, Timeline } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { getSession } from "../../api/accounts";
import {
  deriveCandidates,
  exportUrl,
  getOrg,
  getPerson,
  type HistoryEntry,
  listOrgs,
  listPeople,
  type RegistryFilters,
} from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import "../plan/officials.css";
import { errorText } from "../signin/signin-util";
import { useShortText, useText } from "../signin/useText";
import { ImportPanel } from "./ImportPanel";
import {
  districtName,
  districtOptions,
  label,
  orgCategoryOptions,
  personCategoryOptions,
  statusOptions,
  zoneOptions,
} from "./labels";
import { RecordForm } from "./RecordForm";

/** 登记簿: organisations and people, search and filters, Excel template/import/export, history. */
export function RegistryPage() {
  const tx = useText();
  const short = useShortText();
  const [session, setSession] = useState<SessionResponse | null>(null);
  const [kind, setKind] = useState<RegistryKind>("orgs");
  const [filters, setFilters] = useState<RegistryFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Org | Person | null | "new">(null);
  const [detail, setDetail] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    getSession().then(setSession, () => setSession(null));
  }, []);
  const perms = session?.user?.permissions ?? [];
  const allowed = session?.stage === "ok" && perms.includes("registry:read");
  const list = useAsync<{ total: number; items: (Org | Person)[] }>(
    allowed ? (s) => (kind === "orgs" ? listOrgs(filters, s) : listPeople(filters, s)) : null,
    [allowed, kind, filters],
  );
  if (!session) return <PageLoading />;
  if (!allowed)
    return (
      <Result
        status="403"
        title={tx("登记簿仅对管理人员开放", "The registry is for officials")}
        extra={<Link to="/signin?next=/registry">{tx("登录", "Sign in")}</Link>}
      />
    );
  const canWrite = perms.includes("registry:write");
  const set = (patch: Partial<RegistryFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));

  const columns = [
    {
      title: short("名称", "Name"),
      dataIndex: "name",
      render: (n: string, r: Org | Person) => (
        <Button type="link" onClick={() => setDetail(r.id)}>
          {n}
        </Button>
      ),
    },
    { title: short("类别", "Category"), dataIndex: "category", render: label },
    { title: short("区县", "District"), dataIndex: "districtCode", render: (c: string | null) => districtName(c) },
    { title: short("功能区", "Zone"), dataIndex: "zone", render: (z: string | null) => z ?? "—" },
    {
      title: short("资质", "Qualifications"),
      dataIndex: "qualifications",
      render: (q: string[]) => q.map((x) => <Tag key={x}>{label(x)}</Tag>),
    },
    {
      title: short("状态", "Status"),
      dataIndex: "status",
      render: (s: string, r: Org | Person) => (
        <Space size={4}>
          <Tag color={s === "active" ? "green" : s === "candidate" ? "gold" : "default"}>{label(s)}</Tag>
          {r.source === DERIVED_SOURCE && <Tag color="gold">{tx("源自专利数据", "from patent data")}</Tag>}
        </Space>
      ),
    },
    ...(kind === "orgs"
      ? [
          {
            title: short("专利数据中的代理量", "Filings in patent data"),
            dataIndex: "patentFilings",
            render: (n: number | null) => n ?? "—",
          },
        ]
      : [{ title: short("所属机构", "Organisation"), dataIndex: "orgName", render: (n: string | null) => n ?? "—" }]),
    { title: short("生效日期", "Since"), dataIndex: "since", render: (d: string | null) => d ?? "—" },
    ...(canWrite
      ? [
          {
            title: "",
            key: "edit",
            render: (_: unknown, r: Org | Person) => (
              <Button size="small" onClick={() => setEditing(r)}>
                {tx("修改", "Edit")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1>{tx("服务机构与人才登记簿", "Registry of organisations and people")}</h1>
          <div className="off-sub">
            {session.user?.district
              ? tx(`仅显示本辖区 ${session.user.district} 的记录`, `Showing district ${session.user.district} only`)
              : tx("全市", "City-wide")}
          </div>
        </div>
        <Space wrap>
          <Link to="/plan">{tx("规划看板", "Plan dashboard")}</Link>
          <Link to="/supervision">{tx("机构监管", "Supervision")}</Link>
          <Link to="/surveys">{tx("统计调查", "Surveys")}</Link>
        </Space>
      </div>
      {notice && (
        <Alert className="off-notice" type="info" showIcon closable message={notice} onClose={() => setNotice(null)} />
      )}
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          setKind(k as RegistryKind);
          setFilters({ page: 1, pageSize: 20 });
        }}
        items={[
          { key: "orgs", label: tx("机构", "Organisations") },
          { key: "people", label: tx("人员", "People") },
        ]}
      />
      <div className="off-toolbar">
        <Input.Search
          allowClear
          placeholder={short("名称", "Name")}
          style={{ width: 220 }}
          onSearch={(q) => set({ q })}
        />
        <Select
          allowClear
          placeholder={short("类别", "Category")}
          style={{ width: 180 }}
          options={kind === "orgs" ? orgCategoryOptions : personCategoryOptions}
          onChange={(category) => set({ category })}
        />
        <Select
          allowClear
          placeholder={short("区县", "District")}
          style={{ width: 170 }}
          options={districtOptions}
          onChange={(district) => set({ district })}
        />
        <Select
          allowClear
          placeholder={short("功能区", "Zone")}
          style={{ width: 120 }}
          options={zoneOptions}
          onChange={(zone) => set({ zone })}
        />
        <Select
          allowClear
          placeholder={short("状态", "Status")}
          style={{ width: 110 }}
          options={statusOptions}
          onChange={(status) => set({ status })}
        />
        <Button href={exportUrl(kind, filters)}>{tx("导出 Excel", "Export")}</Button>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing("new")}>
            {tx("新增", "New")}
          </Button>
        )}
        {canWrite && kind === "orgs" && !session.user?.district && (
          <Button
            onClick={async () => {
              try {
                const r = await deriveCandidates();
                setNotice(
                  tx(
                    `已从专利数据生成 ${r.added} 家待核实代理机构候选（区县未知，不计入规划指标，核实后改为“有效”）`,
                    `${r.added} candidates added from the patent data (unconfirmed, not counted)`,
                  ),
                );
                list.reload();
              } catch (e) {
                setNotice(errorText(e));
              }
            }}
          >
            {tx("从专利数据生成候选", "Candidates from patent data")}
          </Button>
        )}
      </div>
      {canWrite && (
        <Card size="small" style={{ marginBottom: 12 }} title={tx("Excel 导入", "Excel import")}>
          <ImportPanel kind={kind} onImported={list.reload} />
        </Card>
      )}
      {list.error ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: tx("登记簿尚无记录：请新增或通过 Excel 导入", "No records yet: add or import") }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            onChange: (page) => set({ page }),
          }}
        />
      )}
      {editing && (
        <RecordForm
          kind={kind}
          record={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={list.reload}
        />
      )}
      {detail !== null && <RecordDrawer kind={kind} id={detail} onClose={() => setDetail(null)} />}
    </div>
  );
}

function RecordDrawer({ kind, id, onClose }: { kind: RegistryKind; id: number; onClose: () => void }) {
  const tx = useText();
  const d = useAsync<{ org?: Org; person?: Person; history: HistoryEntry[] }>(
    () => (kind === "orgs" ? getOrg(id) : getPerson(id)),
    [kind, id],
  );
  const record = d.data?.org ?? d.data?.person ?? null;
  const history: HistoryEntry[] = d.data?.history ?? [];
  return (
    <Drawer open width={520} onClose={onClose} title={record?.name ?? "…"}>
      {d.error ? <ErrorView error={d.error} /> : null}
      {record && (
        <>
          <p>
            {label(record.category)} · {districtName(record.districtCode)} {record.zone ? `· ${record.zone}` : ""} ·{" "}
            {label(record.status)}
          </p>
          <p className="off-sub">
            {tx("来源", "Source")}：{record.source}
          </p>
          {d.data?.org && (
            <Link to={`/supervision/credit/${id}`}>{tx("信用等级与理由", "Credit grade and reasons")}</Link>
          )}
          <h4 style={{ marginTop: 16 }}>{tx("变更历史", "History")}</h4>
          <Timeline
            items={history.map((h) => ({
              children: (
                <div>
                  <strong>{h.action}</strong> · {h.at.slice(0, 19).replace("T", " ")} · {h.actor ?? "—"}
                  <div className="off-sub">
                    {Object.entries(h.changes)
                      .map(
                        ([k, v]) =>
                          `${k}: ${typeof v === "object" && v && "to" in v ? String((v as { to: unknown }).to) : String(v)}`,
                      )
                      .join("；")}
                  </div>
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
