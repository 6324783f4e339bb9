import type { Org, Person, RegistryKind } from "@zhichan/shared";
import { DERIVED_SOURCE } from "@zhichan/shared";
import { Alert, Button, Card, Drawer, Input, Result, Select, Space, Table, Tabs, Tag, Timeline } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
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
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import "../plan/officials.css";
import { errorText } from "../signin/signin-util";
import { ImportPanel } from "./ImportPanel";
import { useRegistryLabels } from "./labels";
import { RecordForm } from "./RecordForm";

/** Categories whose bodies deal with brands and copyright, shown a link to the GI register (issue #17). */
const GI_LINKED_CATEGORIES = new Set(["brand_agency", "trademark_agency", "copyright_park", "copyright_unit"]);

/** 登记簿: organisations and people, search and filters, Excel template/import/export, history. */
export function RegistryPage() {
  const { t, region } = useCodes();
  const {
    label,
    districtName,
    zoneName,
    districtOptions,
    orgCategoryOptions,
    personCategoryOptions,
    statusOptions,
    zoneOptions,
  } = useRegistryLabels();
  const { session, can } = useSession();
  const [kind, setKind] = useState<RegistryKind>("orgs");
  const [filters, setFilters] = useState<RegistryFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Org | Person | null | "new">(null);
  const [detail, setDetail] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const allowed = can("registry:read");
  const list = useAsync<{ total: number; items: (Org | Person)[] }>(
    allowed ? (s) => (kind === "orgs" ? listOrgs(filters, s) : listPeople(filters, s)) : null,
    [allowed, kind, filters],
  );
  if (!session) return <PageLoading />;
  if (!allowed)
    return (
      <Result
        status="403"
        title={t("registry.closed")}
        extra={<Link to="/signin?next=/registry">{t("common.signIn")}</Link>}
      />
    );
  const canWrite = can("registry:write");
  const set = (patch: Partial<RegistryFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));

  const columns = [
    {
      title: t("registry.col.name"),
      dataIndex: "name",
      render: (n: string, r: Org | Person) => (
        <Button type="link" onClick={() => setDetail(r.id)}>
          <span data-content>{n}</span>
        </Button>
      ),
    },
    { title: t("registry.col.category"), dataIndex: "category", render: label },
    { title: t("registry.col.district"), dataIndex: "districtCode", render: (c: string | null) => districtName(c) },
    { title: t("registry.col.zone"), dataIndex: "zone", render: (z: string | null) => zoneName(z) },
    {
      title: t("registry.col.qualifications"),
      dataIndex: "qualifications",
      render: (q: string[]) => q.map((x) => <Tag key={x}>{label(x)}</Tag>),
    },
    {
      title: t("registry.col.status"),
      dataIndex: "status",
      render: (s: string, r: Org | Person) => (
        <Space size={4}>
          <Tag color={s === "active" ? "green" : s === "candidate" ? "gold" : "default"}>{label(s)}</Tag>
          {r.source === DERIVED_SOURCE && <Tag color="gold">{t("registry.fromPatents")}</Tag>}
        </Space>
      ),
    },
    ...(kind === "orgs"
      ? [
          {
            title: t("registry.col.filings"),
            dataIndex: "patentFilings",
            render: (n: number | null) => n ?? "—",
          },
        ]
      : [{ title: t("registry.col.organisation"), dataIndex: "orgName", render: (n: string | null) => n ?? "—" }]),
    { title: t("registry.col.since"), dataIndex: "since", render: (d: string | null) => d ?? "—" },
    ...(canWrite
      ? [
          {
            title: "",
            key: "edit",
            render: (_: unknown, r: Org | Person) => (
              <Button size="small" onClick={() => setEditing(r)}>
                {t("registry.edit")}
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
          <h1>{t("registry.title")}</h1>
          <div className="off-sub">
            {session.user?.district
              ? t("registry.scopeDistrict", { district: region(session.user.district) })
              : t("registry.scopeCity")}
          </div>
        </div>
        <Space wrap>
          <Link to="/plan">{t("registry.planDashboard")}</Link>
          <Link to="/supervision">{t("registry.supervision")}</Link>
          <Link to="/surveys">{t("registry.surveys")}</Link>
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
          { key: "orgs", label: t("registry.orgs") },
          { key: "people", label: t("registry.people") },
        ]}
      />
      {kind === "orgs" && GI_LINKED_CATEGORIES.has(String(filters.category ?? "")) && (
        // brand and copyright bodies work with the region's geographical indications: the GI register is beside them
        <p className="muted" data-testid="registry-gi-link">
          {t("gi.registryHint")} <Link to="/gi">{t("gi.registryLink")}</Link>
        </p>
      )}
      <div className="off-toolbar">
        <Input.Search
          allowClear
          placeholder={t("registry.col.name")}
          style={{ width: 220 }}
          onSearch={(q) => set({ q })}
        />
        <Select
          allowClear
          placeholder={t("registry.col.category")}
          aria-label={t("registry.col.category")}
          style={{ width: 180 }}
          options={kind === "orgs" ? orgCategoryOptions : personCategoryOptions}
          onChange={(category) => set({ category })}
        />
        <Select
          allowClear
          placeholder={t("registry.col.district")}
          aria-label={t("registry.col.district")}
          style={{ width: 170 }}
          options={districtOptions}
          onChange={(district) => set({ district })}
        />
        <Select
          allowClear
          placeholder={t("registry.col.zone")}
          aria-label={t("registry.col.zone")}
          style={{ width: 120 }}
          options={zoneOptions}
          onChange={(zone) => set({ zone })}
        />
        <Select
          allowClear
          placeholder={t("registry.col.status")}
          aria-label={t("registry.col.status")}
          style={{ width: 110 }}
          options={statusOptions}
          onChange={(status) => set({ status })}
        />
        <Button href={exportUrl(kind, filters)}>{t("registry.exportExcel")}</Button>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing("new")}>
            {t("registry.create")}
          </Button>
        )}
        {canWrite && kind === "orgs" && !session.user?.district && (
          <Button
            onClick={async () => {
              try {
                const r = await deriveCandidates();
                setNotice(t("registry.derived", { n: r.added }));
                list.reload();
              } catch (e) {
                setNotice(errorText(e));
              }
            }}
          >
            {t("registry.deriveCandidates")}
          </Button>
        )}
      </div>
      {canWrite && (
        <Card size="small" style={{ marginBottom: 12 }} title={t("registry.importTitle")}>
          <ImportPanel kind={kind} onImported={list.reload} />
        </Card>
      )}
      {list.error ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : (
        <Table
          scroll={{ x: "max-content" }}
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: t("registry.empty") }}
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
          onSaved={(saved) => {
            // the saved record opens, so what was entered can be checked at once
            list.reload();
            setDetail(saved.id);
          }}
        />
      )}
      {detail !== null && <RecordDrawer kind={kind} id={detail} onClose={() => setDetail(null)} />}
    </div>
  );
}

