import type { Db } from "../../db/connection.js";

/** The little the case engine reads about people and organisations (read-only; accounts owns these tables). */
export interface OrgRef {
  id: number;
  name: string;
  kind: string;
  district_code: string | null;
}

export function orgsOfUser(db: Db, userId: number): OrgRef[] {
  return db.sqlite
    .prepare(
      `SELECT o.id, o.name, o.kind, o.district_code FROM org_members m JOIN orgs o ON o.id = m.org_id
       WHERE m.user_id = ? ORDER BY o.id`,
    )
    .all(userId) as OrgRef[];
}

export function userWithRole(db: Db, userId: number, role: string): { id: number; name: string } | undefined {
  return db.sqlite
    .prepare(
      `SELECT u.id, u.display_name AS name FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE u.id = ? AND r.role = ? AND u.status = 'active'`,
    )
    .get(userId, role) as { id: number; name: string } | undefined;
}

export function usersWithRole(db: Db, role: string, limit = 200): { id: number; name: string }[] {
  return db.sqlite
    .prepare(
      `SELECT u.id, u.display_name AS name FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE r.role = ? AND u.status = 'active' ORDER BY u.display_name LIMIT ?`,
    )
    .all(role, limit) as { id: number; name: string }[];
}
