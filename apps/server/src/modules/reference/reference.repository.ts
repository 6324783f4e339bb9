import type { Db } from "../../db/connection.js";

export interface DivisionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export const allDivisions = (db: Db): DivisionRow[] =>
  db.sqlite
    .prepare("SELECT code, name, level, parent_code FROM divisions WHERE level <> 'township'")
    .all() as DivisionRow[];

/** IPC titles down to main-group level: small enough (~8k) to keep in memory for facet labels. */
export const ipcTitlesToMainGroup = (db: Db): { code: string; title_zh: string }[] =>
  db.sqlite.prepare("SELECT code, title_zh FROM ipc_codes WHERE level <> 'subgroup'").all() as {
    code: string;
    title_zh: string;
  }[];

/** The IPC tree above subgroups (sections, classes, subclasses, main groups: ~8k rows) for the picker. */
export const ipcTreeToMainGroup = (
  db: Db,
): { code: string; level: string; parent: string | null; title_zh: string }[] =>
  db.sqlite
    .prepare("SELECT code, level, parent, title_zh FROM ipc_codes WHERE level <> 'subgroup' ORDER BY code")
    .all() as { code: string; level: string; parent: string | null; title_zh: string }[];

export const ipcTitles = (db: Db, codes: string[]): Map<string, string> => {
  if (codes.length === 0) return new Map();
  const rows = db.sqlite
    .prepare(`SELECT code, title_zh FROM ipc_codes WHERE code IN (${codes.map(() => "?").join(",")})`)
    .all(...codes) as { code: string; title_zh: string }[];
  return new Map(rows.map((r) => [r.code, r.title_zh]));
};

export const seiNames = (db: Db): Map<string, string> =>
  new Map(
    (
      db.sqlite.prepare("SELECT sei_code, sei_name FROM sei_categories").all() as {
        sei_code: string;
        sei_name: string;
      }[]
    ).map((r) => [r.sei_code, r.sei_name]),
  );

export const geoShape = (db: Db, name: string): string | undefined =>
  (db.sqlite.prepare("SELECT geojson FROM geo_shapes WHERE name = ?").get(name) as { geojson: string } | undefined)
    ?.geojson;

/** Every IPC title, subgroups included (the cross-language check for technical vocabulary reads them once). */
export const allIpcTitles = (db: Db): string[] =>
  (db.sqlite.prepare("SELECT title_zh FROM ipc_codes").all() as { title_zh: string }[]).map((r) => r.title_zh);
