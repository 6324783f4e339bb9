import fs from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema.js";

export interface Db {
  /** The raw handle, for bulk imports in one synchronous transaction and for the index builder's streaming reads. */
  sqlite: BetterSqlite3.Database;
  kysely: Kysely<Database>;
  close(): Promise<void>;
}

/** Opens (creating if needed) the database file; ":memory:" for tests that need no file. */
export function openDb(file: string): Db {
  const onDisk = file !== ":memory:" && file !== "";
  // Created 0600 (not 0644 as SQLite would under a usual umask): SQLite gives -wal and -shm the database's own mode.
  if (onDisk) fs.closeSync(fs.openSync(file, "a", 0o600));
  const sqlite = new BetterSqlite3(file);
  // WAL: readers never block the writer; NORMAL sync is durable across a process crash (kill -9) in WAL mode.
  sqlite.pragma("journal_mode = WAL");
  if (onDisk) for (const f of [file, `${file}-wal`, `${file}-shm`]) makePrivate(f); // files an older version left 0644
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    kysely,
    close: async () => {
      await kysely.destroy(); // also closes the better-sqlite3 handle
    },
  };
}

/** Removes group and other permissions from a file if it exists. */
function makePrivate(file: string): void {
  try {
    const { mode } = fs.statSync(file);
    if (mode & 0o077) fs.chmodSync(file, mode & 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}
