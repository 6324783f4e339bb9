import type { IndustryInput } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { IndustriesTable } from "../../db/schema.js";

export type IndustryRow = Omit<IndustriesTable, "id"> & { id: number; major_name: string | null };

const SELECT = `SELECT i.*, s.major_name FROM industries i LEFT JOIN sei_categories s ON s.sei_code = i.sei_code`;

export function listIndustries(db: Db): IndustryRow[] {
  return db.sqlite
    .prepare(`${SELECT} ORDER BY i.builtin DESC, CASE WHEN i.builtin = 1 THEN i.sei_code END, i.id`)
    .all() as IndustryRow[];
}

export function findIndustry(db: Db, id: number): IndustryRow | undefined {
  return db.sqlite.prepare(`${SELECT} WHERE i.id = ?`).get(id) as IndustryRow | undefined;
}

export function insertIndustry(db: Db, input: IndustryInput, builtin: boolean, actorId: number | null): number {
  const t = new Date().toISOString();
  const info = db.sqlite
    .prepare(
      `INSERT INTO industries (name, sei_code, ipc_prefixes_json, keywords_json, exclusions_json, notes, builtin,
        created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.name,
      input.seiCode,
      JSON.stringify(input.ipcPrefixes),
      JSON.stringify(input.keywords),
      JSON.stringify(input.exclusions),
      input.notes,
      builtin ? 1 : 0,
      actorId,
      t,
      t,
    );
  return Number(info.lastInsertRowid);
}

export function updateIndustry(db: Db, id: number, input: IndustryInput): boolean {
  const info = db.sqlite
    .prepare(
      `UPDATE industries SET name = ?, sei_code = ?, ipc_prefixes_json = ?, keywords_json = ?, exclusions_json = ?,
        notes = ?, updated_at = ? WHERE id = ?`,
    )
    .run(
      input.name,
      input.seiCode,
      JSON.stringify(input.ipcPrefixes),
      JSON.stringify(input.keywords),
      JSON.stringify(input.exclusions),
      input.notes,
      new Date().toISOString(),
      id,
    );
  return info.changes > 0;
}

export function countBuiltin(db: Db): number {
  return (db.sqlite.prepare("SELECT count(*) AS n FROM industries WHERE builtin = 1").get() as { n: number }).n;
}

export function seiCategories(db: Db): { sei_code: string; sei_name: string; major_name: string }[] {
  return db.sqlite.prepare("SELECT sei_code, sei_name, major_name FROM sei_categories ORDER BY sei_code").all() as {
    sei_code: string;
    sei_name: string;
    major_name: string;
  }[];
}

/** Observed IPC groups where at least `minShare` of the group's SEI-labelled records carry this code. */
export function observedGroups(
  db: Db,
  minShare: number,
  minRecords: number,
): { ipc_group: string; sei_code: string }[] {
  return db.sqlite
    .prepare(
      `SELECT ipc_group, sei_code FROM ipc_sei_observed WHERE share >= ? AND n_records >= ?
       ORDER BY sei_code, n_records DESC, ipc_group`,
    )
    .all(minShare, minRecords) as { ipc_group: string; sei_code: string }[];
}
