import { readCsv } from "./csv-reader.js";
import { innerName, readFileBytes } from "./file-bytes.js";
import type { RawTable } from "./table.js";
import { readXlsx } from "./xlsx-reader.js";

/** Reads a .csv/.txt/.xlsx file (each optionally gzipped); XLSX is recognised by name or by its zip signature. */
export async function readTable(file: string): Promise<RawTable> {
  const bytes = readFileBytes(file);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(innerName(file)) || isZip) return readXlsx(bytes);
  return readCsv(bytes);
}