function RecordDrawer({ kind, id, onClose }: { kind: RegistryKind; id: number; onClose: () => void }) {
  const { t, code } = useCodes();
  const { label, districtName, zoneName } = useRegistryLabels();
  const d = useAsync<{ org?: Org; person?: Person; history: HistoryEntry[] }>(
    () => (kind === "orgs" ? getOrg(id) : getPerson(id)),
    [kind, id],
  );
  const record = d.data?.org ?? d.data?.person ?? null;
  const history: HistoryEntry[] = d.data?.history ?? [];
  return (
    <Drawer open width={520} onClose={onClose} title={<span data-content>{record?.name ?? "…"}</span>}>
      {d.error ? <ErrorView error={d.error} /> : null}
      {record && (
        <>
          <p>
            {label(record.category)} · {districtName(record.districtCode)}{" "}
            {record.zone ? `· ${zoneName(record.zone)}` : ""} · {label(record.status)}
          </p>
          <p className="off-sub">
            {t("registry.source", {
              source: code("recordSource", record.source === DERIVED_SOURCE ? "derived" : record.source),
            })}
          </p>
          {d.data?.org && <Link to={`/supervision/credit/${id}`}>{t("registry.creditLink")}</Link>}
          <h4 style={{ marginTop: 16 }}>{t("registry.history")}</h4>
          <Timeline
            items={history.map((h) => ({
              children: (
                <div>
                  <strong>{t(`registry.actions.${h.action}`, { defaultValue: h.action })}</strong> ·{" "}
                  {h.at.slice(0, 19).replace("T", " ")} · <span data-content>{h.actor ?? "—"}</span>
                  <div className="off-sub">
                    {Object.entries(h.changes)
                      .map(([k, v]) =>
                        t("registry.change", {
                          field: t(`fields.${k}`, { defaultValue: k }),
                          value:
                            typeof v === "object" && v && "to" in v ? String((v as { to: unknown }).to) : String(v),
                        }),
                      )
                      .join(t("common.sentenceSep"))}
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
