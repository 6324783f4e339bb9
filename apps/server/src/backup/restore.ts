import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { type BackupManifest, DB_FILE, KEY_FILES, readManifest, sha256File } from "./manifest.js";
import { tableCounts } from "./table-counts.js";

export interface RestoreOptions {
  /** A folder `backupHome` wrote. */
  from: string;
  /** The home to rebuild (ZHICHAN_HOME); must not be served meanwhile. */
  home: string;
  /** The folder --keys-out wrote; without it, data.key and audit.key must be put back by hand (or set in the env). */
  keysFrom?: string;
  /** A home that already holds a database is moved aside to <home>.before-restore-<time>, not overwritten. */
  force?: boolean;
  onProgress?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  files: number;
  movedAside: string | null;
  keysRestored: string[];
}

/**
 * Rebuilds a home from a backup. Every file is checked against the manifest's hash BEFORE anything in the home is
 * touched, so a damaged or altered backup is refused whole; the restored database's row counts are compared with
 * the ones the backup recorded. The search index is not restored: the server rebuilds it from the database at start.
 */
export function restoreHome(o: RestoreOptions): RestoreResult {
  const say = o.onProgress ?? (() => {});
  const manifest = readManifest(o.from);
  for (const f of manifest.files) {
    const file = path.join(o.from, f.path);
    if (!fs.existsSync(file)) throw new Error(`the backup is missing ${f.path}`);
    if (fs.statSync(file).size !== f.bytes || sha256File(file) !== f.sha256)
      throw new Error(`${f.path} does not match the backup's manifest (damaged or altered): nothing was restored`);
  }
  say(`checked ${manifest.files.length} files · 已校验`);

  let movedAside: string | null = null;
  if (fs.existsSync(o.home) && fs.readdirSync(o.home).length > 0) {
    if (!o.force)
      throw new Error(`${o.home} is not empty: restore into an empty home, or add --force to move this one aside`);
    movedAside = `${path.resolve(o.home)}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(o.home, movedAside);
  }
  fs.mkdirSync(o.home, { recursive: true, mode: 0o700 });
  for (const f of manifest.files) {
    const target = path.join(o.home, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.copyFileSync(path.join(o.from, f.path), target);
    fs.chmodSync(target, 0o600);
  }
  const keysRestored: string[] = [];
  if (o.keysFrom) {
    for (const name of KEY_FILES) {
      const from = path.join(o.keysFrom, name);
      if (!fs.existsSync(from)) continue;
      fs.copyFileSync(from, path.join(o.home, name));
      fs.chmodSync(path.join(o.home, name), 0o600);
      keysRestored.push(name);
    }
  }
  const db = new BetterSqlite3(path.join(o.home, DB_FILE));
  try {
    const counts = tableCounts(db);
    const differ = Object.keys({ ...counts, ...manifest.tables }).filter((t) => counts[t] !== manifest.tables[t]);
    if (differ.length) throw new Error(`restored tables differ from the backup's counts: ${differ.join(", ")}`);
  } finally {
    db.close();
  }
  return { manifest, files: manifest.files.length, movedAside, keysRestored };
}
