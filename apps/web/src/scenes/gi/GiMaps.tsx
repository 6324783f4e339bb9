import type { GiMap } from "@zhichan/shared";
import { Alert } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../charts/EChart";
import { choroplethOption } from "../../charts/options";
import { ChartCard } from "../stats/ChartCard";
import { useGeoMap } from "../stats/useGeoMap";

/**
 * The register on the shipped boundaries: Henan's cities and the plan city's districts, shaded by entries. Every
 * feature is listed (0 where the register has none), so the map shows where nothing is known yet too.
 */
export function GiMaps({ counts }: { counts: GiMap }) {
  const { t } = useTranslation();
  const henan = useGeoMap("henan_cities");
  const city = useGeoMap("zhengzhou_districts");
  const label = t("gi.count");
  const henanOption = useMemo(() => {
    if (!henan.geo) return null;
    const by = new Map(counts.byCity.map((c) => [c.code, c.all]));
    const data = henan.geo.features.map((f) => ({ name: f.properties.name, value: by.get(String(f.id)) ?? 0 }));
    return choroplethOption(henan.mapName, data, label);
  }, [henan.geo, henan.mapName, counts, label]);
  const cityOption = useMemo(() => {
    if (!city.geo) return null;
    const by = new Map(counts.byDistrict.map((c) => [c.code, c.all]));
    const data = city.geo.features.map((f) => ({ name: f.properties.name, value: by.get(String(f.id)) ?? 0 }));
    return choroplethOption(city.mapName, data, label, false);
  }, [city.geo, city.mapName, counts, label]);
  if (henan.error || city.error) return <Alert type="warning" showIcon message={t("errors.INTERNAL")} />;
  return (
    <div className="gi-maps">
      <ChartCard title={t("gi.mapHenan")} extra={<span className="muted small">{t("gi.mapNote")}</span>}>
        {henanOption && <EChart option={henanOption} height={380} label={t("gi.mapHenan")} testId="gi-map-henan" />}
      </ChartCard>
      <ChartCard title={t("gi.mapCity")}>
        {cityOption && <EChart option={cityOption} height={380} label={t("gi.mapCity")} testId="gi-map-city" />}
        <p className="muted small">{t("gi.cityWide", counts.cityWide)}</p>
      </ChartCard>
    </div>
  );
}
