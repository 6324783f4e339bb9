import type { ReadBudget } from "./bounded-entry.js";
import { parseXmlEntry } from "./bounded-xml.js";
import { type ZipEntry, ZipFormatError } from "./zip-directory.js";

/** A workbook's entries by part name (lower case: OOXML part names are case-insensitive, writers differ). */
export type Parts = Map<string, ZipEntry>;

export function partsOf(entries: ZipEntry[]): Parts {
  return new Map(entries.map((e) => [e.name.replace(/^\/+/, "").toLowerCase(), e]));
}

interface Relationship {
  type: string;
  target: string;
}

/** The relationships of a part (`dir/_rels/name.rels`), targets resolved to part names. */
async function relationships(bytes: Uint8Array, parts: Parts, part: string, budget: ReadBudget) {
  const slash = part.lastIndexOf("/");
  const dir = part.slice(0, slash + 1);
  const entry = parts.get(`${dir}_rels/${part.slice(slash + 1)}.rels`.toLowerCase());
  const rels = new Map<string, Relationship>();
  if (!entry) return rels;
  await parseXmlEntry(bytes, entry, budget, {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
      rels.set(a.Id, { type: a.Type ?? "", target: resolve(dir, a.Target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

function resolve(dir: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

const byType = (rels: Map<string, Relationship>, suffix: string) =>
  [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

export interface WorkbookLayout {
  firstSheet: ZipEntry;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
  /** Dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  date1904: boolean;
}

/** Finds the first worksheet, shared strings and styles through the package and workbook relationships. */
export async function workbookLayout(bytes: Uint8Array, parts: Parts, budget: ReadBudget): Promise<WorkbookLayout> {
  const root = await relationships(bytes, parts, "", budget);
  const workbookName = byType(root, "/officeDocument") ?? "xl/workbook.xml";
  const workbook = parts.get(workbookName.toLowerCase());
  if (!workbook) throw new ZipFormatError("no workbook part");
  let firstSheetId: string | null = null;
  let date1904 = false;
  await parseXmlEntry(bytes, workbook, budget, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name === "sheet" && firstSheetId === null)
        firstSheetId = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? null;
    },
    close() {},
    text() {},
  });
  const rels = await relationships(bytes, parts, workbookName, budget);
  const sheetName = firstSheetId ? rels.get(firstSheetId)?.target : undefined;
  const firstSheet = sheetName ? parts.get(sheetName.toLowerCase()) : undefined;
  if (!firstSheet) throw new ZipFormatError("no first worksheet");
  const part = (suffix: string) => parts.get(byType(rels, suffix)?.toLowerCase() ?? "") ?? null;
  return { firstSheet, sharedStrings: part("/sharedStrings"), styles: part("/styles"), date1904 };
}

/** Built-in number formats that show dates or times (14–22, 45–47; 27–36 and 50–58 are dates in CJK locales). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A custom format shows a date when, outside quotes, escapes and [colour/locale] brackets, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The indexes of the cell styles (cellXfs) whose number format is a date: their numeric cells are dates. */
export async function dateStyles(bytes: Uint8Array, styles: ZipEntry | null, budget: ReadBudget): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!styles) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  await parseXmlEntry(bytes, styles, budget, {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(xf);
        xf++;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return dates;
}
