import fs from "node:fs";
import zlib from "node:zlib";

/** The file's bytes, gunzipped when it is gzip (by magic number, so 'x.csv.gz' and a renamed file both work). */
export function readFileBytes(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
}

/** The file name without a trailing .gz, to decide the format by what is inside. */
export function innerName(file: string): string {
  return file.replace(/\.gz$/i, "");
}
