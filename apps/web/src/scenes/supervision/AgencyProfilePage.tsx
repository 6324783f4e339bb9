import { Card, Descriptions, Empty, Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { getAgencyProfile } from "../../api/registry";
import { EChart } from "../../charts/EChart";
import { pieOption, rankedBarOption, rankedHeight, trendOption } from "../../charts/options";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import "../plan/officials.css";
import { codeWithTitle } from "../search/facetLabel";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
type B = { key: string; label: string | null; count: number };
const datum = (b: B[], name: (x: B) => string = (x) => x.label ?? x.key) =>
  b.map((x) => ({ name: name(x), value: x.count }));

/** 代理机构画像: one agency's filings from the patent data, by year, type, field, client region, agent, client. */
export function AgencyProfilePage() {
  const { t } = useTranslation();
  const { region } = useCodes();
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
  const filings = t("supervision.profile.filings");
  const bars = (title: string, b: B[], name?: (x: B) => string) => (
    <Card size="small" title={title}>
      {b.length ? (
        <EChart option={rankedBarOption(datum(b, name), filings)} height={rankedHeight(b.length)} label={title} />
      ) : (
        <Empty />
      )}
    </Card>
  );
  return (
    <div className="off-page">
      <div className="off-head">
        <div>
          <h1 data-content>{p.agency}</h1>
          <div className="off-sub">{t("supervision.profile.subtitle")}</div>
        </div>
        <Space>
          <Link to="/supervision">{t("supervision.profile.back")}</Link>
          {p.registryOrgId && (
            <Link to={`/supervision/credit/${p.registryOrgId}`}>{t("supervision.profile.credit")}</Link>
          )}
        </Space>
      </div>
      <Descriptions
        bordered
        size="small"
        column={4}
        items={[
          { key: "f", label: t("supervision.stats.col.filings"), children: p.filings },
          { key: "g", label: t("supervision.stats.col.grants"), children: p.grants },
          { key: "r", label: t("supervision.stats.col.grantRate"), children: pct(p.grantRate) },
          { key: "i", label: t("supervision.stats.col.inventionShare"), children: pct(p.inventionShare) },
        ]}
      />
      <div className="plan-detail" style={{ marginTop: 12 }}>
        <Card size="small" title={t("supervision.profile.byYear")}>
          <EChart option={trendOption(datum(p.byYear), filings)} height={260} label={t("supervision.profile.byYear")} />
        </Card>
        <Card size="small" title={t("supervision.profile.byType")}>
          <EChart
            option={pieOption(
              datum(p.byType, (x) => t(`types.${x.key}`, { defaultValue: x.label ?? x.key })),
              filings,
            )}
            height={260}
            label={t("supervision.profile.byType")}
          />
        </Card>
        {bars(t("supervision.profile.byIpc"), p.byIpc, (x) => codeWithTitle(x.key, x.label))}
        {bars(t("supervision.profile.byClientRegion"), p.byClientRegion, (x) => region(x.key, x.label))}
        {bars(t("supervision.profile.agents"), p.topAgents)}
        {bars(t("supervision.profile.clients"), p.topClients)}
      </div>
    </div>
  );
}
