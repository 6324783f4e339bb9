import type { ReportData } from "./analytics.js";

/**
 * ECharts options for a navigation report, as plain objects: the web page renders them interactively, the server
 * renders the same options to SVG for the print page and the PDF (no animation, fixed layouts).
 */
export interface ReportChart {
  section: keyof ReportData;
  id: string;
  title: string;
  height: number;
  // biome-ignore lint/suspicious/noExplicitAny: an ECharts option object (shared has no echarts dependency)
  option: Record<string, any>;
}

const PALETTE = ["#1f4e8c", "#c23531", "#2f9e77", "#d48806", "#6b5ca5", "#13a8a8", "#8c564b", "#e377c2"];
const base = {
  animation: false,
  color: PALETTE,
  textStyle: { fontFamily: "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif" },
  grid: { left: 56, right: 24, top: 40, bottom: 40, containLabel: true },
  tooltip: { trigger: "axis" },
};
const short = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function hbar(names: string[], values: number[], seriesName: string) {
  return {
    ...base,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { ...base.grid, left: 8 },
    xAxis: { type: "value" },
    yAxis: { type: "category", inverse: true, data: names.map((n) => short(n)), axisLabel: { fontSize: 11 } },
    series: [{ type: "bar", name: seriesName, data: values, label: { show: true, position: "right", fontSize: 10 } }],
  };
}

const TREND_YEARS = 25;
const LIFE_YEARS = 20;

