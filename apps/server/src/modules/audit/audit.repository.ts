import type { Db } from "../../db/connection.js";

export interface AuditRow {
  seq: number;
  at: number;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
  details_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditFilter {
  fromMs?: number;
  toMs?: number;
  actor?: string;
  action?: string;
  outcome?: string;
  before?: number;
}

export function lastAuditRow(db: Db): AuditRow | undefined {
  return db.sqlite.prepare("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").get() as AuditRow | undefined;
}

export function auditHashAt(db: Db, seq: number): string | undefined {
  const r = db.sqlite.prepare("SELECT hash FROM audit_log WHERE seq = ?").get(seq) as { hash: string } | undefined;
  return r?.hash;
}

export function countAuditRows(db: Db): number {
  return (db.sqlite.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;
}

export function insertAuditRow(db: Db, row: AuditRow): void {
  db.sqlite
    .prepare(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target, outcome, ip, details_json, prev_hash, hash)
       VALUES (@seq, @at, @actor_id, @actor_name, @action, @target, @outcome, @ip, @details_json, @prev_hash, @hash)`,
    )
    .run(row);
}

function where(f: AuditFilter): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, p: Record<string, unknown>) => {
    clauses.push(clause);
    Object.assign(params, p);
  };
  if (f.fromMs !== undefined) add("at >= @fromMs", { fromMs: f.fromMs });
  if (f.toMs !== undefined) add("at < @toMs", { toMs: f.toMs });
  if (f.actor) add("actor_name = @actor", { actor: f.actor });
  if (f.action)
    add("(action = @action OR action LIKE @actionPrefix ESCAPE '\\')", {
      action: f.action,
      actionPrefix: `${f.action.replace(/[\\%_]/g, "\\$&")}.%`,
    });
  if (f.outcome) add("outcome = @outcome", { outcome: f.outcome });
  if (f.before !== undefined) add("seq < @before", { before: f.before });
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** Newest first. */
export function findAuditRows(db: Db, f: AuditFilter, limit: number): AuditRow[] {
  const w = where(f);
  return db.sqlite
    .prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY seq DESC LIMIT ${Math.floor(limit)}`)
    .all(w.params) as AuditRow[];
}

/** Oldest first, one row at a time: exports and verification never hold the whole log in memory. */
export function iterateAuditRows(db: Db, f: AuditFilter = {}): IterableIterator<AuditRow> {
  const w = where(f);
  return db.sqlite
    .prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY seq`)
    .iterate(w.params) as IterableIterator<AuditRow>;
}
