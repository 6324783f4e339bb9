import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";

/** A request joined with the usernames of who asked and who decided. */
export type AdminRequestRow = Selectable<Database["admin_requests"]> & { requester: string; decider: string | null };

const SELECT = `SELECT a.*, r.username AS requester, d.username AS decider FROM admin_requests a
  JOIN users r ON r.id = a.requested_by LEFT JOIN users d ON d.id = a.decided_by`;

export function insertAdminRequest(
  db: Db,
  r: { kind: "create" | "status"; target_user_id: number | null; summary: object; payload: object | null },
  requestedBy: number,
  now: number,
): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO admin_requests (kind, target_user_id, summary_json, payload_json, requested_by, requested_at, status)
         VALUES (?, ?, ?, ?, ?, ?, 'pending')`,
      )
      .run(
        r.kind,
        r.target_user_id,
        JSON.stringify(r.summary),
        r.payload ? JSON.stringify(r.payload) : null,
        requestedBy,
        now,
      ).lastInsertRowid,
  );
}

export function findAdminRequest(db: Db, id: number): AdminRequestRow | undefined {
  return db.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AdminRequestRow | undefined;
}

export function listAdminRequests(db: Db, status: string | undefined, limit: number): AdminRequestRow[] {
  return (
    status
      ? db.sqlite.prepare(`${SELECT} WHERE a.status = ? ORDER BY a.id DESC LIMIT ?`).all(status, limit)
      : db.sqlite.prepare(`${SELECT} ORDER BY a.id DESC LIMIT ?`).all(limit)
  ) as AdminRequestRow[];
}

/** A pending request already asking for this username (create) or this account (status change). */
export function pendingAdminRequestFor(db: Db, username: string, targetUserId: number | null): number | undefined {
  const row = db.sqlite
    .prepare(
      `SELECT id FROM admin_requests WHERE status = 'pending'
       AND (json_extract(summary_json, '$.username') = ? OR target_user_id = ?) LIMIT 1`,
    )
    .get(username, targetUserId) as { id: number } | undefined;
  return row?.id;
}

/** Decides a pending request and drops its prepared payload; 0 when it was no longer pending. */
export function decideAdminRequest(
  db: Db,
  id: number,
  status: "approved" | "rejected",
  by: number,
  now: number,
  reason: string | null,
  targetUserId: number | null,
): number {
  return db.sqlite
    .prepare(
      `UPDATE admin_requests SET status = ?, decided_by = ?, decided_at = ?, reason = ?, payload_json = NULL,
        target_user_id = COALESCE(target_user_id, ?) WHERE id = ? AND status = 'pending'`,
    )
    .run(status, by, now, reason, targetUserId, id).changes;
}
