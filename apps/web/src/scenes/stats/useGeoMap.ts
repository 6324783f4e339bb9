import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type GeoCollection, type GeoMapName, getGeo } from "../../api/geo";
import { echarts } from "../../charts/echarts";
import { renameFeatures } from "./geoNames";

/**
 * Loads a boundary set once and registers it with ECharts. The shapes carry Chinese names; the English UI gets a
 * copy registered as `<name>_en` whose features are named from the catalogue (pinyin names keyed by code), so the
 * labels, tooltips and the data's names all read English. Charts use the returned mapName.
 */
export function useGeoMap(name: GeoMapName): { geo: GeoCollection | null; error: unknown; mapName: string } {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const mapName = en ? `${name}_en` : name;
  // The shapes remember which registered map they belong to: on a live language switch mapName changes in the same
  // render, before the effect below has registered the new map, and a chart drawn with the new name and the old
  // shapes made ECharts throw (getMap() undefined → "reading 'regions'").
  const [loaded, setLoaded] = useState<{ mapName: string; geo: GeoCollection } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    getGeo(name).then(
      (g) => {
        const shown = en
          ? renameFeatures(g, (key, fallback) => t(`codes.region.${key}`, { defaultValue: fallback }))
          : g;
        if (!echarts.getMap(mapName)) echarts.registerMap(mapName, shown as never);
        if (live) setLoaded({ mapName, geo: shown });
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [name, en, mapName, t]);
  return { geo: loaded?.mapName === mapName ? loaded.geo : null, error, mapName };
}
