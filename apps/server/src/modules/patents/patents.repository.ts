import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database, PatentsTable } from "../../db/schema.js";
import { all, first } from "../../db/sync-query.js";

export type PatentRow = Selectable<PatentsTable>;
export type PatentEventRow = Pick<
  Selectable<Database["patent_events"]>,
  "event_date" | "from_value" | "to_value" | "from_raw" | "to_raw" | "source"
>;

/** Finds a patent by row id, publication number or application number (case-insensitive, CN prefix optional). */
export function findPatent(db: Db, key: string): PatentRow | undefined {
  const k = key.trim().toUpperCase();
  const patents = db.kysely.selectFrom("patents").selectAll();
  if (/^\d{1,9}$/.test(k)) {
    const byId = first(db, patents.where("id", "=", Number(k)));
    if (byId) return byId;
  }
  for (const candidate of k.startsWith("CN") || !/^\d/.test(k) ? [k] : [k, `CN${k}`]) {
    const row =
      first(db, patents.where("pub_no", "=", candidate)) ??
      first(db, patents.where("app_no", "=", candidate).orderBy("id").limit(1));
    if (row) return row;
  }
  return undefined;
}

export function patentApplicants(db: Db, patentId: number): { id: number; name: string }[] {
  return all(
    db,
    db.kysely
      .selectFrom("patent_applicants as pa")
      .innerJoin("applicants as a", "a.id", "pa.applicant_id")
      .select(["a.id", "a.name"])
      .where("pa.patent_id", "=", patentId)
      .orderBy("pa.position"),
  );
}

/** Row ids of the given publication numbers that are loaded (citations and family members become links). */
export function patentIdsByPubNo(db: Db, pubNos: string[]): Map<string, number> {
  const ids = new Map<string, number>();
  const wanted = [...new Set(pubNos)];
  // One query per 500 numbers rather than one per number; pub_no is unique, so each number finds one row at most.
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = all(
      db,
      db.kysely
        .selectFrom("patents")
        .select(["pub_no", "id"])
        .where("pub_no", "in", wanted.slice(i, i + 500)),
    );
    for (const r of rows) ids.set(r.pub_no, r.id);
  }
  return ids;
}

/** The patent's events of one kind, oldest first (same date: in the order the imports recorded it). */
function eventsOf(db: Db, patentId: number, kind: "legal_status" | "legal_event"): PatentEventRow[] {
  return all(
    db,
    db.kysely
      .selectFrom("patent_events")
      .select(["event_date", "from_value", "to_value", "from_raw", "to_raw", "source"])
      .where("patent_id", "=", patentId)
      .where("kind", "=", kind)
      .orderBy("event_date")
      .orderBy("id"),
  );
}

/** The patent's legal-status history, oldest first (same date: in the order the imports recorded it). */
export const patentStatusEvents = (db: Db, patentId: number): PatentEventRow[] =>
  eventsOf(db, patentId, "legal_status");

/** The patent's other legal events from PRS records (transfer, licence, pledge …), oldest first. */
export const patentLegalEvents = (db: Db, patentId: number): PatentEventRow[] => eventsOf(db, patentId, "legal_event");
