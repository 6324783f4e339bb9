import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { VERSION } from "../modules/health/health.service.js";
import { writeFileAtomic } from "../storage/atomic-file.js";
import {
  type BackupFile,
  type BackupManifest,
  DB_FILE,
  HOME_FILES,
  HOME_FOLDERS,
  KEY_FILES,
  listFiles,
  MANIFEST_FILE,
  sha256File,
} from "./manifest.js";
import { tableCounts } from "./table-counts.js";

export interface BackupOptions {
  /** The live home (ZHICHAN_HOME): its database may be in use by a running server. */
  home: string;
  /** A new or empty folder. */
  out: string;
  /** The keys (data.key, audit.key) go here, never into `out`: a backup copied off-site must not carry them. */
  keysOut?: string;
  onProgress?: (line: string) => void;
}

/**
 * A consistent copy of a home while it serves. The database is copied first (a snapshot of one moment; writers keep
 * writing); the uploaded files after it, so every file a copied row names is present
 * (files are written before the row that names them). The manifest, with every file's hash and the database's row
 * counts, is written last: a folder without one is a backup that did not finish.
 */
export async function backupHome(o: BackupOptions): Promise<BackupManifest> {
  const say = o.onProgress ?? (() => {});
  const dbFile = path.join(o.home, DB_FILE);
  if (!fs.existsSync(dbFile)) throw new Error(`no database at ${dbFile}`);
  prepareEmptyFolder(o.out);
  if (o.keysOut) {
    if (
      path.resolve(o.keysOut).startsWith(path.resolve(o.out) + path.sep) ||
      path.resolve(o.keysOut) === path.resolve(o.out)
    )
      throw new Error("--keys-out must be a folder of its own, outside the backup");
    prepareEmptyFolder(o.keysOut);
  }

  const copy = path.join(o.out, DB_FILE);
  say("database · 数据库 …");
  // VACUUM INTO copies one read transaction's view: a snapshot of one moment that a writer cannot tear, and under
  // WAL it never blocks the server's writers. (The online backup API restarts whenever another connection writes,
  // so on a busy server it may never finish.)
  const source = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    source.prepare("VACUUM INTO ?").run(copy);
  } finally {
    source.close();
  }
  const copied = new BetterSqlite3(copy);
  let tables: Record<string, number>;
  let migration: string | null;
  try {
    copied.pragma("journal_mode = DELETE"); // one self-contained file, no -wal beside it
    const check = copied.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`the copied database fails SQLite's check: ${String(check)}`);
    tables = tableCounts(copied);
    migration = copied.prepare("SELECT max(name) FROM kysely_migration").pluck().get() as string | null;
  } finally {
    copied.close();
  }

  const files: BackupFile[] = [entry(o.out, DB_FILE)];
  for (const folder of HOME_FOLDERS) {
    const rels = listFiles(path.join(o.home, folder));
    say(`${folder}: ${rels.length} files`);
    for (const rel of rels) {
      if (/^\..*\.tmp$/.test(path.basename(rel))) continue; // a write in progress (storage/atomic-file.ts), named by no row yet
      const target = path.join(o.out, folder, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      fs.copyFileSync(path.join(o.home, folder, rel), target);
      files.push(entry(o.out, `${folder}/${rel}`));
    }
  }
  for (const name of HOME_FILES) {
    if (!fs.existsSync(path.join(o.home, name))) continue;
    fs.copyFileSync(path.join(o.home, name), path.join(o.out, name));
    files.push(entry(o.out, name));
  }
  if (o.keysOut) {
    for (const name of KEY_FILES) {
      const from = path.join(o.home, name);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(o.keysOut, name));
    }
  }
  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    appVersion: VERSION,
    migration,
    tables,
    files,
  };
  writeFileAtomic(path.join(o.out, MANIFEST_FILE), Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`));
  return manifest;
}

function entry(root: string, rel: string): BackupFile {
  const file = path.join(root, rel);
  return { path: rel, bytes: fs.statSync(file).size, sha256: sha256File(file) };
}

function prepareEmptyFolder(dir: string): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}
