import type { EChartsCoreOption } from "echarts/core";

export interface Datum {
  name: string;
  value: number;
}

const tooltipAxis = { trigger: "axis", axisPointer: { type: "shadow" } };

/** Vertical bars + line over ordered categories (years). */
export function trendOption(data: Datum[], seriesName: string): EChartsCoreOption {
  return {
    tooltip: tooltipAxis,
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: "category", data: data.map((d) => d.name) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: seriesName, type: "bar", data: data.map((d) => d.value), barMaxWidth: 28, itemStyle: { opacity: 0.35 } },
      {
        name: seriesName,
        type: "line",
        data: data.map((d) => d.value),
        showSymbol: data.length <= 40,
        symbolSize: 6,
      },
    ],
  };
}

/** Horizontal ranked bars, largest on top; long names truncated in the axis, full in the tooltip. */
export function rankedBarOption(
  data: Datum[],
  seriesName: string,
  labelWidth = 180,
  showValueAxis = true,
): EChartsCoreOption {
  const rows = [...data].reverse();
  return {
    tooltip: tooltipAxis,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, axisLabel: { show: showValueAxis }, splitLine: { show: showValueAxis } },
    yAxis: {
      type: "category",
      data: rows.map((d) => d.name),
      axisLabel: { width: labelWidth, overflow: "truncate" },
    },
    series: [
      {
        name: seriesName,
        type: "bar",
        data: rows.map((d) => d.value),
        barMaxWidth: 18,
        label: { show: true, position: "right" },
      },
    ],
  };
}

/**
 * Donut with legend on the right; `narrow` (a phone) puts the legend under a smaller donut, wrapped over as many
 * lines as it needs: a scrolling legend there cut names in half ("发明授", "失效") beside its page arrows, and the
 * larger donut left too little room for its outer labels ("53.2...").
 */
export function pieOption(data: Datum[], seriesName: string, narrow = false): EChartsCoreOption {
  return {
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: narrow
      ? { orient: "horizontal", left: "center", bottom: 0, type: "plain" }
      : { orient: "vertical", right: 8, top: "middle", type: "scroll" },
    series: [
      {
        name: seriesName,
        type: "pie",
        radius: narrow ? ["24%", "44%"] : ["40%", "70%"],
        center: narrow ? ["50%", "40%"] : ["35%", "50%"],
        data,
        label: { formatter: "{d}%" },
      },
    ],
  };
}

/** Choropleth over a registered map; data names must equal the features' names. */
export function choroplethOption(
  mapName: string,
  data: Datum[],
  seriesName: string,
  labelAll = true,
): EChartsCoreOption {
  const max = Math.max(1, ...data.map((d) => d.value));
  return {
    tooltip: { trigger: "item", formatter: (p: { name: string; value?: number }) => `${p.name}: ${p.value || 0}` },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: true,
      inRange: { color: ["#eef4fb", "#7fb0e0", "#0b4f9c"] },
      textStyle: { color: "#333" },
    },
    series: [
      {
        name: seriesName,
        type: "map",
        map: mapName,
        roam: false,
        // Small, crowded areas (Zhengzhou's central districts) label only where there are hits.
        data: labelAll ? data : data.map((d) => ({ ...d, label: { show: d.value > 0 } })),
        label: { show: labelAll, fontSize: 10, color: "#1f2937", textBorderColor: "#ffffff", textBorderWidth: 2 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: "#f3c969" } },
        itemStyle: { borderColor: "#ffffff", borderWidth: 1, areaColor: "#eef4fb" },
      },
    ],
  };
}

/** Height for a ranked bar chart so a few bars are not stretched and many are not squeezed. */
export function rankedHeight(rows: number): number {
  return Math.max(140, Math.min(520, rows * 28 + 40));
}
