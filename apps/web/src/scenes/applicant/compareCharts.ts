import type { CompareResponse } from "@zhichan/shared";
import type { EChartsCoreOption } from "echarts/core";

type Applicants = CompareResponse["applicants"];

/** Short names for legends and axes (a company name can be 30 characters long). */
export const shortName = (s: string, n = 12) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Filings per year: one line per applicant over the years any of them filed in. */
export function yearsOption(list: Applicants): EChartsCoreOption {
  const years = [...new Set(list.flatMap((a) => a.byYear.map((y) => y.year)))].sort((a, b) => a - b);
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0, type: "scroll" },
    grid: { left: 40, right: 16, top: 36, bottom: 28, containLabel: true },
    xAxis: { type: "category", data: years.map(String) },
    yAxis: { type: "value", minInterval: 1 }, // the unit is said above the charts
    series: list.map((a) => {
      const by = new Map(a.byYear.map((y) => [y.year, y.count]));
      return { type: "line", name: shortName(a.name), data: years.map((y) => by.get(y) ?? 0), symbolSize: 5 };
    }),
  };
}

/** One bar per applicant and category (IPC subclasses, statuses): the categories most of the applicants hold. */
export function groupedOption(
  list: Applicants,
  pick: (a: Applicants[number]) => { code: string; count: number }[],
  label: (code: string) => string,
  top = 8,
): EChartsCoreOption {
  const sums = new Map<string, number>();
  for (const a of list) for (const x of pick(a)) sums.set(x.code, (sums.get(x.code) ?? 0) + x.count);
  const codes = [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([c]) => c);
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0, type: "scroll" },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: codes.map(label), axisLabel: { interval: 0, rotate: codes.length > 5 ? 30 : 0 } },
    yAxis: { type: "value", minInterval: 1 },
    series: list.map((a) => {
      const by = new Map(pick(a).map((x) => [x.code, x.count]));
      return { type: "bar", name: shortName(a.name), data: codes.map((c) => by.get(c) ?? 0), barMaxWidth: 18 };
    }),
  };
}
