import fs from "node:fs";
import zlib from "node:zlib";
import { AppError } from "@zhichan/core";

/** Inflated size of a gzipped import file: past it, gunzip stops (it is a bomb, or not a file to import in one go). */
const MAX_GUNZIPPED_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * The file's bytes, gunzipped when it is gzip (by magic number, so 'x.csv.gz' and a renamed file both work). `raw`:
 * the file's bytes when the caller has already read them (the import hashes them first).
 */
export function readFileBytes(file: string, maxGunzipped = MAX_GUNZIPPED_BYTES, raw?: Buffer): Buffer {
  const bytes = raw ?? fs.readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxGunzipped });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ERR_BUFFER_TOO_LARGE") throw e;
    throw new AppError("TOO_LARGE", `${file}: inflates past ${maxGunzipped} bytes`);
  }
}

/** The file name without a trailing .gz, to decide the format by what is inside. */
export function innerName(file: string): string {
  return file.replace(/\.gz$/i, "");
}
