import type { Db } from "../../db/connection.js";

/** What a batch-lookup row shows: no abstract or claims (10,000 numbers may name 20,000 records). */
export interface BriefRow {
  id: number;
  pub_no: string;
  app_no: string | null;
  title: string;
  app_date: string | null;
  pub_date: string | null;
  type: string;
  status: string;
  ipc_main: string | null;
  applicants: { id: number; name: string }[];
}

/** SQLite binds at most 32,766 parameters; a chunk stays far below and keeps each statement short. */
const CHUNK = 500;

/** Brief rows by id (any order; missing ids are left out). */
export function briefRows(db: Db, ids: number[]): Map<number, BriefRow> {
  const out = new Map<number, BriefRow>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const marks = part.map(() => "?").join(",");
    const rows = db.sqlite
      .prepare(
        `SELECT id, pub_no, app_no, title, app_date, pub_date, type, status, ipc_main FROM patents WHERE id IN (${marks})`,
      )
      .all(...part) as Omit<BriefRow, "applicants">[];
    for (const r of rows) out.set(r.id, { ...r, applicants: [] });
    const links = db.sqlite
      .prepare(
        `SELECT pa.patent_id, a.id, a.name FROM patent_applicants pa JOIN applicants a ON a.id = pa.applicant_id
         WHERE pa.patent_id IN (${marks}) ORDER BY pa.patent_id, pa.position`,
      )
      .all(...part) as { patent_id: number; id: number; name: string }[];
    for (const l of links) out.get(l.patent_id)?.applicants.push({ id: l.id, name: l.name });
  }
  return out;
}
