import type { Db } from "../../db/connection.js";

/** Jobs waiting or running, per kind, with the oldest waiting one's creation time (ISO text, as jobs store it). */
export interface JobQueueRow {
  kind: string;
  queued: number;
  running: number;
  oldest_queued_at: string | null;
}

export function jobQueue(db: Db): JobQueueRow[] {
  return db.sqlite
    .prepare(
      `SELECT kind,
              sum(status = 'queued') AS queued,
              sum(status = 'running') AS running,
              min(CASE WHEN status = 'queued' THEN created_at END) AS oldest_queued_at
         FROM jobs WHERE status IN ('queued', 'running') GROUP BY kind`,
    )
    .all() as JobQueueRow[];
}

/** Rows every web import has worked through so far (a counter: it only grows while imports run). */
export function importRowsDone(db: Db): number {
  return db.sqlite.prepare("SELECT coalesce(sum(rows_done), 0) FROM import_jobs").pluck().get() as number;
}

export function patentCount(db: Db): number {
  return db.sqlite.prepare("SELECT count(*) FROM patents").pluck().get() as number;
}
