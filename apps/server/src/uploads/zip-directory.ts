/**
 * The central directory of a ZIP file, read from the bytes themselves (no inflation): where each entry is, how it is
 * compressed and how big it says it is. Used to detect OOXML files (DOCX/XLSX) by their parts and to find a
 * workbook's parts before anything is inflated. Sizes here are what the file CLAIMS; the entry reader counts the
 * bytes it actually inflates.
 *
 * This sits in src/uploads/ rather than in a module because both the imports readers and the cases attachment check
 * need it, and a module may reach another only through its service.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  method: number;
  /** bit 0: encrypted. */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

/** The directory declares more entries than the reader was allowed: a bound, not a broken file. */
export class ZipTooManyEntriesError extends ZipFormatError {
  constructor(
    readonly count: number,
    readonly max: number,
  ) {
    super(`too many entries (${count}, at most ${max})`);
  }
}

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes, so it is within this many bytes of the end. */
const EOCD_SEARCH = 22 + 0xffff;
/** No legitimate upload has more parts than this; a directory claiming more is refused before it is walked. */
const MAX_ENTRIES = 10_000;

/**
 * Every entry of the ZIP in `bytes`, or a ZipFormatError when it is not a well-formed ZIP. A directory declaring
 * more than `maxEntries` is refused before it is walked (patent imports pass their own bound, counted across nested
 * ZIPs).
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries = MAX_ENTRIES): ZipEntry[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 22 || b.readUInt32LE(0) !== LOCAL_SIG) throw new ZipFormatError("not a zip");
  const eocd = findEndRecord(b);
  let count = b.readUInt16LE(eocd + 10);
  let size = b.readUInt32LE(eocd + 12);
  let offset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const z64 = readZip64End(b, eocd);
    count = z64.count;
    size = z64.size;
    offset = z64.offset;
  }
  if (count > maxEntries) throw new ZipTooManyEntriesError(count, maxEntries);
  if (offset + size > b.length) throw new ZipFormatError("central directory outside the file");
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL_SIG) throw new ZipFormatError("broken central directory");
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > b.length) throw new ZipFormatError("broken central directory");
    const entry: ZipEntry = {
      name: b.toString("utf8", p + 46, p + 46 + nameLen),
      flags: b.readUInt16LE(p + 8),
      method: b.readUInt16LE(p + 10),
      crc32: b.readUInt32LE(p + 16),
      compressedSize: b.readUInt32LE(p + 20),
      uncompressedSize: b.readUInt32LE(p + 24),
      localHeaderOffset: b.readUInt32LE(p + 42),
    };
    applyZip64Extra(entry, b.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    if (entry.localHeaderOffset + 30 > b.length || b.readUInt32LE(entry.localHeaderOffset) !== LOCAL_SIG)
      throw new ZipFormatError(`entry ${entry.name} has no local header`);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Where an entry's compressed bytes start and end inside the file (after its local header). */
export function entryDataRange(bytes: Uint8Array, e: ZipEntry): { start: number; end: number } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start =
    e.localHeaderOffset + 30 + b.readUInt16LE(e.localHeaderOffset + 26) + b.readUInt16LE(e.localHeaderOffset + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw new ZipFormatError(`entry ${e.name} runs past the end of the file`);
  return { start, end };
}

function findEndRecord(b: Buffer): number {
  const lowest = Math.max(0, b.length - EOCD_SEARCH);
  for (let p = b.length - 22; p >= lowest; p--) {
    if (b.readUInt32LE(p) === EOCD_SIG && p + 22 + b.readUInt16LE(p + 20) === b.length) return p;
  }
  throw new ZipFormatError("no end of central directory");
}

function readZip64End(b: Buffer, eocd: number): { count: number; size: number; offset: number } {
  const loc = eocd - 20;
  if (loc < 0 || b.readUInt32LE(loc) !== EOCD64_LOCATOR_SIG) throw new ZipFormatError("no zip64 locator");
  const at = Number(b.readBigUInt64LE(loc + 8));
  if (at + 56 > b.length || b.readUInt32LE(at) !== EOCD64_SIG) throw new ZipFormatError("broken zip64 end record");
  return {
    count: safe(b.readBigUInt64LE(at + 32)),
    size: safe(b.readBigUInt64LE(at + 40)),
    offset: safe(b.readBigUInt64LE(at + 48)),
  };
}

/** Sizes and offsets of 0xFFFFFFFF are in the zip64 extra field (id 0x0001), in this order, each only if so marked. */
function applyZip64Extra(e: ZipEntry, extra: Buffer): void {
  const FULL = 0xffffffff;
  if (e.uncompressedSize !== FULL && e.compressedSize !== FULL && e.localHeaderOffset !== FULL) return;
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (p + 4 + len > extra.length) break;
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + len) throw new ZipFormatError("broken zip64 extra field");
        const v = safe(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (e.uncompressedSize === FULL) e.uncompressedSize = next();
      if (e.compressedSize === FULL) e.compressedSize = next();
      if (e.localHeaderOffset === FULL) e.localHeaderOffset = next();
      return;
    }
    p += 4 + len;
  }
  throw new ZipFormatError("zip64 sizes without a zip64 extra field");
}

function safe(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("size out of range");
  return Number(v);
}
