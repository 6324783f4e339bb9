import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { UsersTable } from "../../db/schema.js";

export type UserRow = Selectable<UsersTable>;
export interface RoleRow {
  role: string;
  district_code: string | null;
}

export interface NewUser {
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  phone_enc: string | null;
  phone_mask: string | null;
  id_number_enc: string | null;
  id_number_mask: string | null;
  id_number_hmac: string | null;
  created_at: number;
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.sqlite.prepare("SELECT * FROM users WHERE username = ?").get(username) as UserRow | undefined;
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  return db.sqlite.prepare("SELECT * FROM users WHERE id = ?").get(id) as UserRow | undefined;
}

export function userIdByIdNumberHmac(db: Db, hmac: string): number | undefined {
  const row = db.sqlite.prepare("SELECT id FROM users WHERE id_number_hmac = ?").get(hmac) as
    | { id: number }
    | undefined;
  return row?.id;
}

export function insertUser(db: Db, u: NewUser): number {
  const info = db.sqlite
    .prepare(
      `INSERT INTO users (username, display_name, password_hash, password_changed_at, must_change_password, phone_enc,
        phone_mask, id_number_enc, id_number_mask, id_number_hmac, created_at)
       VALUES (@username, @display_name, @password_hash, @created_at, @must_change_password, @phone_enc, @phone_mask,
        @id_number_enc, @id_number_mask, @id_number_hmac, @created_at)`,
    )
    .run(u);
  const id = Number(info.lastInsertRowid);
  insertPasswordHistory(db, id, u.password_hash, u.created_at);
  return id;
}

export function insertPasswordHistory(db: Db, userId: number, hash: string, at: number): void {
  db.sqlite
    .prepare("INSERT INTO password_history (user_id, password_hash, created_at) VALUES (?, ?, ?)")
    .run(userId, hash, at);
}

/** The newest `n` password hashes (the current one first). */
export function recentPasswordHashes(db: Db, userId: number, n: number): string[] {
  return (
    db.sqlite
      .prepare(
        "SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
      )
      .all(userId, n) as { password_hash: string }[]
  ).map((r) => r.password_hash);
}

export function updatePassword(db: Db, userId: number, hash: string, at: number, mustChange: boolean): void {
  db.sqlite
    .prepare("UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = ? WHERE id = ?")
    .run(hash, at, mustChange ? 1 : 0, userId);
  insertPasswordHistory(db, userId, hash, at);
}

export function setUserStatus(db: Db, userId: number, status: "active" | "disabled"): void {
  db.sqlite.prepare("UPDATE users SET status = ? WHERE id = ?").run(status, userId);
}

export function setTotpSecret(db: Db, userId: number, secretEnc: string | null, enabled: boolean): void {
  db.sqlite
    .prepare("UPDATE users SET totp_secret_enc = ?, totp_enabled = ?, totp_last_counter = NULL WHERE id = ?")
    .run(secretEnc, enabled ? 1 : 0, userId);
}

export function setTotpLastCounter(db: Db, userId: number, counter: number): void {
  db.sqlite.prepare("UPDATE users SET totp_last_counter = ? WHERE id = ?").run(counter, userId);
}

export function enableTotp(db: Db, userId: number, counter: number): void {
  db.sqlite.prepare("UPDATE users SET totp_enabled = 1, totp_last_counter = ? WHERE id = ?").run(counter, userId);
}

export function setLastSignin(db: Db, userId: number, at: number): void {
  db.sqlite.prepare("UPDATE users SET last_signin_at = ? WHERE id = ?").run(at, userId);
}

export function updateProfile(
  db: Db,
  userId: number,
  p: Partial<
    Pick<UserRow, "display_name" | "phone_enc" | "phone_mask" | "id_number_enc" | "id_number_mask" | "id_number_hmac">
  >,
): void {
  const keys = Object.keys(p).filter((k) => /^[a-z_]+$/.test(k));
  if (!keys.length) return;
  db.sqlite
    .prepare(`UPDATE users SET ${keys.map((k) => `${k} = @${k}`).join(", ")} WHERE id = @id`)
    .run({ ...p, id: userId });
}

export function rolesOf(db: Db, userId: number): RoleRow[] {
  return db.sqlite
    .prepare("SELECT role, district_code FROM user_roles WHERE user_id = ? ORDER BY role")
    .all(userId) as RoleRow[];
}

export function replaceRoles(db: Db, userId: number, roles: RoleRow[]): void {
  db.sqlite.prepare("DELETE FROM user_roles WHERE user_id = ?").run(userId);
  const ins = db.sqlite.prepare("INSERT INTO user_roles (user_id, role, district_code) VALUES (?, ?, ?)");
  for (const r of roles) ins.run(userId, r.role, r.district_code);
}

export function countUsersWithRole(db: Db, role: string): number {
  return (
    db.sqlite
      .prepare(
        "SELECT count(*) AS n FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.role = ? AND u.status = 'active'",
      )
      .get(role) as { n: number }
  ).n;
}

/** Active users holding one of these roles, with each role's district scope (null: city-wide). */
export function activeUsersWithRoles(db: Db, roles: string[]): { user_id: number; district_code: string | null }[] {
  if (roles.length === 0) return [];
  return db.sqlite
    .prepare(
      `SELECT r.user_id, r.district_code FROM user_roles r JOIN users u ON u.id = r.user_id
       WHERE r.role IN (${roles.map(() => "?").join(", ")}) AND u.status = 'active' ORDER BY r.user_id`,
    )
    .all(...roles) as { user_id: number; district_code: string | null }[];
}

export type UserFilter = {
  q?: string;
  role?: string;
  /** Six-digit district: an official scoped to it (or beneath it), or an accepted member of an organisation in it. */
  district?: string;
} & (
  | {
      /** "active" / "disabled" are the account's status; "locked" means locked out by failed sign-ins at `now`. */
      status?: string;
      /** The clock's time (ms) a lock-out is compared with: a filter by status always carries it, never the machine's. */
      now: number;
    }
  | { status?: undefined; now?: undefined }
);

export function listUsers(db: Db, f: UserFilter, limit: number, offset: number): { total: number; rows: UserRow[] } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, p: Record<string, unknown>) => {
    clauses.push(clause);
    Object.assign(params, p);
  };
  if (f.q)
    add("(u.username LIKE @q ESCAPE '\\' OR u.display_name LIKE @q ESCAPE '\\')", {
      q: `%${f.q.replace(/[\\%_]/g, "\\$&")}%`,
    });
  if (f.role) add("EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = @role)", { role: f.role });
  if (f.status === "locked")
    add("EXISTS (SELECT 1 FROM signin_failures sf WHERE sf.username = u.username AND sf.locked_until > @now)", {
      now: f.now,
    });
  else if (f.status) add("u.status = @status", { status: f.status });
  if (f.district)
    add(
      `(EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND substr(r.district_code, 1, 6) = @district)
        OR EXISTS (SELECT 1 FROM org_members m JOIN orgs o ON o.id = m.org_id
                   WHERE m.user_id = u.id AND substr(o.district_code, 1, 6) = @district))`,
      { district: f.district },
    );
  const where = clauses.length ? `WHERE ${clauses.join(" AND ")}` : "";
  const total = (db.sqlite.prepare(`SELECT count(*) AS n FROM users u ${where}`).get(params) as { n: number }).n;
  const rows = db.sqlite
    .prepare(`SELECT u.* FROM users u ${where} ORDER BY u.id LIMIT ${Math.floor(limit)} OFFSET ${Math.floor(offset)}`)
    .all(params) as UserRow[];
  return { total, rows };
}
