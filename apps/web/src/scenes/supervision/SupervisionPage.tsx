import type { SessionResponse } from "@zhichan/shared";
import { Input, Result, Space, Table, Tabs } from "antd";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { getSession } from "../../api/accounts";
import { listAgencyStats } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import "../plan/officials.css";
import { useText } from "../signin/useText";
import { BrandPanel, CreditPanel } from "./CreditPanel";
import { SignalsPanel } from "./SignalsPanel";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

function AgencyStats() {
  const tx = useText();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const d = useAsync((s) => listAgencyStats(q, page, s), [q, page]);
  if (d.error) return <ErrorView error={d.error} onRetry={d.reload} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <p className="off-sub">
        {tx(
          "统计源自专利数据中的“代理机构”“代理人”字段（约 1.3 万件有此字段）；一件申请的公开与授权文本只计一次。授权率 = 已授权（发明授权、实用新型、外观设计或有授权日）÷ 申请件数。",
          "Derived from the agency/agent fields of the patent data; an application and its grant count once.",
        )}
      </p>
      <Input.Search
        allowClear
        placeholder={tx("代理机构名称", "Agency name")}
        style={{ width: 280 }}
        onSearch={(v) => {
          setQ(v);
          setPage(1);
        }}
      />
      <Table
        size="small"
        rowKey="agency"
        loading={d.loading}
        dataSource={d.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: d.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: tx("代理机构", "Agency"),
            dataIndex: "agency",
            render: (a: string) => <Link to={`/supervision/agency?name=${encodeURIComponent(a)}`}>{a}</Link>,
          },
          { title: tx("申请件数", "Filings"), dataIndex: "filings" },
          { title: tx("授权件数", "Granted"), dataIndex: "grants" },
          { title: tx("授权率", "Grant rate"), dataIndex: "grantRate", render: pct },
          { title: tx("发明占比", "Invention share"), dataIndex: "inventionShare", render: pct },
          {
            title: tx("年份", "Years"),
            key: "years",
            render: (_: unknown, r) => `${r.firstYear ?? "?"}–${r.lastYear ?? "?"}`,
          },
          {
            title: tx("登记簿", "Registry"),
            dataIndex: "registryOrgId",
            render: (id: number | null) => (id ? tx("已登记", "registered") : tx("未登记", "not registered")),
          },
        ]}
      />
    </Space>
  );
}

/** 服务机构监管: agency statistics, credit grades, brand applications, abnormal-filing signals. */
export function SupervisionPage() {
  const tx = useText();
  const [params, setParams] = useSearchParams();
  const [session, setSession] = useState<SessionResponse | null>(null);
  useEffect(() => {
    getSession().then(setSession, () => setSession(null));
  }, []);
  if (!session) return <PageLoading />;
  if (!(session.stage === "ok" && session.user?.permissions.includes("supervision:read")))
    return (
      <Result
        status="403"
        title={tx("机构监管仅对管理人员开放", "Supervision is for officials")}
        extra={<Link to="/signin?next=/supervision">{tx("登录", "Sign in")}</Link>}
      />
    );
  const tab = params.get("tab") ?? "agencies";
  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1>{tx("服务机构监管", "Agency supervision")}</h1>
          <div className="off-sub">
            {tx(
              "代理统计、信用评价、品牌机构评定、异常申请线索",
              "Statistics, credit grades, brand grading, abnormal-filing signals",
            )}
          </div>
        </div>
        <Space wrap>
          <Link to="/registry">{tx("登记簿", "Registry")}</Link>
          <Link to="/surveys">{tx("统计调查", "Surveys")}</Link>
          <Link to="/plan">{tx("规划看板", "Plan dashboard")}</Link>
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: "agencies", label: tx("代理机构统计", "Agency statistics"), children: <AgencyStats /> },
          { key: "credit", label: tx("信用等级", "Credit grades"), children: <CreditPanel /> },
          { key: "brand", label: tx("品牌机构评定", "Brand grading"), children: <BrandPanel /> },
          { key: "signals", label: tx("异常申请线索", "Abnormal-filing signals"), children: <SignalsPanel /> },
        ]}
      />
    </div>
  );
}
