import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first } from "../../db/sync-query.js";

/** The little the case engine reads about people and organisations (read-only; accounts owns these tables). */
export type OrgRef = Pick<Selectable<Database["orgs"]>, "id" | "name" | "kind" | "district_code">;

export function orgsOfUser(db: Db, userId: number): OrgRef[] {
  return all(
    db,
    db.kysely
      .selectFrom("org_members as m")
      .innerJoin("orgs as o", "o.id", "m.org_id")
      .select(["o.id", "o.name", "o.kind", "o.district_code"])
      .where("m.user_id", "=", userId)
      .orderBy("o.id"),
  );
}

/** Active users (alias u) holding a role (alias r). */
const activeWithRole = (db: Db, role: string) =>
  db.kysely
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select(["u.id", "u.display_name as name"])
    .where("r.role", "=", role)
    .where("u.status", "=", "active");

export function userWithRole(db: Db, userId: number, role: string): { id: number; name: string } | undefined {
  return first(db, activeWithRole(db, role).where("u.id", "=", userId));
}

export function usersWithRole(db: Db, role: string, limit = 200): { id: number; name: string }[] {
  return all(db, activeWithRole(db, role).orderBy("u.display_name").limit(limit));
}
