import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database, PatentsTable } from "../../db/schema.js";

export type PatentRow = Selectable<PatentsTable>;
export type PatentEventRow = Pick<
  Selectable<Database["patent_events"]>,
  "event_date" | "from_value" | "to_value" | "from_raw" | "to_raw" | "source"
>;

/** Finds a patent by row id, publication number or application number (case-insensitive, CN prefix optional). */
export function findPatent(db: Db, key: string): PatentRow | undefined {
  const k = key.trim().toUpperCase();
  const q = db.sqlite.prepare.bind(db.sqlite);
  if (/^\d{1,9}$/.test(k)) {
    const byId = q("SELECT * FROM patents WHERE id = ?").get(Number(k)) as PatentRow | undefined;
    if (byId) return byId;
  }
  for (const candidate of k.startsWith("CN") || !/^\d/.test(k) ? [k] : [k, `CN${k}`]) {
    const row = (q("SELECT * FROM patents WHERE pub_no = ?").get(candidate) ??
      q("SELECT * FROM patents WHERE app_no = ? ORDER BY id LIMIT 1").get(candidate)) as PatentRow | undefined;
    if (row) return row;
  }
  return undefined;
}

export function patentApplicants(db: Db, patentId: number): { id: number; name: string }[] {
  return db.sqlite
    .prepare(
      `SELECT a.id, a.name FROM patent_applicants pa JOIN applicants a ON a.id = pa.applicant_id
       WHERE pa.patent_id = ? ORDER BY pa.position`,
    )
    .all(patentId) as { id: number; name: string }[];
}

/** Row ids of the given publication numbers that are loaded (citations and family members become links). */
export function patentIdsByPubNo(db: Db, pubNos: string[]): Map<string, number> {
  const ids = new Map<string, number>();
  const stmt = db.sqlite.prepare("SELECT id FROM patents WHERE pub_no = ?").pluck();
  for (const pubNo of new Set(pubNos)) {
    const id = stmt.get(pubNo) as number | undefined;
    if (id !== undefined) ids.set(pubNo, id);
  }
  return ids;
}

/** The patent's legal-status history, oldest first (same date: in the order the imports recorded it). */
export function patentStatusEvents(db: Db, patentId: number): PatentEventRow[] {
  return db.sqlite
    .prepare(
      `SELECT event_date, from_value, to_value, from_raw, to_raw, source FROM patent_events
       WHERE patent_id = ? AND kind = 'legal_status' ORDER BY event_date, id`,
    )
    .all(patentId) as PatentEventRow[];
}

/** The patent's other legal events from PRS records (transfer, licence, pledge …), oldest first. */
export function patentLegalEvents(db: Db, patentId: number): PatentEventRow[] {
  return db.sqlite
    .prepare(
      `SELECT event_date, from_value, to_value, from_raw, to_raw, source FROM patent_events
       WHERE patent_id = ? AND kind = 'legal_event' ORDER BY event_date, id`,
    )
    .all(patentId) as PatentEventRow[];
}
