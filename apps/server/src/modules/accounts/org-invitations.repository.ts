import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";

export type InvitationRow = Selectable<Database["org_invitations"]>;

/** An invitation joined with what the invitee needs to decide: the organisation and who invited. */
export interface InvitationDetailRow extends InvitationRow {
  org_name: string;
  org_kind: string;
  inviter: string;
}

/** Records a pending invitation; a second one for the same username and organisation is a no-op. */
export function insertInvitation(db: Db, orgId: number, username: string, invitedBy: number, now: number): void {
  db.sqlite
    .prepare(
      `INSERT INTO org_invitations (org_id, username, invited_by, created_at, status) VALUES (?, ?, ?, ?, 'pending')
       ON CONFLICT DO NOTHING`,
    )
    .run(orgId, username, invitedBy, now);
}

export function pendingInvitationsOfOrg(db: Db, orgId: number): InvitationRow[] {
  return db.sqlite
    .prepare("SELECT * FROM org_invitations WHERE org_id = ? AND status = 'pending' ORDER BY id")
    .all(orgId) as InvitationRow[];
}

export function pendingInvitationsFor(db: Db, username: string): InvitationDetailRow[] {
  return db.sqlite
    .prepare(
      `SELECT i.*, o.name AS org_name, o.kind AS org_kind, u.username AS inviter
       FROM org_invitations i JOIN orgs o ON o.id = i.org_id JOIN users u ON u.id = i.invited_by
       WHERE i.username = ? AND i.status = 'pending' ORDER BY i.id`,
    )
    .all(username) as InvitationDetailRow[];
}

export function findInvitation(db: Db, id: number): InvitationRow | undefined {
  return db.sqlite.prepare("SELECT * FROM org_invitations WHERE id = ?").get(id) as InvitationRow | undefined;
}

/** Closes a pending invitation; 0 when it was no longer pending. */
export function closeInvitation(
  db: Db,
  id: number,
  status: "accepted" | "declined" | "cancelled",
  now: number,
): number {
  return db.sqlite
    .prepare("UPDATE org_invitations SET status = ?, decided_at = ? WHERE id = ? AND status = 'pending'")
    .run(status, now, id).changes;
}
