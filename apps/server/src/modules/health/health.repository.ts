import { sql } from "kysely";
import type { Db } from "../../db/connection.js";
import { all, one } from "../../db/sync-query.js";

/** Jobs waiting or running, per kind, with the oldest waiting one's creation time (ISO text, as jobs store it). */
export type JobQueueRow = ReturnType<typeof jobQueue>[number];

export function jobQueue(db: Db) {
  return all(
    db,
    db.kysely
      .selectFrom("jobs")
      .select([
        "kind",
        sql<number>`sum(status = 'queued')`.as("queued"),
        sql<number>`sum(status = 'running')`.as("running"),
        sql<string | null>`min(CASE WHEN status = 'queued' THEN created_at END)`.as("oldest_queued_at"),
      ])
      .where("status", "in", ["queued", "running"])
      .groupBy("kind"),
  );
}

/** Rows every web import has worked through so far (a counter: it only grows while imports run). */
export function importRowsDone(db: Db): number {
  return one(db, db.kysely.selectFrom("import_jobs").select(sql<number>`coalesce(sum(rows_done), 0)`.as("n"))).n;
}

export function patentCount(db: Db): number {
  return one(
    db,
    db.kysely.selectFrom("patents").select((eb) => eb.fn.countAll<number>().as("n")),
  ).n;
}
