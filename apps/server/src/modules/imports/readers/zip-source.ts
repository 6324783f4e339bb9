import { AppError } from "@zhichan/core";
import { inflateEntry, inflateSmallEntry, ReadBudget, SMALL_ENTRY_BYTES } from "../../../uploads/bounded-entry.js";
import { readWorkbook } from "../../../uploads/read-workbook.js";
import { IMPORT_FILE_LIMITS, type WorkbookLimits } from "../../../uploads/workbook-limits.js";
import {
  readZipDirectory,
  type ZipEntry,
  ZipFormatError,
  ZipTooManyEntriesError,
} from "../../../uploads/zip-directory.js";
import { prepareFile } from "../file-detection.js";
import type { MappingOverride } from "../mapping/column-mapping.js";
import { readCsv } from "./csv-reader.js";
import type { RawTable } from "./table.js";
import { collectXml, decodeXml, emptyXmlCollection, type XmlCollection } from "./xml-source.js";

/** The workbook bounds plus the entries of a ZIP delivery, counted over the outer ZIP and every ZIP inside it. */
export interface ImportLimits extends WorkbookLimits {
  maxZipEntries: number;
}

/**
 * CNIPA's weekly deliveries are outer ZIPs of inner ZIP volumes (~2,000 patents each, one folder per patent: XML and
 * figures), so one level of nesting is opened. 300,000 entries cover a delivery of 100k patents with their figures
 * and folders; each entry costs one directory record, read before anything is inflated.
 */
export const IMPORT_SOURCE_LIMITS: ImportLimits = { ...IMPORT_FILE_LIMITS, maxZipEntries: 300_000 };

/** A table read from a ZIP (or a volume inside it), named `delivery.zip/vol1.zip/a.csv`. */
export interface ZipTable {
  name: string;
  prepared: ReturnType<typeof prepareFile>;
}

const TABLE_ENTRY = /\.(csv|tsv|txt|xlsx)$/i;
const XML_ENTRY = /\.xml$/i;
const ZIP_ENTRY = /\.zip$/i;

/** What the ZIP and its volumes have spent so far: entries and declared sizes (the budget counts inflated bytes). */
class NestedBudget {
  entries = 0;
  declared = 0;
  readonly inflated: ReadBudget;

  constructor(
    readonly label: string,
    readonly limits: ImportLimits,
  ) {
    this.inflated = new ReadBudget(limits);
  }

  /** Counts a directory's entries and what its wanted entries declare, before any of them is inflated. */
  addDirectory(where: string, all: ZipEntry[], wanted: ZipEntry[]): void {
    this.entries += all.length;
    if (this.entries > this.limits.maxZipEntries) throw tooManyEntries(this.label, where, this.entries, this.limits);
    this.declared += wanted.reduce((s, e) => s + e.uncompressedSize, 0);
    if (this.declared > this.limits.maxTotalBytes)
      throw zipTooLarge(this.label, `declares ${mb(this.declared)} inflated, over ${mb(this.limits.maxTotalBytes)}`);
  }

  /** Entries a volume may still declare: what is left of the bound (its directory is refused before it is walked). */
  entriesLeft(): number {
    return Math.max(0, this.limits.maxZipEntries - this.entries);
  }
}

/** What one directory holds that an import reads. Folders, macOS metadata, pictures and the rest are skipped. */
function sortEntries(all: ZipEntry[]) {
  const wanted = all.filter((e) => !e.name.endsWith("/") && !e.name.startsWith("__MACOSX/"));
  return {
    xml: wanted.filter((e) => XML_ENTRY.test(e.name)),
    tables: wanted.filter((e) => TABLE_ENTRY.test(e.name)),
    volumes: wanted.filter((e) => ZIP_ENTRY.test(e.name)),
  };
}

/**
 * Reads a vendor ZIP (not a workbook) whose directory `all` was read: its XML documents and tables, and those of the
 * ZIP volumes inside it, one level deep. One budget covers both levels: the entries of every directory, the sizes
 * its entries declare (checked before any of them is inflated), and the bytes really inflated — a volume's own bytes
 * and its entries' (an entry inflating past what it declared is stopped there). A ZIP inside a volume is refused.
 */
