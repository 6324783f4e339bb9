import { type Kysely, sql } from "kysely";

/**
 * E-mail, consultation, appointments and ratings (issue #17 items 4 and 5).
 * - `mail_outbox`: every e-mail is a row first; the sender marks it sent only after the SMTP server accepted it.
 *   Addresses are encrypted with the personal-data key (`to_enc`) and kept masked beside (`to_mask`) for views/logs.
 * - `mail_settings` / `mail_preferences`: a user's own address (encrypted), language, and on/off per kind.
 * - `consultations`: questions (咨询) from the public or signed-in users, routed, with a working-day deadline.
 * - `service_windows`, `appointment_slots`, `appointments`: bookable slots with a capacity.
 * - `service_ratings`: 好差评, one per consultation, appointment or closed case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer") // null: an address not tied to an account (a public asker)
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('case','consultation','appointment','alert')`))
    .addColumn("to_enc", "text", (c) => c.notNull())
    .addColumn("to_mask", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("dedupe_key", "text", (c) => c.unique()) // one reminder per appointment, etc.
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending','sent','failed','unconfigured')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "integer", (c) => c.notNull())
    .addColumn("claimed_until", "integer") // a sender's lease: another sender leaves the row alone until then
    .addColumn("last_error", "text")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("sent_at", "integer")
    .execute();
  await db.schema.createIndex("mail_outbox_due").on("mail_outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema
    .createTable("mail_settings")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id"))
    .addColumn("email_enc", "text")
    .addColumn("email_mask", "text")
    .addColumn("language", "text", (c) => c.notNull().defaultTo("zh").check(sql`language in ('zh','en')`))
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("mail_preferences")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('case','consultation','appointment','alert')`))
    .addColumn("enabled", "integer", (c) => c.notNull().check(sql`enabled in (0,1)`))
    .addPrimaryKeyConstraint("mail_preferences_pk", ["user_id", "kind"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["mail_preferences", "mail_settings", "mail_outbox"]) await db.schema.dropTable(t).execute();
}
