import { Card, Descriptions, Empty, Space } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { getAgencyProfile } from "../../api/registry";
import { EChart } from "../../charts/EChart";
import { pieOption, rankedBarOption, rankedHeight, trendOption } from "../../charts/options";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import "../plan/officials.css";
import { useText } from "../signin/useText";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
type B = { key: string; label: string | null; count: number };
const datum = (b: B[]) => b.map((x) => ({ name: x.label ?? x.key, value: x.count }));

/** 代理机构画像: one agency's filings from the patent data, by year, type, field, client region, agent, client. */
export function AgencyProfilePage() {
  const tx = useText();
  const [params] = useSearchParams();
  const name = params.get("name") ?? "";
  const d = useAsync((s) => getAgencyProfile(name, s), [name]);
  if (d.error)
    return (
      <div className="off-page">
        <ErrorView error={d.error} />
      </div>
    );
  if (!d.data) return <PageLoading />;
  const p = d.data;
  const bars = (title: string, b: B[]) => (
    <Card size="small" title={title}>
      {b.length ? (
        <EChart option={rankedBarOption(datum(b), tx("件", "filings"))} height={rankedHeight(b.length)} label={title} />
      ) : (
        <Empty />
      )}
    </Card>
  );
  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1>{p.agency}</h1>
          <div className="off-sub">
            {tx("代理机构画像（源自专利数据的代理机构字段）", "Agency profile (from the patent data's agency field)")}
          </div>
        </div>
        <Space>
          <Link to="/supervision">{tx("返回监管", "Back to supervision")}</Link>
          {p.registryOrgId && (
            <Link to={`/supervision/credit/${p.registryOrgId}`}>{tx("信用等级", "Credit grade")}</Link>
          )}
        </Space>
      </div>
      <Descriptions
        bordered
        size="small"
        column={4}
        items={[
          { key: "f", label: tx("申请件数", "Filings"), children: p.filings },
          { key: "g", label: tx("授权件数", "Granted"), children: p.grants },
          { key: "r", label: tx("授权率", "Grant rate"), children: pct(p.grantRate) },
          { key: "i", label: tx("发明占比", "Invention share"), children: pct(p.inventionShare) },
        ]}
      />
      <div className="plan-detail" style={{ marginTop: 12 }}>
        <Card size="small" title={tx("按申请年", "By filing year")}>
          <EChart option={trendOption(datum(p.byYear), tx("件", "filings"))} height={260} label="years" />
        </Card>
        <Card size="small" title={tx("按类型", "By type")}>
          <EChart option={pieOption(datum(p.byType), tx("件", "filings"))} height={260} label="types" />
        </Card>
        {bars(tx("技术领域（IPC 小类）", "Technical fields (IPC subclass)"), p.byIpc)}
        {bars(tx("委托人地区", "Clients' regions"), p.byClientRegion)}
        {bars(tx("代理人", "Agents"), p.topAgents)}
        {bars(tx("主要委托人", "Main clients"), p.topClients)}
      </div>
    </div>
  );
}
