import type { Db } from "../../db/connection.js";
import type { JobStatus } from "../../jobs/jobs.repository.js";

export interface ReportRow {
  id: number;
  job_id: number;
  title: string;
  params_json: string;
  strategy_json: string | null;
  data_json: string | null;
  snapshot_seq: number | null;
  snapshot_at: string | null;
  took_ms: number | null;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
  published_at: string | null;
  status: JobStatus;
  progress: number;
  message: string | null;
}

const SELECT = `SELECT r.*, j.status, j.progress, j.message FROM reports r JOIN jobs j ON j.id = r.job_id`;
const SUMMARY_COLS = `r.id, r.job_id, r.title, r.params_json, NULL AS strategy_json, NULL AS data_json, r.snapshot_seq,
  r.snapshot_at, r.took_ms, r.created_by, r.created_at, r.finished_at, r.published_at, j.status, j.progress, j.message`;

export function insertReport(db: Db, title: string, params: unknown, actorId: number | null): number {
  const info = db.sqlite
    .prepare("INSERT INTO reports (job_id, title, params_json, created_by, created_at) VALUES (0, ?, ?, ?, ?)")
    .run(title, JSON.stringify(params), actorId, new Date().toISOString());
  return Number(info.lastInsertRowid);
}

export function linkJob(db: Db, reportId: number, jobId: number): void {
  db.sqlite.prepare("UPDATE reports SET job_id = ? WHERE id = ?").run(jobId, reportId);
}

export function findReport(db: Db, id: number): ReportRow | undefined {
  return db.sqlite.prepare(`${SELECT} WHERE r.id = ?`).get(id) as ReportRow | undefined;
}

/** Newest first: the published reports, and the reader's own (a visitor, `readerId` null, sees published only). */
export function listReports(db: Db, readerId: number | null, limit: number): ReportRow[] {
  return db.sqlite
    .prepare(
      `SELECT ${SUMMARY_COLS} FROM reports r JOIN jobs j ON j.id = r.job_id
       WHERE r.published_at IS NOT NULL OR r.created_by = ? ORDER BY r.id DESC LIMIT ?`,
    )
    .all(readerId ?? -1, limit) as ReportRow[];
}

export function setReportPublished(db: Db, id: number, publishedAt: string | null): void {
  db.sqlite.prepare("UPDATE reports SET published_at = ? WHERE id = ?").run(publishedAt, id);
}

export function saveReportResult(
  db: Db,
  id: number,
  r: { strategy: unknown; data: unknown; snapshotSeq: number; snapshotAt: string; tookMs: number },
): void {
  db.sqlite
    .prepare(
      `UPDATE reports SET strategy_json = ?, data_json = ?, snapshot_seq = ?, snapshot_at = ?, took_ms = ?,
        finished_at = ? WHERE id = ?`,
    )
    .run(
      JSON.stringify(r.strategy),
      JSON.stringify(r.data),
      r.snapshotSeq,
      r.snapshotAt,
      r.tookMs,
      new Date().toISOString(),
      id,
    );
}
