import { sql } from "kysely";
import type { Db } from "../../db/connection.js";
import { all, first, run } from "../../db/sync-query.js";

/** What watch evaluation reads and writes (watch-evaluation.ts holds the rules; these are its statements). */

export type SearchWatch = ReturnType<typeof searchWatches>[number];
export type TargetWatch = ReturnType<typeof targetWatches>[number];
export type EventRow = ReturnType<typeof eventsInRange>[number];

/** A list of ids as one JSON parameter (json_each reads it): one statement text whatever the number of ids. */
const idsIn = (ids: number[]) => sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** Every watched search with its saved query. */
export function searchWatches(db: Db) {
  return all(
    db,
    db.kysely
      .selectFrom("watches as w")
      .innerJoin("saved_searches as s", "s.id", "w.saved_search_id")
      .select(["w.id", "w.user_id", "s.name", "s.q"])
      .where("w.kind", "=", "search"),
  );
}

/** The history events with ids in (after, upTo], oldest first. */
export function eventsInRange(db: Db, after: number, upTo: number) {
  return all(
    db,
    db.kysely
      .selectFrom("patent_events")
      .select(["id", "patent_id"])
      .where("id", ">", after)
      .where("id", "<=", upTo)
      .orderBy("id"),
  );
}

/** Watches of these patents, and every applicant watch, with the label an alert shows (publication no., name). */
export function targetWatches(db: Db, patentIds: number[]) {
  return all(
    db,
    db.kysely
      .selectFrom("watches as w")
      .leftJoin("patents as p", "p.id", "w.patent_id")
      .leftJoin("applicants as a", "a.id", "w.applicant_id")
      .select((eb) => [
        "w.id",
        "w.user_id",
        "w.kind",
        eb.fn.coalesce("w.patent_id", "w.applicant_id").as("target"),
        eb.case("w.kind").when("patent").then(eb.ref("p.pub_no")).else(eb.ref("a.name")).end().as("label"),
      ])
      .where((eb) =>
        eb.or([
          eb.and([eb("w.kind", "=", "patent"), eb("w.patent_id", "in", idsIn(patentIds))]),
          eb("w.kind", "=", "applicant"),
        ]),
      )
      // a CHECK constraint holds kind to its three values; a patent or applicant watch has its target (migration 022)
      .$narrowType<{ kind: "patent" | "applicant"; target: number }>(),
  );
}

/** The applicant links of these patents (entity ids as stored, before following merges). */
export function applicantLinks(db: Db, patentIds: number[]): { patent_id: number; applicant_id: number }[] {
  return all(
    db,
    db.kysely
      .selectFrom("patent_applicants")
      .select(["patent_id", "applicant_id"])
      .where("patent_id", "in", idsIn(patentIds)),
  );
}

/** One step of an applicant entity's merge chain: the entity that absorbed it, null or undefined at the end. */
export function mergedIntoStep(db: Db): (id: number) => number | null | undefined {
  return (id) => first(db, db.kysely.selectFrom("applicants").select("merged_into").where("id", "=", id))?.merged_into;
}

/** alert_records rows per INSERT: 3 parameters each, far below SQLite's 32,766. */
const RECORDS_PER_INSERT = 500;

/**
 * Writes what one batch found for one watch into the watch's alert for this import run (made at the run's first
 * finding; later batches add to it and make it unread again). `records` pairs a patent with the history event that
 * caused it (0: a new hit).
 */
export function addToAlert(
  db: Db,
  w: { id: number; user_id: number; label: string },
  kind: "new_hits" | "legal_events",
  runId: number,
  records: [number, number][],
  at: string,
): void {
  const alertId =
    first(
      db,
      db.kysely
        .selectFrom("alerts")
        .select("id")
        .where("watch_id", "=", w.id)
        .where("run_id", "=", runId)
        .where("kind", "=", kind),
    )?.id ??
    run(
      db,
      db.kysely
        .insertInto("alerts")
        .values({ user_id: w.user_id, watch_id: w.id, kind, title: w.label, run_id: runId, created_at: at }),
    ).lastInsertRowid;
  // many rows per statement (the statement before Kysely ran once per record)
  for (let i = 0; i < records.length; i += RECORDS_PER_INSERT) {
    const rows = records
      .slice(i, i + RECORDS_PER_INSERT)
      .map(([patent, event]) => ({ alert_id: alertId, patent_id: patent, event_id: event }));
    run(db, db.kysely.insertInto("alert_records").orIgnore().values(rows));
  }
  run(
    db,
    db.kysely
      .updateTable("alerts")
      .set((eb) => ({
        read_at: null,
        record_count: eb
          .selectFrom("alert_records")
          .select((e) => e.fn.count<number>("patent_id").distinct().as("n"))
          .where("alert_id", "=", alertId),
      }))
      .where("id", "=", alertId),
  );
}

/** The patents a watch has already reported as new hits, among `ids` (a record is a new hit once per watch). */
export function reportedBefore(db: Db, watchId: number, ids: number[]): Set<number> {
  const rows = all(
    db,
    db.kysely
      .selectFrom("alert_records as ar")
      .innerJoin("alerts as a", "a.id", "ar.alert_id")
      .select("ar.patent_id")
      .where("a.watch_id", "=", watchId)
      .where("a.kind", "=", "new_hits")
      .where("ar.patent_id", "in", idsIn(ids)),
  );
  return new Set(rows.map((r) => r.patent_id));
}
