import fs from "node:fs";
import path from "node:path";

/** The file calls a durable write makes (tests pass one that fails part-way, as a full disk does). */
export type FileIo = Pick<typeof fs, "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "renameSync" | "rmSync">;

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
 * Writes `data` to `target` through `target.tmp`: write, fsync, rename, so `target` is always either the old file
 * or the whole new one. On any failure the temp file is removed (a full disk must not be left fuller by orphans)
 * and an IndexWriteError is thrown.
 */
export function writeFileDurably(target: string, data: Uint8Array | string, io: FileIo = fs): void {
  const tmp = `${target}.tmp`;
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let fd: number | null = null;
  try {
    fd = io.openSync(tmp, "w");
    for (let off = 0; off < bytes.length; ) off += io.writeSync(fd, bytes, off, bytes.length - off);
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = null;
    io.renameSync(tmp, target);
  } catch (err) {
    if (fd !== null) {
      try {
        io.closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    io.rmSync(tmp, { force: true });
    throw new IndexWriteError(target, err);
  }
}

/** Makes the renames in `dir` durable (best effort: some file systems cannot fsync a directory). */
export function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not supported here; the rename itself is still atomic
  }
}
