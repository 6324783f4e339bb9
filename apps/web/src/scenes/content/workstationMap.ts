import type { DirectoryPage } from "@zhichan/shared";
import type { EChartsCoreOption } from "echarts/core";

/** Zhengzhou's districts shaded by the number of listed workstations (names as the shipped GeoJSON has them). */
export function workstationMapOption(
  districts: DirectoryPage["districts"],
  seriesName: string,
  /** The district's name in the UI's language (the map's own names are Chinese; nameMap shows these instead). */
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
        map: "zhengzhou_districts",
        nameMap: Object.fromEntries(districts.map((d) => [d.name, display(d)])),
        roam: false,
        label: { show: false, fontSize: 10, color: "#1f2937", textBorderColor: "#fff", textBorderWidth: 2 },
        itemStyle: { borderColor: "#ffffff", borderWidth: 1, areaColor: "#eef4fb" },
        data: districts.map((d) => ({ name: display(d), value: d.count })),
      },
    ],
  };
}