export function reportCharts(d: ReportData): ReportChart[] {
  const charts: ReportChart[] = [];
  // charts show the recent years (tables and XLSX keep every year)
  const from = Math.max(0, d.trends.years.length - TREND_YEARS);
  const cut = <T>(a: T[]) => a.slice(from);
  const years = cut(d.trends.years).map(String);
  charts.push({
    section: "trends",
    id: "trend",
    title: "申请与授权趋势",
    height: 300,
    option: {
      ...base,
      legend: { top: 4 },
      xAxis: { type: "category", data: years },
      yAxis: { type: "value", name: "件" },
      series: [
        { type: "line", name: "申请量（按申请年）", data: cut(d.trends.applications), symbolSize: 4 },
        { type: "line", name: "授权量（按授权年）", data: cut(d.trends.grants), symbolSize: 4 },
        ...(d.trends.focusApplications
          ? [{ type: "bar", name: "聚焦地区申请量", data: cut(d.trends.focusApplications), barMaxWidth: 14 }]
          : []),
      ],
    },
  });
  charts.push({
    section: "trends",
    id: "types",
    title: "各类型专利申请量",
    height: 280,
    option: {
      ...base,
      legend: { top: 4 },
      xAxis: { type: "category", data: years },
      yAxis: { type: "value", name: "件" },
      series: d.trends.byType.map((t) => ({ type: "bar", stack: "t", name: t.name, data: cut(t.counts) })),
    },
  });
  charts.push({
    section: "lifecycle",
    id: "lifecycle",
    title: `技术生命周期（${d.lifecycle.stageName}）`,
    height: 320,
    option: {
      ...base,
      tooltip: { trigger: "item" },
      xAxis: { type: "value", name: "申请人数", nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "value", name: "申请量" },
      series: [
        {
          type: "line",
          // complete years only (the last ones lag publication), the most recent 20 with applications
          data: d.lifecycle.years
            .map((y, i) => ({ y, value: [d.lifecycle.applicants[i], d.lifecycle.applications[i]], name: String(y) }))
            .filter((p) => p.value[1] > 0 && p.y <= d.scope.lastCompleteYear)
            .slice(-LIFE_YEARS)
            .map(({ value, name }) => ({ value, name })),
          label: { show: true, formatter: "{b}", fontSize: 9, position: "top" },
          symbolSize: 6,
        },
      ],
    },
  });
  charts.push({
    section: "ipc",
    id: "ipc",
    title: "IPC 小类分布（前 15）",
    height: 360,
    option: hbar(
      d.ipc.top.slice(0, 15).map((t) => `${t.code} ${t.name === t.code ? "" : t.name}`),
      d.ipc.top.slice(0, 15).map((t) => t.count),
      "件",
    ),
  });
  const h = d.ipc.heatmap;
  const cells = h.cells.flatMap((row, k) => row.map((v, y) => [y, k, v]));
  charts.push({
    section: "ipc",
    id: "heatmap",
    title: "IPC × 年份热力图",
    height: 380,
    option: {
      ...base,
      tooltip: { position: "top" },
      grid: { left: 8, right: 24, top: 16, bottom: 64, containLabel: true },
      xAxis: { type: "category", data: h.years.map(String), splitArea: { show: true } },
      yAxis: { type: "category", data: h.codes, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max: Math.max(1, ...cells.map((c) => c[2])),
        calculable: false,
        orient: "horizontal",
        left: "center",
        bottom: 4,
        itemHeight: 120,
        inRange: { color: ["#f4f8fd", "#1f4e8c"] },
      },
      series: [{ type: "heatmap", data: cells, label: { show: true, fontSize: 9 } }],
    },
  });
  const apps = d.applicants.top.slice(0, 15);
  charts.push({
    section: "applicants",
    id: "applicants",
    title: "主要申请人（前 15）",
    height: 380,
    option: hbar(
      apps.map((a) => a.name),
      apps.map((a) => a.count),
      "件",
    ),
  });
  charts.push({
    section: "newEntrants",
    id: "entrants",
    title: "新进入者（按首次申请年）",
    height: 240,
    option: {
      ...base,
      xAxis: { type: "category", data: d.newEntrants.byYear.map((y) => String(y.year)) },
      yAxis: { type: "value", name: "申请人数" },
      series: [
        {
          type: "bar",
          data: d.newEntrants.byYear.map((y) => y.count),
          barMaxWidth: 40,
          label: { show: true, position: "top" },
        },
      ],
    },
  });
  charts.push({
    section: "concentration",
    id: "concentration",
    title: "申请人集中度",
    height: 220,
    option: {
      ...base,
      xAxis: { type: "category", data: ["CR4", "CR8"] },
      yAxis: { type: "value", max: 100, name: "%" },
      series: [
        {
          type: "bar",
          barMaxWidth: 60,
          data: [d.concentration.cr4 * 100, d.concentration.cr8 * 100].map((v) => Math.round(v * 10) / 10),
          label: { show: true, position: "top", formatter: "{c}%" },
        },
      ],
    },
  });
  if (d.cooperation.nodes.length > 0) {
    const maxCount = Math.max(1, ...d.cooperation.nodes.map((n) => n.count));
    charts.push({
      section: "cooperation",
      id: "network",
      title: "申请人合作网络（合作最多的 30 个申请人）",
      height: 480,
      option: {
        ...base,
        tooltip: {},
        series: [
          {
            type: "graph",
            layout: "circular",
            circular: { rotateLabel: true },
            roam: false,
            label: { show: true, position: "right", fontSize: 9, formatter: "{b}" },
            lineStyle: { color: "source", curveness: 0.25, opacity: 0.6 },
            data: d.cooperation.nodes.map((n) => ({
              id: n.key,
              name: short(n.name, 12),
              value: n.count,
              symbolSize: 6 + 18 * Math.sqrt(n.count / maxCount),
            })),
            links: d.cooperation.edges.map((e) => ({
              source: e.source,
              target: e.target,
              value: e.weight,
              lineStyle: { width: Math.min(6, 0.8 + Math.log2(1 + e.weight)) },
            })),
          },
        ],
      },
    });
  }
  const inv = d.inventors.top.slice(0, 15);
  charts.push({
    section: "inventors",
    id: "inventors",
    title: "主要发明人（前 15）",
    height: 360,
    option: hbar(
      inv.map((i) => i.name),
      inv.map((i) => i.count),
      "件",
    ),
  });
  const prov = d.regions.provinces.slice(0, 15);
  charts.push({
    section: "regions",
    id: "provinces",
    title: "申请人地区分布（省级，前 15）",
    height: 360,
    option: hbar(
      prov.map((p) => p.name),
      prov.map((p) => p.count),
      "件",
    ),
  });
  if (d.regions.focus && d.regions.focus.rta.length > 0) {
    const rta = d.regions.focus.rta;
    charts.push({
      section: "regions",
      id: "rta",
      title: `${d.regions.focus.name} 各 IPC 小类的显示性技术优势（RTA）`,
      height: 320,
      option: {
        ...base,
        xAxis: { type: "category", data: rta.map((r) => r.code), axisLabel: { rotate: 45, fontSize: 10 } },
        yAxis: { type: "value", name: "RTA" },
        series: [
          {
            type: "bar",
            data: rta.map((r) => ({ value: r.rta, itemStyle: { color: r.rta >= 1 ? PALETTE[2] : "#9aa7b8" } })),
            markLine: { silent: true, symbol: "none", data: [{ yAxis: 1 }], label: { formatter: "1" } },
          },
        ],
      },
    });
  }
  charts.push({
    section: "legal",
    id: "legal",
    title: "法律状态",
    height: 280,
    option: {
      ...base,
      tooltip: { trigger: "item" },
      legend: { orient: "vertical", left: 8, top: 20 },
      series: [
        {
          type: "pie",
          radius: ["35%", "65%"],
          center: ["60%", "55%"],
          label: { formatter: "{b} {d}%" },
          data: d.legal.byStatus.map((s) => ({ name: s.name, value: s.count })),
        },
      ],
    },
  });
  const ag = d.agencies.top.slice(0, 15);
  if (ag.length > 0)
    charts.push({
      section: "agencies",
      id: "agencies",
      title: "主要代理机构（前 15）",
      height: 360,
      option: hbar(
        ag.map((a) => a.name),
        ag.map((a) => a.count),
        "件",
      ),
    });
  const te = d.techEffect;
  if (te && te.branches.length > 0 && te.effects.length > 0) charts.push(techEffectChart(te));
  return charts;
}

