import type Database from "better-sqlite3";

/** Rows per table (SQLite's own tables left out): what a backup records and a restore checks against. */
export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const n of names)
    counts[n] = sqlite
      .prepare(`SELECT count(*) FROM "${n.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  return counts;
}
