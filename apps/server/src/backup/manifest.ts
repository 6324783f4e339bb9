import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What a backup folder holds; written last, so a folder without it is an unfinished backup. */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  appVersion: string;
  /** The newest migration the database had when it was copied. */
  migration: string | null;
  /** Rows per table in the copied database: restore compares them after copying back. */
  tables: Record<string, number>;
  files: BackupFile[];
}

export interface BackupFile {
  /** Relative to the backup folder, with forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
}

export const MANIFEST_FILE = "manifest.json";
export const DB_FILE = "zhichan.db";

/**
 * The home's folders of uploaded files that the database refers to (case attachments, published content's files),
 * and the audit checkpoints (evidence, not secret). Not backed up: the search index (rebuilt from the database at
 * start), staged import uploads (transient) and the keys (only with --keys-out, into a folder of their own).
 */
export const HOME_FOLDERS = ["attachments", "content-files"] as const;
export const HOME_FILES = ["audit-checkpoints.log"] as const;
export const KEY_FILES = ["data.key", "audit.key"] as const;

export function sha256File(file: string): string {
  const hash = crypto.createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

/** Every regular file under dir, relative, sorted (symbolic links are not followed: nothing outside gets in). */
export function listFiles(dir: string, prefix = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file))
    throw new Error(`${dir} holds no ${MANIFEST_FILE}: not a backup, or one that did not finish`);
  const m = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  if (m.format !== 1 || !Array.isArray(m.files)) throw new Error(`${file} is not a backup manifest this version reads`);
  for (const f of m.files) {
    // a manifest is input: a path may not climb out of the folder it is restored into
    if (path.isAbsolute(f.path) || f.path.split("/").includes(".."))
      throw new Error(`unsafe path in manifest: ${f.path}`);
  }
  return m;
}
