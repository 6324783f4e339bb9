import { AppError } from "@zhichan/core";
import {
  readZipDirectory,
  type ZipEntry,
  ZipFormatError,
  ZipTooManyEntriesError,
} from "../../../uploads/zip-directory.js";
import { type DetectedFile, type PreparedFile, prepareFile } from "../file-detection.js";
import { type IssuePlace, placeText } from "../import-issues.js";
import type { MappingOverride } from "../mapping/column-mapping.js";
import type { PrsRecord } from "./cnipa-xml.js";
import { readFileBytes } from "./file-bytes.js";
import { readTable } from "./read-table.js";
import type { Cell } from "./table.js";
import {
  collectXml,
  decodeXml,
  emptyXmlCollection,
  type XmlCollection,
  xmlDetected,
  xmlMapping,
} from "./xml-source.js";
import { IMPORT_SOURCE_LIMITS, type ImportLimits, readZip, tooManyEntries, type ZipTable } from "./zip-source.js";

/** One part of an import: a table (or the XML patent documents) to map row by row, or PRS legal-status records. */
export interface SourcePart {
  /** The file, or the ZIP entry ('delivery.zip/a.csv'); 'delivery.zip/*.xml' for the XML documents of a ZIP. */
  name: string;
  kind: "patents" | "legal_status";
  prepared: PreparedFile;
  /** legal_status parts: the record of each data row, by index. */
  prs?: PrsRecord[];
  /** The file each data row came from, by index, where it differs from `name` (XML documents of a ZIP). */
  rowFiles?: string[];
}

export interface ImportSource {
  encoding: string;
  /** The first part's detection, with every part listed under `entries` when there are several. */
  detected: DetectedFile;
  parts: SourcePart[];
  /** Every part is CNIPA XML: official data (outranks vendor exports for bibliographic fields) unless told otherwise. */
  official: boolean;
}

/** A data row of any part, numbered for the run: parts after the first continue the count (row numbers are a key). */
export interface SourceRow<C> {
  cells: Cell[];
  rowNumber: number;
  index: number;
  part: SourcePart;
  ctx: C;
  /** '' for a one-part file; else which file and row of the ZIP, to begin each issue's reason (English). */
  where: string;
  /** The same as data (null for a one-part file), so the reason can be said in any language. */
  place: IssuePlace | null;
}

