import { Input, Result, Space, Table, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { listAgencyStats } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import "../plan/officials.css";
import { BrandPanel, CreditPanel } from "./CreditPanel";
import { SignalsPanel } from "./SignalsPanel";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

function AgencyStats() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const d = useAsync((s) => listAgencyStats(q, page, s), [q, page]);
  if (d.error) return <ErrorView error={d.error} onRetry={d.reload} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <p className="off-sub">{t("supervision.stats.note")}</p>
      <Input.Search
        allowClear
        placeholder={t("supervision.stats.search")}
        style={{ width: 280, maxWidth: "100%" }}
        onSearch={(v) => {
          setQ(v);
          setPage(1);
        }}
      />
      <Table
        scroll={{ x: "max-content" }}
        size="small"
        rowKey="agency"
        loading={d.loading}
        dataSource={d.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: d.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t("supervision.stats.col.agency"),
            dataIndex: "agency",
            render: (a: string) => <Link to={`/supervision/agency?name=${encodeURIComponent(a)}`}>{a}</Link>,
          },
          { title: t("supervision.stats.col.filings"), dataIndex: "filings" },
          { title: t("supervision.stats.col.grants"), dataIndex: "grants" },
          { title: t("supervision.stats.col.grantRate"), dataIndex: "grantRate", render: pct },
          { title: t("supervision.stats.col.inventionShare"), dataIndex: "inventionShare", render: pct },
          {
            title: t("supervision.stats.col.years"),
            key: "years",
            render: (_: unknown, r) => `${r.firstYear ?? "?"}–${r.lastYear ?? "?"}`,
          },
          {
            title: t("supervision.stats.col.registry"),
            dataIndex: "registryOrgId",
            render: (id: number | null) =>
              id ? t("supervision.stats.registered") : t("supervision.stats.notRegistered"),
          },
        ]}
      />
    </Space>
  );
}

/** 服务机构监管: agency statistics, credit grades, brand applications, abnormal-filing signals. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { session, can } = useSession();
  if (!session) return <PageLoading />;
  if (!can("supervision:read"))
    return (
      <Result
        status="403"
        title={t("supervision.closed")}
        extra={<Link to="/signin?next=/supervision">{t("common.signIn")}</Link>}
      />
    );
  const tab = params.get("tab") ?? "agencies";
  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1>{t("supervision.title")}</h1>
          <div className="off-sub">{t("supervision.intro")}</div>
        </div>
        <Space wrap>
          <Link to="/registry">{t("surveys.registry")}</Link>
          <Link to="/surveys">{t("registry.surveys")}</Link>
          <Link to="/plan">{t("registry.planDashboard")}</Link>
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: "agencies", label: t("supervision.tabs.agencies"), children: <AgencyStats /> },
          { key: "credit", label: t("supervision.tabs.credit"), children: <CreditPanel /> },
          { key: "brand", label: t("supervision.tabs.brand"), children: <BrandPanel /> },
          { key: "signals", label: t("supervision.tabs.signals"), children: <SignalsPanel /> },
        ]}
      />
    </div>
  );
}
