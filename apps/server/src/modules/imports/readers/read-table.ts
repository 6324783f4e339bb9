import { AppError } from "@zhichan/core";
import { readWorkbook, UnreadableWorkbookError } from "../../../uploads/read-workbook.js";
import { IMPORT_FILE_LIMITS } from "../../../uploads/workbook-limits.js";
import { readCsv } from "./csv-reader.js";
import { innerName, readFileBytes } from "./file-bytes.js";
import type { RawTable } from "./table.js";

/**
 * Reads a .csv/.txt/.xlsx file (each optionally gzipped); XLSX is recognised by name or by its zip signature and read
 * by the one bounded workbook reader (src/uploads/read-workbook.ts), like every Excel upload, with the larger bounds
 * of administrator-run imports. `fileBytes`: the file's bytes (gunzipped) when the caller has them already.
 */
export async function readTable(file: string, fileBytes?: Buffer): Promise<RawTable> {
  const bytes = fileBytes ?? readFileBytes(file);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!/\.xlsx$/i.test(innerName(file)) && !isZip) return readCsv(bytes);
  try {
    return { rows: (await readWorkbook(bytes, IMPORT_FILE_LIMITS)).rows, encoding: "xlsx" };
  } catch (e) {
    if (!(e instanceof UnreadableWorkbookError)) throw e; // a bound: AppError TOO_LARGE, already worded
    throw new AppError("BAD_REQUEST", `${file}: not a readable .xlsx workbook (${e.message})`);
  }
}
