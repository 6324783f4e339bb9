import type { TargetProgress } from "@zhichan/shared";
import type { EChartsCoreOption } from "echarts/core";

type Area = TargetProgress["areas"][number];

/** Zhengzhou's districts shaded by the target's count; the service belt's districts drawn with an orange border. */
export function areaMapOption(
  areas: Area[],
  seriesName: string,
  /** The registered map in the UI's language (useGeoMap's mapName) and each area's name as its feature is named. */
  mapName: string,
  display: (a: Area) => string,
): EChartsCoreOption {
  const mapped = areas.filter((a) => a.hasPolygon);
  const max = Math.max(1, ...mapped.map((a) => a.count));
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
      calculable: true,
      inRange: { color: ["#eef4fb", "#7fb0e0", "#0b4f9c"] },
    },
    series: [
      {
        name: seriesName,
        type: "map",
        map: mapName,
        roam: false,
        label: { show: true, fontSize: 10, color: "#1f2937", textBorderColor: "#fff", textBorderWidth: 2 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: "#f3c969" } },
        itemStyle: { borderColor: "#ffffff", borderWidth: 1, areaColor: "#eef4fb" },
        data: mapped.map((a) => ({
          name: display(a),
          value: a.count,
          ...(a.inBelt ? { itemStyle: { borderColor: "#d9822b", borderWidth: 2.5 } } : {}),
        })),
      },
    ],
  };
}

/** Areas without a polygon (functional zones), ranked, belt members marked. */
export function zonesBarOption(areas: Area[], seriesName: string): EChartsCoreOption {
  const rows = [...areas].sort((a, b) => a.count - b.count || b.name.localeCompare(a.name));
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, max: (v: { max: number }) => Math.max(1, v.max) },
    yAxis: { type: "category", data: rows.map((a) => (a.inBelt ? `${a.name} ★` : a.name)) },
    series: [
      {
        name: seriesName,
        type: "bar",
        barMaxWidth: 18,
        label: { show: true, position: "right" },
        data: rows.map((a) => ({ value: a.count, itemStyle: { color: a.inBelt ? "#d9822b" : "#0b4f9c" } })),
      },
    ],
  };
}

/** Year-end actual against the linear pace toward the target. */
export function yearsOption(
  t: TargetProgress,
  labels: { actual: string; pace: string; target: string },
): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: t.years.map((y) => String(y.year)) },
    yAxis: { type: "value", minInterval: 1, max: (v: { max: number }) => Math.max(v.max, t.target) },
    series: [
      {
        name: labels.actual,
        type: "bar",
        barMaxWidth: 36,
        data: t.years.map((y) => y.actual),
        label: { show: true, position: "top" },
      },
      {
        name: labels.pace,
        type: "line",
        data: t.years.map((y) => y.pace),
        itemStyle: { color: "#2f8f5b" },
        lineStyle: { type: "dashed" },
        symbol: "circle",
      },
      {
        name: labels.target,
        type: "line",
        data: t.years.map(() => t.target),
        itemStyle: { color: "#c0392b" },
        lineStyle: { color: "#c0392b", width: 1 },
        symbol: "none",
      },
    ],
  };
}
