import type { Db } from "../db/connection.js";

export type JobStatus = "queued" | "running" | "done" | "failed";

export interface JobRow {
  id: number;
  kind: string;
  params_json: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  result_json: string | null;
  created_at: string;
  updated_at: string;
}

const now = () => new Date().toISOString();

export function insertJob(db: Db, kind: string, params: unknown): number {
  const t = now();
  const info = db.sqlite
    .prepare(
      "INSERT INTO jobs (kind, params_json, status, progress, created_at, updated_at) VALUES (?, ?, 'queued', 0, ?, ?)",
    )
    .run(kind, JSON.stringify(params), t, t);
  return Number(info.lastInsertRowid);
}

export function findJob(db: Db, id: number): JobRow | undefined {
  return db.sqlite.prepare("SELECT * FROM jobs WHERE id = ?").get(id) as JobRow | undefined;
}

/** Atomically takes the oldest queued job of the given kinds (one UPDATE … RETURNING). */
export function claimJob(db: Db, kinds: string[]): JobRow | undefined {
  if (kinds.length === 0) return undefined;
  const marks = kinds.map(() => "?").join(",");
  return db.sqlite
    .prepare(
      `UPDATE jobs SET status = 'running', updated_at = ?
       WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND kind IN (${marks}) ORDER BY id LIMIT 1)
       RETURNING *`,
    )
    .get(now(), ...kinds) as JobRow | undefined;
}

export function setProgress(db: Db, id: number, progress: number, message: string | null): void {
  db.sqlite
    .prepare("UPDATE jobs SET progress = ?, message = ?, updated_at = ? WHERE id = ? AND status = 'running'")
    .run(Math.max(0, Math.min(1, progress)), message, now(), id);
}

export function finishJob(db: Db, id: number, result: unknown): void {
  db.sqlite
    .prepare(
      "UPDATE jobs SET status = 'done', progress = 1, message = NULL, result_json = ?, updated_at = ? WHERE id = ?",
    )
    .run(JSON.stringify(result ?? null), now(), id);
}

export function failJob(db: Db, id: number, message: string): void {
  db.sqlite
    .prepare("UPDATE jobs SET status = 'failed', message = ?, updated_at = ? WHERE id = ?")
    .run(message, now(), id);
}

/** Jobs a crash left 'running' go back to the queue (their work restarts from the beginning). */
export function requeueRunning(db: Db, kinds: string[]): number {
  if (kinds.length === 0) return 0;
  const marks = kinds.map(() => "?").join(",");
  return db.sqlite
    .prepare(
      `UPDATE jobs SET status = 'queued', progress = 0, message = '服务重启后重新排队 · re-queued after a restart', updated_at = ?
       WHERE status = 'running' AND kind IN (${marks})`,
    )
    .run(now(), ...kinds).changes;
}
