import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Cell, RawTable } from "./table.js";

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return null;
  }
  return String(value);
}

/** The first worksheet of an XLSX workbook, read with exceljs' streaming reader (large exports stay flat in memory). */
export async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
  });
  const rows: Cell[][] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[]; // 1-based, sparse
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
      rows[row.number - 1] = cells;
    }
    break; // first sheet only
  }
  return { rows: Array.from(rows, (r) => r ?? []), encoding: "xlsx" };
}
