import { count, type ReadBudget, tooLarge } from "./bounded-entry.js";
import { parseXmlEntry } from "./bounded-xml.js";
import { type ZipEntry, ZipFormatError } from "./zip-directory.js";

/** A cell as the readers give it: text, a number, a date (a date-styled number) or nothing. */
export type WorkbookCell = string | number | Date | null;

export interface SheetContext {
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

/** Excel's own sheet width: a cell reference past column XFD is not from a real workbook. */
const MAX_COLUMNS = 16_384;

/** "AB12" → 27 (0-based column). */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

/** Day serial → Date, as exceljs did (day 25569 is 1970-01-01; 24107 in the 1904 system). */
const serialToDate = (n: number, date1904: boolean) =>
  new Date(Math.round((n - (date1904 ? 24107 : 25569)) * 86_400_000));

function cellValue(type: string, style: number, text: string, hasValue: boolean, ctx: SheetContext): WorkbookCell {
  if (!hasValue) return null;
  switch (type) {
    case "s":
      return ctx.sharedStrings[Number.parseInt(text, 10)] ?? null;
    case "str":
    case "inlineStr":
      return text;
    case "b":
      return text.trim() === "1" || text.trim() === "true" ? "true" : "false";
    case "e":
      return null;
    case "d": {
      const d = new Date(text);
      return Number.isNaN(d.getTime()) ? text : d;
    }
    default: {
      if (text.trim() === "") return null;
      const n = Number(text);
      if (Number.isNaN(n)) return text;
      return ctx.dateStyles.has(style) ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

/**
 * The rows of a worksheet (row n at index n−1; cells by column, null where empty). Formulas are never evaluated: a
 * formula cell gives the value Excel cached with it. Rows, the highest row number and the cells the rows span are
 * bounded, so a sheet claiming row 1,000,000 or column XFD everywhere cannot make large arrays.
 */
export async function readSheet(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ReadBudget,
  ctx: SheetContext,
): Promise<WorkbookCell[][]> {
  const { maxRows, maxCells } = budget.limits;
  const rows: WorkbookCell[][] = [];
  let cells = 0;
  let rowNumber = 0;
  let row: WorkbookCell[] | null = null;
  let col = -1;
  let type = "n";
  let style = 0;
  let text = ""; // a cell's text comes in one piece nearly always: += keeps that piece, no array per cell
  let hasValue = false;
  let collecting = false; // inside <v>, or a <t> of an inline string
  let inInline = false;
  let phonetic = 0;
  await parseXmlEntry(bytes, entry, budget, {
    wantsAttributes: (name) => name === "c" || name === "row",
    open(name, a) {
      if (name === "row") {
        rowNumber = a.r ? Number.parseInt(a.r, 10) : rowNumber + 1;
        if (!(rowNumber >= 1)) throw new ZipFormatError(`bad row number ${a.r}`);
        if (rowNumber > maxRows) throw tooLarge(`超过 ${count(maxRows)} 行`, `over ${count(maxRows)} rows`);
        row = [];
        col = -1;
      } else if (name === "c") {
        col = a.r ? columnOf(a.r) : col + 1;
        if (col < 0 || col >= MAX_COLUMNS) throw new ZipFormatError(`bad cell reference ${a.r}`);
        type = a.t ?? "n";
        style = Number(a.s ?? 0);
        text = "";
        hasValue = false;
      } else if (name === "v") {
        collecting = true;
        hasValue = true;
      } else if (name === "is") {
        inInline = true;
        hasValue = true;
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inInline && phonetic === 0) collecting = true;
    },
    close(name) {
      if (name === "v" || name === "t") collecting = false;
      else if (name === "is") inInline = false;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && row) {
        const value = cellValue(type, style, text, hasValue, ctx);
        if (value === null) return;
        if (col >= row.length) {
          cells += col + 1 - row.length;
          if (cells > maxCells) throw tooLarge(`超过 ${count(maxCells)} 个单元格`, `over ${count(maxCells)} cells`);
          while (row.length < col) row.push(null);
          row.push(value);
        } else row[col] = value;
      } else if (name === "row" && row) {
        rows[rowNumber - 1] = row;
        row = null;
      }
    },
    text(t) {
      if (collecting) text += t;
    },
  });
  return Array.from(rows, (r) => r ?? []);
}
