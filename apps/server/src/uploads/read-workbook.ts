import { AppError } from "@zhichan/core";
import { ReadBudget } from "./bounded-entry.js";
import { withReadSlot } from "./read-gate.js";
import { WORKBOOK_LIMITS, type WorkbookLimits } from "./workbook-limits.js";
import { dateStyles, partsOf, workbookLayout } from "./xlsx-parts.js";
import { readSharedStrings } from "./xlsx-shared-strings.js";
import { readSheet, type WorkbookCell } from "./xlsx-sheet.js";
import { readZipDirectory, ZipFormatError } from "./zip-directory.js";

export type { WorkbookCell } from "./xlsx-sheet.js";
export { ZipFormatError as UnreadableWorkbookError } from "./zip-directory.js";

/**
 * The first worksheet of an XLSX workbook, the one reader of every Excel upload and import. Every part is inflated
 * and parsed as a stream under one budget (`WORKBOOK_LIMITS`): past a bound it throws AppError TOO_LARGE and
 * stops — inflation halted, streams destroyed, nothing kept. A file that is not a readable workbook (not a ZIP, no
 * workbook part, malformed XML, a corrupt entry) throws UnreadableWorkbookError, for the caller to word. Reads take
 * turns (read-gate.ts), so the bounds hold for the process, not just for one read.
 */
export function readWorkbook(
  bytes: Uint8Array,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<{ rows: WorkbookCell[][] }> {
  return withReadSlot(() => readFirstSheet(bytes, limits));
}

/** What the upload forms say of a file that is not a readable workbook (in both languages, as their messages are). */
export const UNREADABLE_WORKBOOK = "无法读取文件：请上传 .xlsx 工作簿 · not a readable .xlsx workbook";

/**
 * The upload forms' read (registry, survey answers, pledge register): the first sheet's rows, or null when the file
 * is not a readable workbook, for the form to report as UNREADABLE_WORKBOOK. A bound passed still throws TOO_LARGE.
 */
export async function readUploadedRows(bytes: Uint8Array): Promise<WorkbookCell[][] | null> {
  try {
    return (await readWorkbook(bytes)).rows;
  } catch (e) {
    if (e instanceof ZipFormatError) return null;
    throw e;
  }
}

async function readFirstSheet(bytes: Uint8Array, limits: WorkbookLimits): Promise<{ rows: WorkbookCell[][] }> {
  const budget = new ReadBudget(limits);
  try {
    const parts = partsOf(readZipDirectory(bytes));
    const layout = await workbookLayout(bytes, parts, budget);
    const dates = await dateStyles(bytes, layout.styles, budget);
    const sharedStrings = await readSharedStrings(bytes, layout.sharedStrings, budget);
    const rows = await readSheet(bytes, layout.firstSheet, budget, {
      sharedStrings,
      dateStyles: dates,
      date1904: layout.date1904,
    });
    return { rows };
  } catch (e) {
    if (e instanceof AppError || e instanceof ZipFormatError) throw e;
    throw new ZipFormatError((e as Error).message); // e.g. a RangeError from a field pointing outside the file
  }
}
