import { type Kysely, sql } from "kysely";

/**
 * Consent and second approval for the ways into an organisation or an administrator account:
 * - org_invitations: an owner invites a username; nobody joins until that user accepts (issue #13, forced membership).
 *   Invitations are kept by username, existing or not, so inviting answers the same either way.
 * - org_claims: registering with an already-known credit code (USCC) claims that organisation; the claim gives no
 *   access until an official or the organisation's owner approves it (issue #13, impersonation).
 * - admin_requests: creating an administrator or changing one's status waits for a second administrator (三员分立).
 * org_members keeps holding accepted members only, so every reader of it sees accepted memberships alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("org_invitations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("org_id", "integer", (c) => c.notNull().references("orgs.id"))
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("invited_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // pending | accepted | declined | cancelled
    .addColumn("decided_at", "integer")
    .execute();
  await sql`CREATE UNIQUE INDEX org_invitations_pending ON org_invitations (org_id, username) WHERE status = 'pending'`.execute(
    db,
  );
  await db.schema
    .createIndex("org_invitations_username")
    .on("org_invitations")
    .columns(["username", "status"])
    .execute();

  await db.schema
    .createTable("org_claims")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("org_id", "integer", (c) => c.notNull().references("orgs.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // pending | approved | rejected
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "integer")
    .addColumn("reason", "text")
    .execute();
  await db.schema.createIndex("org_claims_org").on("org_claims").columns(["org_id", "status"]).execute();
  await db.schema.createIndex("org_claims_user").on("org_claims").column("user_id").execute();

  await db.schema
    .createTable("admin_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull()) // create | status
    .addColumn("target_user_id", "integer", (c) => c.references("users.id")) // null until a created account exists
    .addColumn("summary_json", "text", (c) => c.notNull()) // what the approver sees: username, role, new status
    .addColumn("payload_json", "text") // create: the prepared account row (hash and encrypted data only); cleared once decided
    .addColumn("requested_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("requested_at", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // pending | approved | rejected
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "integer")
    .addColumn("reason", "text")
    .execute();
  await db.schema.createIndex("admin_requests_status").on("admin_requests").columns(["status", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["admin_requests", "org_claims", "org_invitations"])
    await db.schema.dropTable(t).ifExists().execute();
}
