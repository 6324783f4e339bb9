import { AppError } from "@zhichan/core";
import { ZipFormatError } from "../../../uploads/zip-directory.js";
import type { DetectedFile } from "../file-detection.js";
import type { CanonicalField } from "../mapping/canonical-fields.js";
import type { ColumnMapping } from "../mapping/column-mapping.js";
import { classifyXml, type PrsRecord, patentValues, XML_EXTRA, XML_FIELDS } from "./cnipa-xml.js";
import type { Cell } from "./table.js";
import { parseXmlTree } from "./xml-tree.js";

/** What the XML files of one import hold: patent documents as rows of the fixed layout, and PRS records. */
export interface XmlCollection {
  /** One row per patent document, cells in XML_COLUMNS order; `name` is the file (or ZIP entry) it came from. */
  patents: Array<{ name: string; cells: Cell[] }>;
  prs: Array<{ name: string; record: PrsRecord }>;
}

export const emptyXmlCollection = (): XmlCollection => ({ patents: [], prs: [] });

/** The fixed 'CNIPA XML' columns: canonical fields by their own names, then the extra values under their headers. */
export const XML_COLUMNS: ReadonlyArray<string> = [...XML_FIELDS, ...XML_EXTRA];

/** The column mapping of the fixed layout: no header detection, every canonical column maps to itself. */
export function xmlMapping(): ColumnMapping {
  const fields = XML_COLUMNS.map((c) => ((XML_FIELDS as readonly string[]).includes(c) ? (c as CanonicalField) : null));
  return { headers: [...XML_COLUMNS], fields };
}

export function xmlDetected(documents: number): DetectedFile {
  return {
    layout: "cnipa",
    layoutEvidence: [`CNIPA XML V2.2.1 PatentDocumentAndRelated × ${documents}`],
    encoding: "xml",
    delimiter: null,
    headerRow: 0,
    columns: XML_COLUMNS.map((header, i) => ({ header, field: xmlMapping().fields[i] })),
    unused: ["Description 说明书 (full text, not stored)"],
    replacedBytes: 0,
  };
}

/** XML files are UTF-8 here (CNIPA's are); a BOM is dropped. */
export function decodeXml(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-8").decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A malformed or refused XML file: 400 naming the file, and what the parser said (the element unclosed or mismatched, the entity undefined, …). */
function unreadable(name: string, e: unknown): AppError {
  const detail = (e as Error).message.replace(`${name}: `, "");
  return new AppError(
    "BAD_REQUEST",
    `${name}：不是可读的 CNIPA XML（${detail}）· ${name}: not a readable CNIPA XML file (${detail})`,
  );
}

/**
 * Reads one XML file's text into the collection. Refuses (AppError 400, nothing imported) a file that is malformed or
 * cut off (the parser names the unclosed element), declares entities, or is neither a patent document nor PRS records.
 */
export async function collectXml(name: string, text: string, maxTokenChars: number, into: XmlCollection) {
  let root: Awaited<ReturnType<typeof parseXmlTree>>;
  try {
    root = await parseXmlTree(text, name, maxTokenChars);
  } catch (e) {
    if (e instanceof ZipFormatError) throw unreadable(name, e);
    throw e; // a bound (TOO_LARGE) or the depth refusal, already worded
  }
  const found = classifyXml(root);
  if (found.patent) {
    const values = patentValues(found.patent) as Record<string, string | undefined>;
    into.patents.push({ name, cells: XML_COLUMNS.map((c) => values[c] || null) });
  } else if (found.prs) {
    for (const record of found.prs) into.prs.push({ name, record });
  } else {
    throw unreadable(
      name,
      new Error(`root <${found.rootName || "none"}> is neither PatentDocumentAndRelated nor PRSRecord`),
    );
  }
}
