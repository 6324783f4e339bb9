import type { CountUnit, FacetBucket } from "@zhichan/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../charts/EChart";
import { pieOption, rankedBarOption, rankedHeight, trendOption } from "../../charts/options";
import { ChartCard } from "../stats/ChartCard";
import { enumSeries, topSeries, yearSeries } from "../stats/facetData";

/** An applicant's portfolio: filings by year, types, legal status, IPC classes. */
export function PortfolioCharts({ facets, unit }: { facets: Record<string, FacetBucket[]>; unit: CountUnit }) {
  const { t } = useTranslation();
  const count = t(`grouping.units.${unit}`);
  const ipc = facets.ipc_class ?? facets.ipc_subclass ?? [];
  const opts = useMemo(
    () => ({
      year: trendOption(yearSeries(facets.year), count),
      type: pieOption(enumSeries(facets.type, "types", t), count),
      status: pieOption(enumSeries(facets.status, "statuses", t), count),
      ipc: rankedBarOption(topSeries(ipc, 12, true), count, 260),
      sei: rankedBarOption(topSeries(facets.sei, 12, true), count, 260),
    }),
    [facets, ipc, count, t],
  );
  return (
    <div className="stats-grid">
      <ChartCard title={t("applicant.byYear")} empty={!facets.year?.length} className="span-2">
        <EChart option={opts.year} height={280} label={t("applicant.byYear")} testId="chart-applicant-year" />
      </ChartCard>
      <ChartCard title={t("applicant.types")} empty={!facets.type?.length}>
        <EChart option={opts.type} height={260} label={t("applicant.types")} />
      </ChartCard>
      <ChartCard title={t("applicant.status")} empty={!facets.status?.length}>
        <EChart option={opts.status} height={260} label={t("applicant.status")} />
      </ChartCard>
      <ChartCard title={t("applicant.sei")} empty={!facets.sei?.length} className="span-2">
        <EChart
          option={opts.sei}
          height={rankedHeight(Math.min(12, facets.sei?.length ?? 0))}
          label={t("applicant.sei")}
        />
      </ChartCard>
      <ChartCard title={t("applicant.ipc")} empty={ipc.length === 0} className="span-2">
        <EChart option={opts.ipc} height={rankedHeight(Math.min(12, ipc.length))} label={t("applicant.ipc")} />
      </ChartCard>
    </div>
  );
}
