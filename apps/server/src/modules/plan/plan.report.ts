import type { PlanDashboard } from "@zhichan/shared";
import ExcelJS from "exceljs";
import { renderPdf } from "../../pdf/pdf-renderer.js";

const STATUS_ZH = { met: "已完成", on_track: "进度正常", behind: "滞后", unavailable: "暂无数据" } as const;

const fmt = (v: number | null) => (v === null ? "—" : Number.isInteger(v) ? String(v) : v.toFixed(2));
const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

/** The yearly report as a workbook: one sheet of targets with each plan year, one of counts by area. */
export async function reportXlsx(d: PlanDashboard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const years = d.targets[0]?.years.map((y) => y.year) ?? [];
  const ws = wb.addWorksheet("目标进度");
  ws.addRow([d.plan.name]);
  ws.addRow([`统计日期 ${d.asOf}${d.scope ? `（辖区 ${d.scope}）` : ""}；实际值由登记簿实时计算`]);
  ws.addRow([
    "指标",
    "单位",
    "目标",
    "目标年份",
    "当前实际",
    "完成率",
    "状态",
    ...years.map((y) => `${y} 年末实际`),
    "说明",
  ]);
  ws.getRow(3).font = { bold: true };
  for (const t of d.targets)
    ws.addRow([
      t.labelZh,
      t.unit,
      t.target,
      t.targetYear,
      t.actual ?? "暂无",
      pct(t.ratio),
      STATUS_ZH[t.status],
      ...t.years.map((y) => y.actual ?? "—"),
      t.note ?? "",
    ]);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 24 : i === 7 + years.length ? 50 : 12;
  });
  const areas = d.targets.find((t) => t.areas.length)?.areas ?? [];
  const wa = wb.addWorksheet("分区统计");
  wa.addRow(["指标", ...areas.map((a) => `${a.name}${a.inBelt ? "（服务带）" : ""}`)]);
  wa.getRow(1).font = { bold: true };
  for (const t of d.targets) if (t.areas.length) wa.addRow([t.labelZh, ...t.areas.map((a) => a.count)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export function reportHtml(d: PlanDashboard): string {
  const years = d.targets[0]?.years.map((y) => y.year) ?? [];
  const rows = d.targets
    .map(
      (
        t,
      ) => `<tr><td>${esc(t.labelZh)}</td><td>${esc(t.unit)}</td><td class="n">${fmt(t.target)}</td><td class="n">${fmt(t.actual)}</td>
      <td class="n">${pct(t.ratio)}</td><td class="s-${t.status}">${STATUS_ZH[t.status]}</td>
      ${t.years.map((y) => `<td class="n">${fmt(y.actual)}</td>`).join("")}<td class="note">${esc(t.note ?? "")}</td></tr>`,
    )
    .join("");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  body{font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;font-size:10.5pt;color:#1f2d3d;margin:0}
  h1{font-size:16pt;margin:0 0 4px} p{margin:0 0 10px;color:#555}
  table{border-collapse:collapse;width:100%} th,td{border:1px solid #c9d3df;padding:4px 6px;vertical-align:top}
  th{background:#eef3f9;text-align:left} .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap} .note{font-size:9pt;color:#666;width:34%}
  th,td[class^="s-"]{white-space:nowrap} td:first-child{min-width:9em}
  .s-met{color:#2f8f5b}.s-behind{color:#c0392b}.s-unavailable{color:#888}.s-on_track{color:#0b4f9c}
  </style></head><body>
  <h1>${esc(d.plan.name)} · 年度进度报告</h1>
  <p>统计日期 ${esc(d.asOf)}${d.scope ? `（辖区 ${esc(d.scope)}）` : ""}。实际值由登记簿与业务数据（质押融资取自平台登记的质押）实时计算，从不手工填写；登记簿未填报的指标显示为 0。
  登记簿现有机构 ${d.registryCounts.orgs} 家、人员 ${d.registryCounts.people} 人，待核实候选 ${d.registryCounts.candidates} 家。</p>
  <table><thead><tr><th>指标</th><th>单位</th><th>目标</th><th>实际</th><th>完成率</th><th>状态</th>
  ${years.map((y) => `<th>${y}年末</th>`).join("")}<th>说明</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

/** Print-to-PDF through the server's one queued Chromium renderer (fonts-noto-cjk for the Chinese text). */
export function reportPdf(d: PlanDashboard): Promise<Buffer> {
  return renderPdf(() => reportHtml(d), {
    format: "A4",
    landscape: true,
    printBackground: true,
    margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" },
  });
}
