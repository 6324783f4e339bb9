import type { CountUnit, FacetName } from "@zhichan/shared";
import { Button, Skeleton } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { search } from "../../api/search";
import { EChart } from "../../charts/EChart";
import { pieOption, rankedBarOption, rankedHeight, trendOption } from "../../charts/options";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { useNarrow } from "../search/useNarrow";
import { ChartCard } from "./ChartCard";
import { enumSeries, topSeries, trendWindow } from "./facetData";
import { RegionMaps } from "./RegionMaps";

const STATS_FACETS: FacetName[] = ["year", "type", "status", "applicant", "ipc_subclass", "city", "district"];

/**
 * Charts of the whole hit set of a query, from one facet-only request (limit=0), counted in applications (each
 * invention once, with its latest publication's values) or in publication records. `all`: the query is the
 * match-all one (none entered), so the page says it charts every patent.
 */
export default function StatsView({
  q,
  unit = "invention",
  all = false,
}: {
  q: string;
  unit?: CountUnit;
  all?: boolean;
}) {
  const { t } = useTranslation();
  const [allYears, setAllYears] = useState(false);
  const narrow = useNarrow(600);
  const res = useAsync(
    (signal) => search({ q, limit: 0, facets: STATS_FACETS, facetSize: 200, group: unit }, signal),
    [q, unit],
  );
  const f = res.data?.facets;
  const count = t(`grouping.units.${unit}`);
  const trend = useMemo(() => trendWindow(f?.year, allYears), [f, allYears]);
  const opts = useMemo(() => {
    if (!f) return null;
    return {
      trend: trendOption(trend.series, count),
      type: pieOption(enumSeries(f.type, "types", t), count, narrow),
      status: pieOption(enumSeries(f.status, "statuses", t), count, narrow),
      // on a phone the bars carry their values and the value axis (its labels would collide) is left off
      applicants: rankedBarOption(topSeries(f.applicant, 15, false), count, narrow ? 110 : 220, !narrow),
      ipc: rankedBarOption(topSeries(f.ipc_subclass, 15, true), count, narrow ? 110 : 260, !narrow),
    };
  }, [f, trend, count, t, narrow]);

  if (res.error) return <ErrorView error={res.error} query={q} onRetry={res.reload} />;
  if (!res.data || !f || !opts) return <Skeleton active paragraph={{ rows: 12 }} />;

  return (
    <div className="stats-view" data-testid="stats-view">
      <p className="stats-basis" data-testid="stats-basis">
        {t(all ? `searchUi.allBasis.${unit}` : `grouping.statsBasis.${unit}`, {
          total: res.data.total.toLocaleString(),
        })}
      </p>
      <div className="stats-grid">
        <ChartCard title={t("stats.trend")} empty={!f.year?.length} className="span-2">
          <EChart option={opts.trend} height={300} label={t("stats.trend")} testId="chart-trend" />
          {(trend.hidden || allYears) && (
            <p className="trend-note" data-testid="trend-note">
              {trend.hidden &&
                t("searchUi.trendHidden", { ...trend.hidden, count: trend.hidden.count.toLocaleString() })}{" "}
              <Button type="link" size="small" onClick={() => setAllYears((v) => !v)} data-testid="trend-toggle">
                {allYears ? t("searchUi.trendShowMain") : t("searchUi.trendShowAll")}
              </Button>
            </p>
          )}
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
