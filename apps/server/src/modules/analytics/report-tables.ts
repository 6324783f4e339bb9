import type { ReportData, ReportDetail } from "@zhichan/shared";

/** The numbers behind each section as tables: the print page shows them, the XLSX has one sheet per section. */
export interface Table {
  section: keyof ReportData | "strategy";
  sheet: string;
  title: string;
  head: string[];
  rows: (string | number | null)[][];
  /** Rows are years in order: a short print shows the most recent ones. */
  byYear?: boolean;
}

const p = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 100); // share → percent

export function reportTables(r: ReportDetail): Table[] {
  const d = r.data;
  if (!d) return [];
  const t: Table[] = [];
  const s = r.strategy;
  t.push({
    section: "strategy",
    sheet: "检索策略",
    title: "检索策略",
    head: ["条件", "检索式", "命中件数"],
    rows: [
      ...(s?.clauses ?? []).map((c) => [c.label, c.query, c.count]),
      ["全部数据", "", d.scope.corpusTotal],
      ["申请年份范围", `${d.scope.yearMin}–${d.scope.yearMax}`, null],
    ],
  });
  t.push({
    section: "trends",
    sheet: "申请趋势",
    title: "年度申请、授权与类型",
    byYear: true,
    head: [
      "年份",
      "申请量",
      "授权量",
      ...d.trends.byType.map((x) => x.name),
      ...(d.trends.focusApplications ? ["聚焦地区申请量"] : []),
    ],
    rows: d.trends.years.map((y, i) => [
      y,
      d.trends.applications[i],
      d.trends.grants[i],
      ...d.trends.byType.map((x) => x.counts[i]),
      ...(d.trends.focusApplications ? [d.trends.focusApplications[i]] : []),
    ]),
  });
  t.push({
    section: "lifecycle",
    sheet: "生命周期",
    title: `技术生命周期：${d.lifecycle.stageName}`,
    byYear: true,
    head: ["年份", "申请人数", "申请量"],
    rows: d.lifecycle.years.map((y, i) => [y, d.lifecycle.applicants[i], d.lifecycle.applications[i]]),
  });
  t.push({
    section: "ipc",
    sheet: "IPC构成",
    title: "IPC 小类",
    head: ["IPC 小类", "名称", "件数", "占比%"],
    rows: d.ipc.top.map((x) => [x.code, x.name, x.count, p(x.share)]),
  });
  t.push({
    section: "ipc",
    sheet: "IPC热力图",
    title: "IPC × 年份",
    head: ["IPC 小类", ...d.ipc.heatmap.years.map(String)],
    rows: d.ipc.heatmap.codes.map((c, k) => [c, ...d.ipc.heatmap.cells[k]]),
  });
  t.push({
    section: "applicants",
    sheet: "主要申请人",
    title: "主要申请人",
    head: ["申请人", "件数", "占比%", "首次申请年", "近三年", "前三年", "增长%", "主要 IPC"],
    rows: d.applicants.top.map((a) => [
      a.name,
      a.count,
      p(a.share),
      a.firstYear || null,
      a.recent,
      a.previous,
      p(a.growth),
      a.ipcMix.map((m) => `${m.code}(${m.count})`).join(" "),
    ]),
  });
  t.push({
    section: "newEntrants",
    sheet: "新进入者",
    title: `新进入者（${d.newEntrants.windowStart} 年起首次申请，共 ${d.newEntrants.total} 个）`,
    head: ["申请人", "首次申请年", "件数"],
    rows: d.newEntrants.top.map((a) => [a.name, a.firstYear, a.count]),
  });
  t.push({
    section: "concentration",
    sheet: "集中度",
    title: "集中度",
    head: ["指标", "数值"],
    rows: [
      ["申请人数", d.concentration.applicants],
      ["CR4 %", p(d.concentration.cr4)],
      ["CR8 %", p(d.concentration.cr8)],
      ["HHI", d.concentration.hhi],
      ["判断", d.concentration.level],
    ],
  });
  const nameOf = new Map(d.cooperation.nodes.map((n) => [n.key, n.name]));
  t.push({
    section: "cooperation",
    sheet: "合作网络",
    title: `合作关系（共同申请 ${d.cooperation.coPatents} 件）`,
    head: ["申请人 A", "申请人 B", "共同申请件数"],
    rows: d.cooperation.edges.map((e) => [
      nameOf.get(e.source) ?? e.source,
      nameOf.get(e.target) ?? e.target,
      e.weight,
    ]),
  });
  t.push({
    section: "inventors",
    sheet: "发明人",
    title: "主要发明人与团队",
    head: ["发明人 / 团队", "件数", "团队人数"],
    rows: [
      ...d.inventors.top.map((i) => [i.name, i.count, null]),
      ...d.inventors.teams.map((tm) => [`团队：${tm.members.join("、")}`, tm.patents, tm.size]),
    ],
  });
  const f = d.regions.focus;
  t.push({
    section: "regions",
    sheet: "地区分布",
    title: "地区分布（省级）",
    head: ["代码", "地区", "件数", "占比%"],
    rows: [
      ...d.regions.provinces.map((x) => [x.code, x.name, x.count, p(x.share)]),
      ...(f ? f.subregions.map((x) => [x.code, `${f.name} · ${x.name}`, x.count, p(x.share)]) : []),
    ],
  });
  if (f)
    t.push({
      section: "regions",
      sheet: "聚焦地区RTA",
      title: `${f.name}：命中 ${f.count} 件（${p(f.share)}%），全部数据中占 ${p(f.corpusShare)}%`,
      head: ["IPC 小类", "聚焦地区件数", "命中件数", "聚焦地区占比%", "RTA"],
      rows: f.rta.map((x) => [x.code, x.focusCount, x.totalCount, p(x.focusShare), x.rta]),
    });
  t.push({
    section: "legal",
    sheet: "法律状态",
    title: `法律状态（失效率 ${d.legal.lapseRate === null ? "—" : `${p(d.legal.lapseRate)}%`}）`,
    head: ["状态", "件数", "占比%"],
    rows: d.legal.byStatus.map((x) => [x.name, x.count, p(x.share)]),
  });
  t.push({
    section: "citations",
    sheet: "高被引",
    title: `高被引专利（有被引数据 ${d.citations.covered} 件）`,
    head: ["公开号", "标题", "被引次数"],
    rows: d.citations.top.map((c) => [c.pubNo, c.title, c.citedBy]),
  });
  t.push({
    section: "agencies",
    sheet: "代理机构",
    title: `代理机构（有代理信息 ${d.agencies.withAgency} 件）`,
    head: ["代理机构", "件数", "占比%"],
    rows: d.agencies.top.map((a) => [a.name, a.count, p(a.share)]),
  });
  const te = d.techEffect;
  if (te && te.branches.length > 0)
    t.push({
      section: "techEffect",
      sheet: "技术功效矩阵",
      title: `技术功效矩阵（空白点 ${te.blanks} 个）`,
      head: ["技术分支 \\ 功效", ...te.effects.map((e) => e.label), "合计"],
      rows: [
        ...te.branches.map((b, i) => [b.label, ...te.cells[i], b.total]),
        ["合计", ...te.effects.map((e) => e.total), null],
        ...te.effects.map((e) => [`功效词：${e.label}`, e.terms.join("；")]),
      ],
    });
  return t;
}
