import type { FacetName } from "@zhichan/shared";
import { Skeleton } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { search } from "../../api/search";
import { EChart } from "../../charts/EChart";
import { pieOption, rankedBarOption, rankedHeight, trendOption } from "../../charts/options";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { ChartCard } from "./ChartCard";
import { enumSeries, topSeries, yearSeries } from "./facetData";
import { RegionMaps } from "./RegionMaps";

const STATS_FACETS: FacetName[] = ["year", "type", "status", "applicant", "ipc_subclass", "city", "district"];

/** Charts of the whole hit set of a query, from one facet-only request (limit=0). */
export default function StatsView({ q }: { q: string }) {
  const { t } = useTranslation();
  const res = useAsync((signal) => search({ q, limit: 0, facets: STATS_FACETS, facetSize: 200 }, signal), [q]);
  const f = res.data?.facets;
  const count = t("stats.count");
  const opts = useMemo(() => {
    if (!f) return null;
    return {
      trend: trendOption(yearSeries(f.year), count),
      type: pieOption(enumSeries(f.type, "types", t), count),
      status: pieOption(enumSeries(f.status, "statuses", t), count),
      applicants: rankedBarOption(topSeries(f.applicant, 15, false), count, 220),
      ipc: rankedBarOption(topSeries(f.ipc_subclass, 15, true), count, 260),
    };
  }, [f, count, t]);

  if (res.error) return <ErrorView error={res.error} query={q} onRetry={res.reload} />;
  if (!res.data || !f || !opts) return <Skeleton active paragraph={{ rows: 12 }} />;

  return (
    <div className="stats-view" data-testid="stats-view">
      <p className="stats-basis">{t("stats.basis", { total: res.data.total.toLocaleString() })}</p>
      <div className="stats-grid">
        <ChartCard title={t("stats.trend")} empty={!f.year?.length} className="span-2">
          <EChart option={opts.trend} height={300} label={t("stats.trend")} testId="chart-trend" />
        </ChartCard>
        <ChartCard title={t("stats.type")} empty={!f.type?.length}>
          <EChart option={opts.type} height={280} label={t("stats.type")} testId="chart-type" />
        </ChartCard>
        <ChartCard title={t("stats.status")} empty={!f.status?.length}>
          <EChart option={opts.status} height={280} label={t("stats.status")} testId="chart-status" />
        </ChartCard>
        <ChartCard title={t("stats.applicants")} empty={!f.applicant?.length}>
          <EChart
            option={opts.applicants}
            height={rankedHeight(Math.min(15, f.applicant?.length ?? 0))}
            label={t("stats.applicants")}
            testId="chart-applicants"
          />
        </ChartCard>
        <ChartCard title={t("stats.ipc")} empty={!f.ipc_subclass?.length}>
          <EChart
            option={opts.ipc}
            height={rankedHeight(Math.min(15, f.ipc_subclass?.length ?? 0))}
            label={t("stats.ipc")}
            testId="chart-ipc"
          />
        </ChartCard>
      </div>
      <RegionMaps cities={f.city ?? []} districts={f.district ?? []} />
    </div>
  );
}
