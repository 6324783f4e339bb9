import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";

/** A claim joined with the organisation and the claimant, as every reader of it needs. */
export type ClaimRow = Selectable<Database["org_claims"]> & {
  org_name: string;
  org_code: string;
  org_district: string | null;
  username: string;
  display_name: string;
};

const SELECT = `SELECT c.*, o.name AS org_name, o.code AS org_code, o.district_code AS org_district,
  u.username, u.display_name FROM org_claims c JOIN orgs o ON o.id = c.org_id JOIN users u ON u.id = c.user_id`;

export function insertClaim(db: Db, orgId: number, userId: number, now: number): number {
  return Number(
    db.sqlite
      .prepare("INSERT INTO org_claims (org_id, user_id, created_at, status) VALUES (?, ?, ?, 'pending')")
      .run(orgId, userId, now).lastInsertRowid,
  );
}

export function findClaim(db: Db, id: number): ClaimRow | undefined {
  return db.sqlite.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ClaimRow | undefined;
}

export function claimsOfUser(db: Db, userId: number): ClaimRow[] {
  return db.sqlite.prepare(`${SELECT} WHERE c.user_id = ? ORDER BY c.id DESC LIMIT 50`).all(userId) as ClaimRow[];
}

export function pendingClaimsOfOrg(db: Db, orgId: number): ClaimRow[] {
  return db.sqlite
    .prepare(`${SELECT} WHERE c.org_id = ? AND c.status = 'pending' ORDER BY c.id`)
    .all(orgId) as ClaimRow[];
}

export function pendingClaims(db: Db, limit: number): ClaimRow[] {
  return db.sqlite.prepare(`${SELECT} WHERE c.status = 'pending' ORDER BY c.id LIMIT ?`).all(limit) as ClaimRow[];
}

/** Decides a pending claim; 0 when it was no longer pending. */
export function decideClaim(
  db: Db,
  id: number,
  status: "approved" | "rejected",
  by: number,
  now: number,
  reason: string | null,
): number {
  return db.sqlite
    .prepare(
      "UPDATE org_claims SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'",
    )
    .run(status, by, now, reason, id).changes;
}
