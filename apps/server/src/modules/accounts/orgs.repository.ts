import type { Db } from "../../db/connection.js";

export interface OrgRow {
  id: number;
  kind: string;
  name: string;
  code: string;
  district_code: string | null;
  created_at: number;
}
export interface MemberRow {
  user_id: number;
  username: string;
  display_name: string;
  org_role: string;
}

export function findOrgByCode(db: Db, code: string): OrgRow | undefined {
  return db.sqlite.prepare("SELECT * FROM orgs WHERE code = ?").get(code) as OrgRow | undefined;
}

export function findOrg(db: Db, id: number): OrgRow | undefined {
  return db.sqlite.prepare("SELECT * FROM orgs WHERE id = ?").get(id) as OrgRow | undefined;
}

export function insertOrg(db: Db, o: Omit<OrgRow, "id">): number {
  return Number(
    db.sqlite
      .prepare(
        "INSERT INTO orgs (kind, name, code, district_code, created_at) VALUES (@kind, @name, @code, @district_code, @created_at)",
      )
      .run(o).lastInsertRowid,
  );
}

export function orgsOfUser(db: Db, userId: number): (OrgRow & { org_role: string })[] {
  return db.sqlite
    .prepare(
      "SELECT o.*, m.org_role FROM org_members m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = ? ORDER BY o.id",
    )
    .all(userId) as (OrgRow & { org_role: string })[];
}

export function orgMembers(db: Db, orgId: number): MemberRow[] {
  return db.sqlite
    .prepare(
      `SELECT m.user_id, u.username, u.display_name, m.org_role FROM org_members m JOIN users u ON u.id = m.user_id
       WHERE m.org_id = ? ORDER BY m.org_role DESC, u.username`,
    )
    .all(orgId) as MemberRow[];
}

export function memberRole(db: Db, orgId: number, userId: number): string | undefined {
  const row = db.sqlite
    .prepare("SELECT org_role FROM org_members WHERE org_id = ? AND user_id = ?")
    .get(orgId, userId) as { org_role: string } | undefined;
  return row?.org_role;
}

export function addMember(db: Db, orgId: number, userId: number, orgRole: "owner" | "member"): void {
  db.sqlite.prepare("INSERT INTO org_members (org_id, user_id, org_role) VALUES (?, ?, ?)").run(orgId, userId, orgRole);
}

export function removeMember(db: Db, orgId: number, userId: number): number {
  return db.sqlite
    .prepare("DELETE FROM org_members WHERE org_id = ? AND user_id = ? AND org_role = 'member'")
    .run(orgId, userId).changes;
}

/** A member leaving: any role (the service keeps the last owner from leaving). */
export function deleteMembership(db: Db, orgId: number, userId: number): number {
  return db.sqlite.prepare("DELETE FROM org_members WHERE org_id = ? AND user_id = ?").run(orgId, userId).changes;
}

export function ownerCount(db: Db, orgId: number): number {
  return (
    db.sqlite.prepare("SELECT COUNT(*) AS n FROM org_members WHERE org_id = ? AND org_role = 'owner'").get(orgId) as {
      n: number;
    }
  ).n;
}

export function setMemberRole(db: Db, orgId: number, userId: number, orgRole: "owner" | "member"): number {
  return db.sqlite
    .prepare("UPDATE org_members SET org_role = ? WHERE org_id = ? AND user_id = ?")
    .run(orgRole, orgId, userId).changes;
}

export function isMemberByUsername(db: Db, orgId: number, username: string): boolean {
  const row = db.sqlite
    .prepare("SELECT 1 FROM org_members m JOIN users u ON u.id = m.user_id WHERE m.org_id = ? AND u.username = ?")
    .get(orgId, username);
  return row !== undefined;
}
