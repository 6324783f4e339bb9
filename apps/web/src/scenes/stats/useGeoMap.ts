import { useEffect, useState } from "react";
import { type GeoCollection, type GeoMapName, getGeo } from "../../api/geo";
import { echarts } from "../../charts/echarts";

/** Loads a boundary set once and registers it with ECharts under its own name. */
export function useGeoMap(name: GeoMapName): { geo: GeoCollection | null; error: unknown } {
  const [geo, setGeo] = useState<GeoCollection | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    getGeo(name).then(
      (g) => {
        if (!echarts.getMap(name)) echarts.registerMap(name, g as never);
        if (live) setGeo(g);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [name]);
  return { geo, error };
}
