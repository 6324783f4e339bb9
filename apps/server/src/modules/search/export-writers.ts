import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { EXPORT_COLUMNS, safeCell } from "./export-columns.js";
import type { HitRow } from "./hits.repository.js";

const csvField = (v: string) => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csvLine = (cells: string[]) => `${cells.map((c) => csvField(safeCell(c))).join(",")}\n`;

/** CSV with a UTF-8 BOM so Excel opens Chinese text correctly; streamed row by row. */
export function csvStream(rows: Iterable<HitRow>): Readable {
  function* lines(): Generator<string> {
    yield `\uFEFF${csvLine(EXPORT_COLUMNS.map((c) => c.header))}`;
    for (const r of rows) yield csvLine(EXPORT_COLUMNS.map((c) => c.cell(r)));
  }
  return Readable.from(lines());
}

/** XLSX through exceljs' streaming writer: rows are committed as they come, never all held in memory. */
export function xlsxStream(rows: Iterable<HitRow>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = wb.addWorksheet("专利 Patents");
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      let n = 0;
      for (const r of rows) {
        sheet.addRow(EXPORT_COLUMNS.map((c) => safeCell(c.cell(r)))).commit();
        // Yield to the event loop now and then so the response keeps flowing while we produce rows.
        if (++n % 1000 === 0) await new Promise((res) => setImmediate(res));
      }
      sheet.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}