export async function readZip(
  label: string,
  bytes: Uint8Array,
  all: ZipEntry[],
  override: MappingOverride | undefined,
  limits: ImportLimits,
): Promise<{ tables: ZipTable[]; xml: XmlCollection }> {
  const budget = new NestedBudget(label, limits);
  const top = sortEntries(all);
  budget.addDirectory(label, all, [...top.xml, ...top.tables, ...top.volumes]);
  if (top.xml.length + top.tables.length + top.volumes.length === 0)
    throw new AppError(
      "BAD_REQUEST",
      `${label}：ZIP 中没有 XML、CSV、XLSX 或 ZIP 文件 · ${label}: the ZIP holds no XML, CSV, XLSX or ZIP file`,
    );
  const out = { tables: [] as ZipTable[], xml: emptyXmlCollection() };
  try {
    await readEntries(`${label}/`, bytes, top, override, budget, out);
    for (const v of top.volumes) {
      const prefix = `${label}/${v.name}`;
      const volume = await inflated(bytes, v, budget.inflated);
      const inner = volumeDirectory(v.name, volume, budget);
      const found = sortEntries(inner);
      const deeper = found.volumes[0];
      if (deeper)
        throw new AppError(
          "BAD_REQUEST",
          `${prefix}/${deeper.name}：ZIP 只展开一层，卷内的 ZIP 不再打开，请先解开外层 · ${prefix}/${deeper.name}: a ZIP inside a ZIP volume is not opened (one level of nesting only): unpack the outer ZIP first`,
        );
      budget.addDirectory(prefix, inner, [...found.xml, ...found.tables]);
      await readEntries(`${prefix}/`, volume, found, override, budget, out);
    }
    return out;
  } catch (e) {
    if (e instanceof AppError) throw zipWorded(label, e);
    if (e instanceof ZipFormatError)
      throw new AppError(
        "BAD_REQUEST",
        `${label}：ZIP 条目不可读（${e.message}）· ${label}: unreadable ZIP entry (${e.message})`,
      );
    throw e;
  }
}

/** A volume's directory, refused before it is walked when it declares more entries than the bound leaves. */
function volumeDirectory(name: string, volume: Uint8Array, budget: NestedBudget): ZipEntry[] {
  try {
    return readZipDirectory(volume, budget.entriesLeft());
  } catch (e) {
    if (!(e instanceof ZipTooManyEntriesError)) throw new ZipFormatError(`${name}: ${(e as Error).message}`);
    throw tooManyEntries(budget.label, name, budget.entries + e.count, budget.limits);
  }
}

async function readEntries(
  prefix: string,
  bytes: Uint8Array,
  found: ReturnType<typeof sortEntries>,
  override: MappingOverride | undefined,
  budget: NestedBudget,
  out: { tables: ZipTable[]; xml: XmlCollection },
): Promise<void> {
  const { limits } = budget;
  for (const e of found.xml) {
    const text = decodeXml(await inflated(bytes, e, budget.inflated));
    await collectXml(prefix + e.name, text, limits.maxTokenChars, out.xml);
  }
  for (const e of found.tables) {
    const inner = await inflated(bytes, e, budget.inflated);
    const table: RawTable = /\.xlsx$/i.test(e.name)
      ? { rows: (await readWorkbook(inner, limits)).rows, encoding: "xlsx" }
      : readCsv(inner);
    out.tables.push({ name: prefix + e.name, prepared: prepareFile(prefix + e.name, table, override) });
  }
}

/**
 * An entry's inflated bytes (kept whole: the readers take a file's bytes). The budget bounds every entry and the
 * total; an entry inflating past the size it declared is a bomb that lies, stopped there rather than at the bound.
 * Small entries (a patent document: a few KB) are inflated in one bounded call, larger ones (volumes, tables) as a
 * stream.
 */
async function inflated(bytes: Uint8Array, e: ZipEntry, budget: ReadBudget): Promise<Buffer> {
  if (e.uncompressedSize <= SMALL_ENTRY_BYTES) return inflateSmallEntry(bytes, e, budget);
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of inflateEntry(bytes, e, budget)) {
    n += chunk.length;
    if (n > e.uncompressedSize) throw new ZipFormatError(`${e.name}: inflates past its declared size`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const mb = (n: number) => (n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.round(n / 1024)} KB`);

export function tooManyEntries(label: string, where: string, entries: number, limits: ImportLimits): AppError {
  const max = limits.maxZipEntries;
  return new AppError(
    "TOO_LARGE",
    `${label}：ZIP 及其内层 ZIP 共有 ${entries} 个条目，超过 ${max} · ${label}: too many ZIP entries (${where} brings them to ${entries}, over ${max} across the ZIP and the ZIPs inside it)`,
  );
}

function zipTooLarge(label: string, en: string): AppError {
  return new AppError("TOO_LARGE", `${label}：ZIP 解压后过大（${en}）· ${label}: ZIP too large (${en})`);
}

/** The shared byte bounds word themselves for workbooks; inside a vendor ZIP they are the ZIP's. */
function zipWorded(label: string, e: AppError): AppError {
  if (e.code !== "TOO_LARGE" || !e.message.startsWith("工作簿过大")) return e;
  const en = e.message.split("workbook too large: ")[1] ?? e.message;
  return zipTooLarge(label, en);
}