/**
 * The technology–effect matrix as a heat map: counts in the cells, white space (no hits) left white with a dash.
 * The web page's interactive matrix uses the same option.
 */
export function techEffectChart(te: NonNullable<ReportData["techEffect"]>): ReportChart {
  const cells = te.cells.flatMap((row, i) => row.map((n, k) => [k, i, n]));
  const max = Math.max(1, ...te.cells.flat());
  const border = { borderColor: "#c9d3df", borderWidth: 1 };
  return {
    section: "techEffect",
    id: "techEffect",
    title: "技术功效矩阵（空白格为空白点）",
    height: 120 + 34 * te.branches.length,
    option: {
      ...base,
      tooltip: { position: "top" },
      grid: { left: 8, right: 16, top: 16, bottom: 56, containLabel: true },
      xAxis: {
        type: "category",
        data: te.effects.map((e) => short(e.label, 10)),
        axisLabel: { interval: 0, rotate: 30, fontSize: 10 },
      },
      yAxis: { type: "category", data: te.branches.map((b) => short(b.label, 16)), inverse: true },
      // the colour scale colours the cells with hits only; white space stays white
      visualMap: [
        { seriesIndex: 0, min: 1, max, show: false, inRange: { color: ["#dbe7f5", "#1f4e8c"] } },
        { seriesIndex: 1, min: 0, max: 1, show: false, inRange: { color: ["#ffffff", "#ffffff"] } },
      ],
      series: [
        { type: "heatmap", data: cells.filter((c) => c[2] > 0), label: { show: true }, itemStyle: border },
        {
          type: "heatmap",
          data: cells.filter((c) => c[2] === 0),
          label: { show: true, formatter: "—", color: "#b08900" },
          itemStyle: border,
        },
      ],
    },
  };
}

/** Section titles in report order (GB/T 39551-2020: scope and strategy → analysis → conclusions). */
export const REPORT_SECTIONS: { key: keyof ReportData; title: string }[] = [
  { key: "scope", title: "一、数据范围与检索策略" },
  { key: "trends", title: "二、申请趋势" },
  { key: "lifecycle", title: "三、技术生命周期" },
  { key: "ipc", title: "四、技术构成（IPC）" },
  { key: "applicants", title: "五、主要申请人" },
  { key: "newEntrants", title: "六、新进入者" },
  { key: "concentration", title: "七、市场集中度" },
  { key: "cooperation", title: "八、合作网络" },
  { key: "inventors", title: "九、发明人团队" },
  { key: "regions", title: "十、地区分布与聚焦地区" },
  { key: "legal", title: "十一、法律状态" },
  { key: "citations", title: "十二、高被引专利" },
  { key: "agencies", title: "十三、代理机构" },
  { key: "techEffect", title: "十四、技术功效矩阵" },
  { key: "conclusions", title: "十五、结论" },
];
