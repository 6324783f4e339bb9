import type { Db } from "../../db/connection.js";

/** Whether every shipped file has been loaded (meta 'initial_import' is set once, when the first start finished). */
export function hasInitialImport(db: Db): boolean {
  return db.sqlite.prepare("SELECT 1 FROM meta WHERE key = 'initial_import'").get() !== undefined;
}

/** Records when the initial import finished, unless it already was; returns the time recorded (the first one). */
export function markInitialImport(db: Db, at: string): string {
  db.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('initial_import', ?) ON CONFLICT(key) DO NOTHING").run(at);
  return db.sqlite.prepare("SELECT value FROM meta WHERE key = 'initial_import'").pluck().get() as string;
}

/** Rows in one of the import summary's tables (a fixed name from the caller, never user input). */
export function rowCount(db: Db, table: string): number {
  return db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
