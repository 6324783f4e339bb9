import { type Kysely, sql } from "kysely";

/**
 * Accounts, roles, organisations, server-side sessions, sign-in lockout, the one-time setup code and the
 * hash-chained audit log. Times are epoch milliseconds from the injected clock. Personal data is stored only
 * encrypted (…_enc, AES-256-GCM) beside a display mask and, for ID numbers, a keyed hash for uniqueness.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("password_changed_at", "integer", (c) => c.notNull())
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active")) // active | disabled
    .addColumn("totp_secret_enc", "text")
    .addColumn("totp_enabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("totp_last_counter", "integer") // the last accepted time step: a code is never accepted twice
    .addColumn("phone_enc", "text")
    .addColumn("phone_mask", "text")
    .addColumn("id_number_enc", "text")
    .addColumn("id_number_mask", "text")
    .addColumn("id_number_hmac", "text", (c) => c.unique())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("last_signin_at", "integer")
    .execute();

  await db.schema
    .createTable("password_history")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("password_history_user")
    .on("password_history")
    .columns(["user_id", "created_at"])
    .execute();

  await db.schema
    .createTable("user_roles")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("district_code", "text") // officials: null = city-wide
    .addPrimaryKeyConstraint("user_roles_pk", ["user_id", "role"])
    .execute();

  await db.schema
    .createTable("orgs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull()) // enterprise | agency
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull().unique()) // 统一社会信用代码
    .addColumn("district_code", "text")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("org_members")
    .addColumn("org_id", "integer", (c) => c.notNull().references("orgs.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("org_role", "text", (c) => c.notNull()) // owner | member
    .addPrimaryKeyConstraint("org_members_pk", ["org_id", "user_id"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey()) // SHA-256 of the cookie value; the value itself is never stored
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("last_seen_at", "integer", (c) => c.notNull())
    .addColumn("absolute_expires_at", "integer", (c) => c.notNull())
    .addColumn("totp_verified", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("ended_at", "integer")
    .addColumn("end_reason", "text")
    .addColumn("ip", "text")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("signin_failures")
    .addColumn("username", "text", (c) => c.primaryKey()) // known or not: lockout answers the same either way
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("last_failed_at", "integer", (c) => c.notNull())
    .addColumn("locked_until", "integer")
    .execute();

  await db.schema
    .createTable("setup_codes")
    .addColumn("code_hash", "text", (c) => c.primaryKey())
    .addColumn("role", "text", (c) => c.notNull()) // the administrator role the code creates
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("expires_at", "integer", (c) => c.notNull())
    .addColumn("used_at", "integer")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("at", "integer", (c) => c.notNull())
    .addColumn("actor_id", "integer")
    .addColumn("actor_name", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text")
    .addColumn("outcome", "text", (c) => c.notNull()) // success | failure | denied
    .addColumn("ip", "text")
    .addColumn("details_json", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
  await db.schema.createIndex("audit_log_action").on("audit_log").columns(["action", "seq"]).execute();
  // Append-only: the database itself refuses edits and deletions (retention: kept for good, ≥ 180 days).
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "audit_log",
    "setup_codes",
    "signin_failures",
    "sessions",
    "org_members",
    "orgs",
    "user_roles",
    "password_history",
    "users",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
