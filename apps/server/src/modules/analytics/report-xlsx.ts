import type { ReportDetail } from "@zhichan/shared";
import ExcelJS from "exceljs";
import { reportTables } from "./report-tables.js";

/** One sheet per section with the numbers behind its chart, plus a cover sheet with the parameters. */
export async function reportXlsx(r: ReportDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "知产 Zhichan";
  const cover = wb.addWorksheet("报告信息");
  cover.columns = [{ width: 18 }, { width: 90 }];
  cover.addRows([
    ["标题", r.title],
    ["检索式", r.params.q],
    ["产业专题库", r.params.industryName ?? ""],
    ["聚焦地区", r.params.focusName ?? ""],
    ["数据快照时间", r.snapshotAt ?? ""],
    ["数据序号", r.snapshotSeq ?? ""],
    ["生成时间", r.finishedAt ?? ""],
    ...(r.strategy?.notes ?? []).map((n) => ["检索说明", n]),
    ...(r.data?.conclusions ?? []).map((c) => ["结论", c]),
  ]);
  cover.getColumn(1).font = { bold: true };
  for (const t of reportTables(r)) {
    const ws = wb.addWorksheet(t.sheet.slice(0, 31));
    ws.addRow([t.title]).font = { bold: true };
    ws.addRow(t.head).font = { bold: true };
    for (const row of t.rows) ws.addRow(row);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 36 : 14;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
