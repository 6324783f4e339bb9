import { pipeline, Readable } from "node:stream";
import zlib from "node:zlib";
import { AppError } from "@zhichan/core";
import type { WorkbookLimits } from "./workbook-limits.js";
import { entryDataRange, type ZipEntry, ZipFormatError } from "./zip-directory.js";

/**
 * What one workbook read has spent so far, against its limits. Every part read for the same workbook shares one
 * budget, so the total and the wall time cover the whole read.
 */
export class ReadBudget {
  private totalBytes = 0;
  private readonly deadline: number;

  constructor(readonly limits: WorkbookLimits) {
    this.deadline = Date.now() + limits.maxMillis;
  }

  /** Counts inflated bytes of one part; throws (and so stops the read) past either byte bound. */
  addBytes(part: string, partBytes: number, chunk: number): void {
    this.totalBytes += chunk;
    if (partBytes > this.limits.maxEntryBytes)
      throw tooLarge(
        `${part} 解压后超过 ${mb(this.limits.maxEntryBytes)}`,
        `${part} inflates past ${mb(this.limits.maxEntryBytes)}`,
      );
    if (this.totalBytes > this.limits.maxTotalBytes)
      throw tooLarge(
        `解压后总计超过 ${mb(this.limits.maxTotalBytes)}`,
        `inflates past ${mb(this.limits.maxTotalBytes)} in total`,
      );
  }

  checkTime(): void {
    if (Date.now() > this.deadline) {
      const s = Math.round(this.limits.maxMillis / 1000);
      throw tooLarge(`读取超过 ${s} 秒，已停止`, `reading took over ${s} s and was stopped`);
    }
  }
}

/** A bound was passed: 413 with what was too large, in the modules' "中文 · English" style. */
export function tooLarge(zh: string, en: string): AppError {
  return new AppError("TOO_LARGE", `工作簿过大：${zh} · workbook too large: ${en}`);
}

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

/** 1,000,000 rather than 1000000 in messages. */
export const count = (n: number) => n.toLocaleString("en-US");

/** Compressed bytes are handed to the inflater this many at a time, so at most ~this × 1032 inflated bytes wait. */
const SLICE = 8 * 1024;

function* slices(b: Uint8Array, start: number, end: number): Generator<Uint8Array> {
  for (let p = start; p < end; p += SLICE) yield b.subarray(p, Math.min(end, p + SLICE));
}

/**
 * The inflated bytes of one entry, chunk by chunk. The count is checked on every chunk, and when a bound is passed
 * (or the consumer stops) the inflater and its source are destroyed, so nothing goes on inflating in the background.
 * The declared size is checked first, but never trusted: the bytes are counted as they come.
 */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget): AsyncGenerator<Buffer> {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name}: unknown compression`);
  budget.addBytes(entry.name, entry.uncompressedSize, 0);
  const { start, end } = entryDataRange(bytes, entry);
  const source = Readable.from(slices(bytes, start, end), { objectMode: false, highWaterMark: SLICE });
  const inflater = entry.method === 8 ? zlib.createInflateRaw({ chunkSize: 64 * 1024 }) : null;
  const out: Readable = inflater ?? source;
  if (inflater) pipeline(source, inflater, () => {}); // errors surface through the iteration below
  let n = 0;
  let crc = 0;
  try {
    for await (const chunk of out as AsyncIterable<Buffer>) {
      n += chunk.length;
      budget.addBytes(entry.name, n, chunk.length);
      budget.checkTime();
      crc = zlib.crc32(chunk, crc);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new ZipFormatError(`${entry.name}: ${(e as Error).message}`);
  } finally {
    source.destroy();
    inflater?.destroy();
  }
  if (n !== entry.uncompressedSize || crc >>> 0 !== entry.crc32) throw new ZipFormatError(`${entry.name} is corrupt`);
}

/**
 * Entries declaring at most this many inflated bytes are inflated in one synchronous call (inflateSmallEntry): a
 * CNIPA delivery holds 100k documents of a few KB, and a stream per entry (its 64 KB output buffer, the pipeline
 * and its abort signal) cost several times the inflating itself and most of the import's garbage collection.
 */
export const SMALL_ENTRY_BYTES = 1024 * 1024;

/**
 * The inflated bytes of an entry that declares at most SMALL_ENTRY_BYTES, in one call. Bounded like inflateEntry: the
 * inflater stops at the declared size (so it never makes more than 1 MB — past it the entry is a bomb that lies), the
 * budget counts the bytes, and size and CRC must be what the directory says.
 */
export function inflateSmallEntry(bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget): Buffer {
  if (entry.uncompressedSize > SMALL_ENTRY_BYTES) throw new RangeError(`${entry.name} is not a small entry`);
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name}: unknown compression`);
  budget.addBytes(entry.name, entry.uncompressedSize, 0);
  const { start, end } = entryDataRange(bytes, entry);
  const data = bytes.subarray(start, end);
  let out: Buffer;
  try {
    out =
      entry.method === 0
        ? Buffer.from(data)
        : zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZipFormatError(`${entry.name}: inflates past its declared size`);
    throw new ZipFormatError(`${entry.name}: ${(e as Error).message}`);
  }
  budget.addBytes(entry.name, out.length, out.length);
  budget.checkTime();
  if (out.length > entry.uncompressedSize) throw new ZipFormatError(`${entry.name}: inflates past its declared size`);
  if (out.length !== entry.uncompressedSize || zlib.crc32(out) >>> 0 !== entry.crc32)
    throw new ZipFormatError(`${entry.name} is corrupt`);
  return out;
}

/**
 * The entry's text, decoded as UTF-8 by one streaming decoder: a character split between two chunks is kept until
 * its last byte arrives (exceljs' streaming reader decoded each chunk alone and turned such characters into U+FFFD).
 */
export async function* entryText(bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of inflateEntry(bytes, entry, budget)) {
    const s = decoder.decode(chunk, { stream: true });
    if (s) yield s;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