export function sourceRows<C>(src: ImportSource, contextOf: (part: SourcePart) => C): Array<SourceRow<C>> {
  const many = src.parts.length > 1;
  const rows: Array<SourceRow<C>> = [];
  for (const part of src.parts) {
    const ctx = contextOf(part);
    part.prepared.dataRows.forEach((r, index) => {
      const file = part.rowFiles?.[index];
      const place = file ? { file, row: null } : many ? { file: part.name, row: r.rowNumber } : null;
      const where = placeText(place);
      rows.push({ cells: r.cells, rowNumber: many ? rows.length + 1 : r.rowNumber, index, part, ctx, where, place });
    });
  }
  return rows;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
const isXmlText = (b: Uint8Array) => /^(\uFEFF)?\s*<[?!A-Za-z]/.test(Buffer.from(b.subarray(0, 64)).toString("utf8"));

/**
 * Reads an import file whole, before anything is written: CSV/XLSX as before (readTable), a CNIPA XML file, or a
 * vendor ZIP of XML/CSV/XLSX files and ZIP volumes one level deep (zip-source.ts): entries, each entry's declared
 * and actual inflated size and the total are bounded across both levels, and a bomb stops the read with TOO_LARGE.
 * Pictures and other entries are skipped. Any refused part refuses the whole file. `raw`: the file's bytes when the
 * caller has read them already (so the file is read once).
 */
export async function readImportSource(
  file: string,
  label: string,
  override?: MappingOverride,
  limits: ImportLimits = IMPORT_SOURCE_LIMITS,
  raw?: Buffer,
): Promise<ImportSource> {
  const bytes = readFileBytes(file, undefined, raw);
  if (isZip(bytes)) {
    const entries = zipEntries(label, bytes, limits);
    if (!entries.some((e) => /^xl\/workbook\.xml$/i.test(e.name))) {
      const { tables, xml } = await readZip(label, bytes, entries, override, limits);
      return assemble(label, tables.map(tablePart), xml);
    }
  } else if (/\.xml(\.gz)?$/i.test(file) || isXmlText(bytes)) {
    const xml = emptyXmlCollection();
    await collectXml(label, decodeXml(bytes), limits.maxTokenChars, xml);
    return assemble(label, [], xml);
  }
  const table = await readTable(file, bytes);
  return single({ name: label, kind: "patents", prepared: prepareFile(label, table, override) }, table.encoding);
}

const tablePart = (t: ZipTable): SourcePart => ({ name: t.name, kind: "patents", prepared: t.prepared });

function zipEntries(label: string, bytes: Uint8Array, limits: ImportLimits): ZipEntry[] {
  try {
    return readZipDirectory(bytes, limits.maxZipEntries);
  } catch (e) {
    if (e instanceof ZipTooManyEntriesError) throw tooManyEntries(label, label, e.count, limits);
    if (!(e instanceof ZipFormatError)) throw e;
    throw new AppError(
      "BAD_REQUEST",
      `${label}：不是可读的 ZIP（${e.message}）· ${label}: not a readable ZIP (${e.message})`,
    );
  }
}

/** The parts of an import: the XML patent documents as one part of the fixed layout, PRS records, then tables. */
function assemble(label: string, tables: SourcePart[], xml: XmlCollection): ImportSource {
  const parts: SourcePart[] = [];
  if (xml.patents.length) parts.push(xmlPatentPart(label, xml));
  if (xml.prs.length) parts.push(prsPart(label, xml));
  parts.push(...tables);
  if (parts.length === 0)
    throw new AppError("BAD_REQUEST", `${label}：没有可导入的记录 · ${label}: no records to import`);
  const official = tables.length === 0;
  if (parts.length === 1) return { ...single(parts[0], parts[0].prepared.detected.encoding), official };
  const detected: DetectedFile = {
    ...parts[0].prepared.detected,
    entries: parts.map((p) => ({
      name: p.name,
      kind: p.kind,
      rows: p.prepared.dataRows.length,
      detected: p.prepared.detected,
    })),
  };
  return { encoding: "zip", detected, parts, official };
}

function single(part: SourcePart, encoding: string): ImportSource {
  return { encoding, detected: part.prepared.detected, parts: [part], official: false };
}

function xmlPatentPart(label: string, xml: XmlCollection): SourcePart {
  const name = xml.patents.length === 1 ? xml.patents[0].name : `${label}/*.xml`;
  return {
    name,
    kind: "patents",
    rowFiles: xml.patents.length > 1 ? xml.patents.map((p) => p.name) : undefined,
    prepared: {
      detected: xmlDetected(xml.patents.length),
      mapping: xmlMapping(),
      headerOf: {},
      pipeSeparatesPeople: false,
      dataRows: xml.patents.map((p, i) => ({ cells: p.cells, rowNumber: i + 1 })),
    },
  };
}

const PRS_COLUMNS = ["申请号 ApplicationReference", "PRSCode", "PRSValue", "PRSInformation", "PRSPublicationDate"];

function prsPart(label: string, xml: XmlCollection): SourcePart {
  return {
    name: `${label} (PRS)`,
    kind: "legal_status",
    prs: xml.prs.map((p) => p.record),
    rowFiles: xml.prs.map((p) => p.name),
    prepared: {
      detected: {
        layout: "cnipa",
        layoutEvidence: [`CNIPA PRS legal-status records × ${xml.prs.length}`],
        encoding: "xml",
        delimiter: null,
        headerRow: 0,
        columns: PRS_COLUMNS.map((header) => ({ header, field: null })),
        unused: [],
        replacedBytes: 0,
      },
      mapping: { headers: PRS_COLUMNS, fields: PRS_COLUMNS.map(() => null) },
      headerOf: {},
      pipeSeparatesPeople: false,
      dataRows: xml.prs.map(({ record: r }, i) => ({
        cells: [r.appNo, r.code, r.value, r.information, r.date],
        rowNumber: i + 1,
      })),
    },
  };
}
