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
  await consultations(db);
  await appointments(db);
  await db.schema
    .createTable("service_ratings")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("subject_kind", "text", (c) =>
      c.notNull().check(sql`subject_kind in ('consultation','appointment','case')`),
    )
    .addColumn("subject_id", "integer", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("users.id")) // null: a public asker, by their token
    .addColumn("score", "integer", (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn("comment", "text")
    .addColumn("service_key", "text", (c) => c.notNull()) // consultation:<topic> | appointment | case:<type>
    .addColumn("window_id", "integer", (c) => c.references("service_windows.id"))
    .addColumn("district_code", "text")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addUniqueConstraint("service_ratings_once", ["subject_kind", "subject_id"])
    .execute();
}

const TOPICS = sql`topic in ('patent','trademark','copyright','protection','operations','talent','other')`;

async function consultations(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("consultations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("token_hash", "text", (c) => c.notNull().unique()) // looks up the asker's private link
    .addColumn("token_enc", "text", (c) => c.notNull()) // the link itself, encrypted: the answer e-mail carries it
    .addColumn("asker_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("asker_name", "text", (c) => c.notNull())
    .addColumn("contact_kind", "text", (c) => c.check(sql`contact_kind in ('email','phone')`))
    .addColumn("contact_enc", "text")
    .addColumn("contact_mask", "text")
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('zh','en')`))
    .addColumn("topic", "text", (c) => c.notNull().check(TOPICS))
    .addColumn("district_code", "text")
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("routed_kind", "text", (c) => c.notNull().check(sql`routed_kind in ('office','workstation','agency')`))
    .addColumn("routed_org_id", "integer") // registry_orgs.id of the workstation or agency
    .addColumn("routed_name", "text")
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open','answered')`))
    .addColumn("due_at", "integer", (c) => c.notNull())
    .addColumn("overdue_at", "integer")
    .addColumn("escalated_at", "integer")
    .addColumn("answer", "text")
    .addColumn("answered_by", "integer")
    .addColumn("answered_by_name", "text")
    .addColumn("answered_at", "integer")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("consultations_open").on("consultations").columns(["status", "due_at"]).execute();
}

async function appointments(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("service_windows")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text")
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('window','workstation')`))
    .addColumn("district_code", "text")
    .addColumn("address", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1).check(sql`active in (0,1)`))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("appointment_slots")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("window_id", "integer", (c) => c.notNull().references("service_windows.id"))
    .addColumn("date", "text", (c) => c.notNull()) // YYYY-MM-DD, China Standard Time
    .addColumn("start_time", "text", (c) => c.notNull()) // HH:MM
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity between 1 and 500`))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addUniqueConstraint("appointment_slots_once", ["window_id", "date", "start_time"])
    .execute();
  await db.schema
    .createTable("appointments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slot_id", "integer", (c) => c.notNull().references("appointment_slots.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('booked','cancelled')`))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("cancelled_at", "integer")
    .addColumn("reminded_at", "integer")
    .execute();
  // one live booking per person and slot
  await sql`CREATE UNIQUE INDEX appointments_one_live ON appointments (slot_id, user_id) WHERE status = 'booked'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "service_ratings",
    "appointments",
    "appointment_slots",
    "service_windows",
    "consultations",
    "mail_preferences",
    "mail_settings",
    "mail_outbox",
  ])
    await db.schema.dropTable(t).execute();
}
