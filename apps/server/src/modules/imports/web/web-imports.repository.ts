import type { Selectable } from "kysely";
import type { Db } from "../../../db/connection.js";
import type { Database } from "../../../db/schema.js";

export type UploadRow = Selectable<Database["import_uploads"]> & { uploader_name: string | null };
export type ProfileRow = Selectable<Database["import_profiles"]> & { creator_name: string | null };
export type ImportJobRow = Selectable<Database["import_jobs"]> & {
  status: "queued" | "running" | "done" | "failed";
  message: string | null;
  result_json: string | null;
  updated_at: string;
  creator_name: string | null;
};
export interface IssueRow {
  row_number: number;
  severity: string;
  reason: string;
  raw: string | null;
  /** Codes and parameters (migration 019); null for rows written before. */
  params_json: string | null;
}

const JOB_SELECT = `SELECT ij.*, j.status, j.message, j.result_json, j.updated_at, u.display_name AS creator_name
  FROM import_jobs ij JOIN jobs j ON j.id = ij.job_id LEFT JOIN users u ON u.id = ij.created_by`;

/** import_uploads, import_profiles, import_jobs (migration 014) and what the web import reads of runs and issues. */
export class WebImportsRepository {
  constructor(private readonly db: Db) {}

  private get sqlite() {
    return this.db.sqlite;
  }

  transaction<T>(fn: () => T): T {
    return this.sqlite.transaction(fn)();
  }

  insertUpload(r: Omit<Selectable<Database["import_uploads"]>, "staged" | "headers_json">): void {
    this.sqlite
      .prepare(
        `INSERT INTO import_uploads (id, file_name, size, sha256, kind, gzipped, staged, uploaded_by, uploaded_at)
         VALUES (@id, @file_name, @size, @sha256, @kind, @gzipped, 1, @uploaded_by, @uploaded_at)`,
      )
      .run(r);
  }

  upload(id: string): UploadRow | undefined {
    return this.sqlite
      .prepare(
        `SELECT iu.*, u.display_name AS uploader_name FROM import_uploads iu
         LEFT JOIN users u ON u.id = iu.uploaded_by WHERE iu.id = ?`,
      )
      .get(id) as UploadRow | undefined;
  }

  /** The header row of each table the latest preview found (migration 019). */
  setHeaders(id: string, headersJson: string): void {
    this.sqlite.prepare("UPDATE import_uploads SET headers_json = ? WHERE id = ?").run(headersJson, id);
  }

  setKind(id: string, kind: string): void {
    this.sqlite.prepare("UPDATE import_uploads SET kind = ? WHERE id = ?").run(kind, id);
  }

  markUnstaged(id: string): void {
    this.sqlite.prepare("UPDATE import_uploads SET staged = 0 WHERE id = ?").run(id);
  }

  deleteUpload(id: string): void {
    this.sqlite.prepare("DELETE FROM import_uploads WHERE id = ?").run(id);
  }

  /** Ids of uploads whose staged file is still kept. */
  stagedIds(): Set<string> {
    return new Set(this.sqlite.prepare("SELECT id FROM import_uploads WHERE staged = 1").pluck().all() as string[]);
  }

  /** Staged uploads older than `before` that no import is using (never started, or their import failed). */
  abandonedUploads(before: string): string[] {
    return this.sqlite
      .prepare(
        `SELECT iu.id FROM import_uploads iu WHERE iu.staged = 1 AND iu.uploaded_at < ?
         AND NOT EXISTS (SELECT 1 FROM import_jobs ij JOIN jobs j ON j.id = ij.job_id
                         WHERE ij.upload_id = iu.id AND j.status IN ('queued', 'running'))`,
      )
      .pluck()
      .all(before) as string[];
  }

  profiles(): ProfileRow[] {
    return this.sqlite
      .prepare(
        `SELECT p.*, u.display_name AS creator_name FROM import_profiles p
         LEFT JOIN users u ON u.id = p.created_by ORDER BY p.name`,
      )
      .all() as ProfileRow[];
  }

