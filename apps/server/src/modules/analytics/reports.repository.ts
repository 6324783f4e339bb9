import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { ReportsTable } from "../../db/schema.js";
import { all, first, run } from "../../db/sync-query.js";
import type { JobStatus } from "../../jobs/jobs.repository.js";

/** A report with its job's state (the job table's CHECK allows only the JobStatus values). */
export type ReportRow = Selectable<ReportsTable> & { status: JobStatus; progress: number; message: string | null };

/** Reports joined to their jobs; the status narrowed to what the jobs table allows. */
function reportsWithJob(db: Db) {
  return db.kysely
    .selectFrom("reports as r")
    .innerJoin("jobs as j", "j.id", "r.job_id")
    .select(["j.status", "j.progress", "j.message"])
    .$narrowType<{ status: JobStatus }>();
}

export function insertReport(db: Db, title: string, params: unknown, actorId: number | null, at: string): number {
  const values = { job_id: 0, title, params_json: JSON.stringify(params), created_by: actorId, created_at: at };
  return run(db, db.kysely.insertInto("reports").values(values)).lastInsertRowid;
}

export function linkJob(db: Db, reportId: number, jobId: number): void {
  run(db, db.kysely.updateTable("reports").set({ job_id: jobId }).where("id", "=", reportId));
}

export function findReport(db: Db, id: number): ReportRow | undefined {
  return first(db, reportsWithJob(db).selectAll("r").where("r.id", "=", id));
}

/** Newest first: the published reports, and the reader's own (a visitor, `readerId` null, sees published only). */
export function listReports(db: Db, readerId: number | null, limit: number): ReportRow[] {
  // A summary: the strategy and the data (the large columns) are left out.
  const summary = reportsWithJob(db).select([
    "r.id",
    "r.job_id",
    "r.title",
    "r.params_json",
    sql<string | null>`NULL`.as("strategy_json"),
    sql<string | null>`NULL`.as("data_json"),
    "r.snapshot_seq",
    "r.snapshot_at",
    "r.took_ms",
    "r.created_by",
    "r.created_at",
    "r.finished_at",
    "r.published_at",
  ]);
  return all(
    db,
    summary
      .where((eb) => eb.or([eb("r.published_at", "is not", null), eb("r.created_by", "=", readerId ?? -1)]))
      .orderBy("r.id", "desc")
      .limit(limit),
  );
}

export function setReportPublished(db: Db, id: number, publishedAt: string | null): void {
  run(db, db.kysely.updateTable("reports").set({ published_at: publishedAt }).where("id", "=", id));
}

export function saveReportResult(
  db: Db,
  id: number,
  r: { strategy: unknown; data: unknown; snapshotSeq: number; snapshotAt: string; tookMs: number; finishedAt: string },
): void {
  const result = {
    strategy_json: JSON.stringify(r.strategy),
    data_json: JSON.stringify(r.data),
    snapshot_seq: r.snapshotSeq,
    snapshot_at: r.snapshotAt,
    took_ms: r.tookMs,
    finished_at: r.finishedAt,
  };
  run(db, db.kysely.updateTable("reports").set(result).where("id", "=", id));
}
