import { entryDataRange, readZipDirectory, type ZipEntry } from "./zip-directory.js";

/** The part that makes an OOXML package a Word document or a workbook. */
const MAIN_PART = { docx: "word/document.xml", xlsx: "xl/workbook.xml" } as const;

/**
 * Whether the bytes are a Word document or an Excel workbook: a well-formed ZIP whose central directory lists
 * [Content_Types].xml and the main part (word/document.xml, xl/workbook.xml), both stored or deflated, not
 * encrypted, and inside the file. Only the directory is read — nothing is inflated — so a bomb costs nothing here.
 * A file that merely contains the name "word/document.xml" somewhere is not a DOCX.
 */
export function ooxmlKind(bytes: Uint8Array): "docx" | "xlsx" | null {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch {
    return null;
  }
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const usable = (name: string) => {
    const e = byName.get(name);
    if (!e || e.flags & 1 || (e.method !== 0 && e.method !== 8)) return false;
    try {
      entryDataRange(bytes, e);
      return true;
    } catch {
      return false;
    }
  };
  if (!usable("[content_types].xml")) return null;
  if (usable(MAIN_PART.docx)) return "docx";
  if (usable(MAIN_PART.xlsx)) return "xlsx";
  return null;
}
