import type { DirectoryPage } from "@zhichan/shared";
import type { EChartsCoreOption } from "echarts/core";

/** Zhengzhou's districts shaded by the number of listed workstations. */
export function workstationMapOption(
  districts: DirectoryPage["districts"],
  seriesName: string,
  /** The registered map in the UI's language (useGeoMap's mapName): its features are named as `display` names. */
  mapName: string,
  /** The district's name in the UI's language, as the map's feature of its code is named. */
  display: (d: DirectoryPage["districts"][number]) => string,
): EChartsCoreOption {
  const max = Math.max(1, ...districts.map((d) => d.count));
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { name: string; value?: number }) => `${p.name}: ${Number.isFinite(p.value) ? p.value : 0}`,
    },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: false,
      inRange: { color: ["#eef4fb", "#7fb0e0", "#0b4f9c"] },
    },
    series: [
      {
        name: seriesName,
        type: "map",
        map: mapName,
        roam: false,
        label: { show: false, fontSize: 10, color: "#1f2937", textBorderColor: "#fff", textBorderWidth: 2 },
        itemStyle: { borderColor: "#ffffff", borderWidth: 1, areaColor: "#eef4fb" },
        data: districts.map((d) => ({ name: display(d), value: d.count })),
      },
    ],
  };
}
