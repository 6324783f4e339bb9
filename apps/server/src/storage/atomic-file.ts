import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The one system call a test replaces to play a full disk (there is no small tmpfs to fill here). */
export interface WriteIo {
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number;
}

export const nodeWriteIo: WriteIo = { writeSync: (fd, b, off, len) => fs.writeSync(fd, b, off, len) };

/** Temporary files are `.<name>.<pid>.<random>.tmp` beside their target, so a sweep knows whose they are. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes a file so that it is either there in full or not at all: a temporary file (mode 0600) in the same folder,
 * written, fsynced, renamed into place, then the folder fsynced. When anything fails — a full disk (ENOSPC), a quota
 * (EDQUOT), an I/O error — the temporary file is deleted before the error goes on, so no orphan is left behind.
 */
export function writeFileAtomic(final: string, bytes: Buffer, io: WriteIo = nodeWriteIo): void {
  const folder = path.dirname(final);
  const tmp = path.join(folder, `.${path.basename(final)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  let fd: number | null = fs.openSync(tmp, "wx", 0o600);
  try {
    for (let off = 0; off < bytes.length; ) off += io.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, final);
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  const dirFd = fs.openSync(folder, "r");
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // alive, someone else's
  }
}

/**
 * Deletes temporary files left by a process that died mid-write (kill -9, power loss), in `dir` and its immediate
 * sub-folders; a live process's temporaries are left alone. Returns how many it deleted.
 */
export function removeStaleTemps(dir: string): number {
  let removed = 0;
  const sweep = (folder: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    for (const e of entries) {
      if (e.isDirectory() && depth > 0) sweep(path.join(folder, e.name), depth - 1);
      const m = e.isFile() ? TEMP_NAME.exec(e.name) : null;
      if (m && !processAlive(Number(m[1]))) {
        fs.rmSync(path.join(folder, e.name), { force: true });
        removed++;
      }
    }
  };
  sweep(dir, 1);
  return removed;
}
