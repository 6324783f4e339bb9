import path from "node:path";
import { nodeWriteIo, type WriteIo, writeFileAtomic } from "../../storage/atomic-file.js";

/** The write call a durable write makes (tests pass one that fails part-way, as a full disk does). */
export type FileIo = WriteIo;

/** A file of the index could not be written; `code` is the system's (ENOSPC, EIO, EACCES …). */
export class IndexWriteError extends Error {
  override name = "IndexWriteError";
  readonly code: string;
  constructor(file: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException)?.code ?? "EIO";
    const why = code === "ENOSPC" || code === "EDQUOT" ? "storage full" : (cause as Error)?.message;
    super(`search index file ${path.basename(file)} could not be written: ${why} (${code})`, { cause });
    this.code = code;
  }
}

/**
 * Writes `data` to `target` through the one atomic write (storage/atomic-file.ts: temp file, fsync, rename, folder
 * fsync; the temp file removed on failure), so `target` is always either the old file or the whole new one; any
 * failure becomes an IndexWriteError.
 */
export function writeFileDurably(target: string, data: Uint8Array | string, io: FileIo = nodeWriteIo): void {
  const bytes =
    typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    writeFileAtomic(target, bytes, io);
  } catch (err) {
    throw new IndexWriteError(target, err);
  }
}
