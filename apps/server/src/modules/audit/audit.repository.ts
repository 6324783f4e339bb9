import { type Expression, expressionBuilder, type Selectable, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { AuditLogTable, Database } from "../../db/schema.js";
import { all, first, iterate, one, run } from "../../db/sync-query.js";

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditFilter {
  fromMs?: number;
  toMs?: number;
  actor?: string;
  action?: string;
  outcome?: string;
  before?: number;
}

export function lastAuditRow(db: Db): AuditRow | undefined {
  return first(db, db.kysely.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(1));
}

export function auditHashAt(db: Db, seq: number): string | undefined {
  return first(db, db.kysely.selectFrom("audit_log").select("hash").where("seq", "=", seq))?.hash;
}

export function countAuditRows(db: Db): number {
  return one(
    db,
    db.kysely.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")),
  ).n;
}

export function insertAuditRow(db: Db, row: AuditRow): void {
  run(
    db,
    db.kysely.insertInto("audit_log").values({
      seq: row.seq,
      at: row.at,
      actor_id: row.actor_id,
      actor_name: row.actor_name,
      action: row.action,
      target: row.target,
      outcome: row.outcome,
      ip: row.ip,
      details_json: row.details_json,
      prev_hash: row.prev_hash,
      hash: row.hash,
    }),
  );
}

function where(f: AuditFilter): Expression<SqlBool> {
  const eb = expressionBuilder<Database, "audit_log">();
  const clauses: Expression<SqlBool>[] = [];
  if (f.fromMs !== undefined) clauses.push(eb("at", ">=", f.fromMs));
  if (f.toMs !== undefined) clauses.push(eb("at", "<", f.toMs));
  if (f.actor) clauses.push(eb("actor_name", "=", f.actor));
  if (f.action) {
    // the action itself or any action under it: "case" also finds "case.create"
    const prefix = `${f.action.replace(/[\\%_]/g, "\\$&")}.%`;
    clauses.push(eb.or([eb("action", "=", f.action), sql<SqlBool>`${eb.ref("action")} LIKE ${prefix} ESCAPE '\\'`]));
  }
  if (f.outcome) clauses.push(eb("outcome", "=", f.outcome));
  if (f.before !== undefined) clauses.push(eb("seq", "<", f.before));
  return eb.and(clauses);
}

/** Newest first. */
export function findAuditRows(db: Db, f: AuditFilter, limit: number): AuditRow[] {
  return all(
    db,
    db.kysely.selectFrom("audit_log").selectAll().where(where(f)).orderBy("seq", "desc").limit(Math.floor(limit)),
  );
}

/** Oldest first, one row at a time: exports and verification never hold the whole log in memory. */
export function iterateAuditRows(db: Db, f: AuditFilter = {}): IterableIterator<AuditRow> {
  return iterate(db, db.kysely.selectFrom("audit_log").selectAll().where(where(f)).orderBy("seq"));
}
