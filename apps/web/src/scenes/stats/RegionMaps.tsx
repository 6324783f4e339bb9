import type { FacetBucket } from "@zhichan/shared";
import { Alert } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../charts/EChart";
import { choroplethOption, rankedBarOption, rankedHeight } from "../../charts/options";
import { ChartCard } from "./ChartCard";
import { cityFeatureId, districtFeatureId, splitRegions } from "./regionData";
import { useGeoMap } from "./useGeoMap";

const HENAN = "41";
const isEmpty = (data: { value: number }[]) => data.every((d) => d.value === 0);
const ZHENGZHOU = "4101";

/** Henan by city and Zhengzhou by district as choropleths, plus zones that have no polygon as ranked bars. */
export function RegionMaps({ cities, districts }: { cities: FacetBucket[]; districts: FacetBucket[] }) {
  const { t } = useTranslation();
  const henan = useGeoMap("henan_cities");
  const zz = useGeoMap("zhengzhou_districts");
  const count = t("stats.count");

  const henanSplit = useMemo(
    () => (henan.geo ? splitRegions(henan.geo, cities, HENAN, cityFeatureId) : null),
    [henan.geo, cities],
  );
  const zzSplit = useMemo(
    () => (zz.geo ? splitRegions(zz.geo, districts, ZHENGZHOU, districtFeatureId) : null),
    [zz.geo, districts],
  );
  const henanOption = useMemo(
    () => henanSplit && choroplethOption(henan.mapName, henanSplit.mapped, count),
    [henanSplit, count, henan.mapName],
  );
  const zzOption = useMemo(
    () => zzSplit && choroplethOption(zz.mapName, zzSplit.mapped, count, false),
    [zzSplit, count, zz.mapName],
  );
  const zonesOption = useMemo(
    () => zzSplit && rankedBarOption(zzSplit.unmapped.slice(0, 10), count, 150, false),
    [zzSplit, count],
  );

  if (henan.error || zz.error) return <Alert type="warning" showIcon message={t("errors.INTERNAL")} />;

  return (
    <div className="stats-maps">
      <ChartCard title={t("stats.henan")} extra={<span className="muted small">{t("stats.mapNote")}</span>}>
        {henanSplit && isEmpty(henanSplit.mapped) && <p className="map-empty-note">{t("stats.noRegionHits")}</p>}
        {henanOption && <EChart option={henanOption} height={420} label={t("stats.henan")} testId="map-henan" />}
      </ChartCard>
      <ChartCard title={t("stats.zhengzhou")} className="zz-card">
        <div className="zz-layout">
          <div className="zz-map">
            {zzSplit && isEmpty(zzSplit.mapped) && <p className="map-empty-note">{t("stats.noRegionHits")}</p>}
            {zzOption && <EChart option={zzOption} height={420} label={t("stats.zhengzhou")} testId="map-zhengzhou" />}
          </div>
          <div className="zz-zones">
            <h4>{t("stats.zones")}</h4>
            <p className="muted small">{t("stats.zonesNote")}</p>
            {zzSplit && zzSplit.unmapped.length > 0 && zonesOption ? (
              <EChart
                option={zonesOption}
                height={rankedHeight(Math.min(10, zzSplit.unmapped.length))}
                label={t("stats.zones")}
                testId="zones-bar"
              />
            ) : (
              <p className="muted">{t("stats.noData")}</p>
            )}
          </div>
        </div>
      </ChartCard>
    </div>
  );
}
