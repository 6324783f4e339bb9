import { REPORT_SECTIONS, type ReportChart, type ReportDetail, reportCharts } from "@zhichan/shared";
import * as echarts from "echarts";
import { reportTables, type Table } from "./report-tables.js";

const WIDTH = 680; // A4 with 15 mm margins at 96 dpi

const esc = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** ECharts server-side rendering: the option to an SVG string (no browser JavaScript needed to print). */
export function chartSvg(c: ReportChart): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: c.height });
  try {
    chart.setOption(c.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const PRINT_ROWS = 20;

function table(t: Table): string {
  if (t.rows.length === 0) return "";
  const rows = t.byYear ? t.rows.slice(-PRINT_ROWS) : t.rows.slice(0, PRINT_ROWS);
  const note = t.rows.length > rows.length ? `（${t.byYear ? "最近" : "前"} ${rows.length} 行，完整数据见 XLSX）` : "";
  return `<table class="${t.section}"><caption>${esc(t.title)}${note}</caption>
<thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((v) => `<td${typeof v === "number" ? ' class="n"' : ""}>${esc(v ?? "")}</td>`).join("")}</tr>`).join("\n")}</tbody></table>`;
}

const readings = (lines: string[]) =>
  lines.length
    ? `<div class="reading"><b>解读</b><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join("")}</ul></div>`
    : "";

/** The whole report as one printable HTML page (charts inline as SVG). */
export function reportPrintHtml(r: ReportDetail): string {
  const d = r.data;
  const charts = d ? reportCharts(d) : [];
  const tables = reportTables(r);
  const body: string[] = [];
  body.push(`<header><h1>${esc(r.title)}</h1>
<table class="meta"><tbody>
<tr><th>检索式</th><td><code>${esc(r.params.q)}</code></td></tr>
${r.params.industryName ? `<tr><th>产业专题库</th><td>${esc(r.params.industryName)}</td></tr>` : ""}
${r.params.focusName ? `<tr><th>聚焦地区</th><td>${esc(r.params.focusName)}（${esc(r.params.focus)}）</td></tr>` : ""}
<tr><th>数据快照</th><td>${esc(r.snapshotAt?.slice(0, 19).replace("T", " ") ?? "—")} UTC（数据序号 ${esc(r.snapshotSeq)}）</td></tr>
<tr><th>分析方法</th><td>参照 GB/T 39551-2020《专利导航指南》：数据范围与检索策略 → 分析 → 结论；文字解读均由固定规则从图表数字生成。</td></tr>
</tbody></table></header>`);
  if (!d) {
    body.push(`<p>报告尚未完成（${esc(r.status)}，${Math.round(r.progress * 100)}%）。</p>`);
  } else {
    for (const s of REPORT_SECTIONS) {
      if (d[s.key] === undefined) continue; // a section added after the report was made
      const parts: string[] = [`<h2>${esc(s.title)}</h2>`];
      if (s.key === "conclusions") {
        parts.push(`<ol class="conclusions">${d.conclusions.map((c) => `<li>${esc(c)}</li>`).join("")}</ol>`);
      } else {
        const sec = d[s.key] as { reading: string[] };
        if (s.key === "scope" && r.strategy) {
          parts.push(readings([...sec.reading, ...r.strategy.notes]));
          const st = tables.find((t) => t.section === "strategy") as Table;
          // the whole query is printed in the header already
          parts.push(
            table({
              ...st,
              rows: st.rows.map((row) => (row[1] === r.params.q ? [row[0], "（见上方检索式）", row[2]] : row)),
            }),
          );
        } else {
          parts.push(readings(sec.reading));
        }
        for (const c of charts.filter((c) => c.section === s.key))
          parts.push(`<figure><figcaption>${esc(c.title)}</figcaption>${chartSvg(c)}</figure>`);
        for (const t of tables.filter((t) => t.section === s.key)) parts.push(table(t));
      }
      body.push(`<section>${parts.join("\n")}</section>`);
    }
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Noto Serif CJK SC", sans-serif; font-size: 10.5pt; color: #1d2733; margin: 0; }
h1 { font-size: 19pt; color: #1f4e8c; margin: 0 0 10px; }
h2 { font-size: 13.5pt; color: #1f4e8c; border-bottom: 2px solid #1f4e8c; padding-bottom: 3px; margin: 18px 0 8px; break-after: avoid; }
section { break-inside: auto; }
figure { margin: 8px 0; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 2px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 9pt; break-inside: auto; }
caption { text-align: left; font-weight: 600; padding: 2px 0; }
th, td { border: 1px solid #c9d3df; padding: 2px 5px; text-align: left; vertical-align: top; }
th { background: #eef3f9; }
tr { break-inside: avoid; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.meta th { width: 80px; }
table.strategy th:first-child, table.strategy td:first-child { width: 150px; }
table.strategy th:last-child { width: 64px; }
code { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 8.5pt; word-break: break-all; }
.reading { background: #f6f9fc; border-left: 3px solid #2f9e77; padding: 4px 10px; margin: 6px 0; break-inside: avoid; }
.reading ul { margin: 2px 0; padding-left: 18px; }
ol.conclusions li { margin: 3px 0; }
svg { max-width: 100%; height: auto; }
</style></head><body>${body.join("\n")}</body></html>`;
}