  profile(id: number): ProfileRow | undefined {
    return this.sqlite
      .prepare(
        `SELECT p.*, u.display_name AS creator_name FROM import_profiles p
         LEFT JOIN users u ON u.id = p.created_by WHERE p.id = ?`,
      )
      .get(id) as ProfileRow | undefined;
  }

  /** Saves a profile under its name: a name saved again is replaced (the same id), so re-saving updates it. */
  saveProfile(r: Omit<Selectable<Database["import_profiles"]>, "id">): number {
    return this.sqlite
      .prepare(
        `INSERT INTO import_profiles (name, mapping_json, layout, created_by, created_at)
         VALUES (@name, @mapping_json, @layout, @created_by, @created_at)
         ON CONFLICT(name) DO UPDATE SET mapping_json = excluded.mapping_json, layout = excluded.layout,
           created_by = excluded.created_by, created_at = excluded.created_at
         RETURNING id`,
      )
      .pluck()
      .get(r) as number;
  }

  deleteProfile(id: number): boolean {
    return this.sqlite.prepare("DELETE FROM import_profiles WHERE id = ?").run(id).changes > 0;
  }

  insertImportJob(r: Omit<Selectable<Database["import_jobs"]>, "run_id" | "rows_done" | "rows_total">): void {
    this.sqlite
      .prepare(
        `INSERT INTO import_jobs (job_id, upload_id, file_name, source, authority, export_date, force, mapping_json,
           profile_id, created_by, created_at)
         VALUES (@job_id, @upload_id, @file_name, @source, @authority, @export_date, @force, @mapping_json,
           @profile_id, @created_by, @created_at)`,
      )
      .run(r);
  }

  importJob(jobId: number): ImportJobRow | undefined {
    return this.sqlite.prepare(`${JOB_SELECT} WHERE ij.job_id = ?`).get(jobId) as ImportJobRow | undefined;
  }

  importJobs(limit: number): ImportJobRow[] {
    return this.sqlite.prepare(`${JOB_SELECT} ORDER BY ij.job_id DESC LIMIT ?`).all(limit) as ImportJobRow[];
  }

  /** The import of this upload that is queued, running, or done, newest first. */
  jobsOfUpload(uploadId: string): ImportJobRow[] {
    return this.sqlite
      .prepare(`${JOB_SELECT} WHERE ij.upload_id = ? ORDER BY ij.job_id DESC`)
      .all(uploadId) as ImportJobRow[];
  }

  setProgress(jobId: number, done: number, total: number): void {
    this.sqlite
      .prepare("UPDATE import_jobs SET rows_done = ?, rows_total = ? WHERE job_id = ?")
      .run(done, total, jobId);
  }

  setRun(jobId: number, runId: number | null): void {
    this.sqlite.prepare("UPDATE import_jobs SET run_id = ? WHERE job_id = ?").run(runId, jobId);
  }

  /** The newest import run of a file path (a staged upload's path names one upload only). */
  runOfFile(file: string): { id: number; status: string } | undefined {
    return this.sqlite
      .prepare("SELECT id, status FROM import_runs WHERE file = ? ORDER BY id DESC LIMIT 1")
      .get(file) as { id: number; status: string } | undefined;
  }

  /**
   * One page of a run's row issues of one severity, after row `after`. Paged rather than iterated: an open iterator
   * would keep the connection busy for every other request while the workbook streams.
   */
  issuePage(runId: number, severity: "error" | "warning", after: number, limit: number): IssueRow[] {
    return this.sqlite
      .prepare(
        `SELECT row_number, severity, reason, raw, params_json FROM import_errors
         WHERE run_id = ? AND severity = ? AND row_number > ? ORDER BY row_number LIMIT ?`,
      )
      .all(runId, severity, after, limit) as IssueRow[];
  }

  countIssues(runId: number): number {
    return this.sqlite.prepare("SELECT count(*) FROM import_errors WHERE run_id = ?").pluck().get(runId) as number;
  }
}
