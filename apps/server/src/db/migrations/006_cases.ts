import type { Kysely } from "kysely";

/**
 * The case engine: cases of every type, their timeline (transitions, comments, assignments, attachments, deadline
 * events), assignees, attachments (files under ZHICHAN_HOME/attachments, checksummed), in-app notifications, and the
 * per-type tables: registered pledges (read by the plan dashboard), experts and their audited draws.
 * Times are epoch milliseconds from the injected clock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("cases")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("ref", "text", (c) => c.notNull().unique()) // ZC-2026-000001
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("applicant_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("applicant_name", "text", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.references("orgs.id"))
    .addColumn("org_name", "text")
    .addColumn("district_code", "text")
    // the other side of a two-party case (a listing's owner for an enquiry): its user and organisation
    .addColumn("counterparty_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("counterparty_org_id", "integer", (c) => c.references("orgs.id"))
    .addColumn("form_json", "text", (c) => c.notNull())
    .addColumn("checks_json", "text") // eligibility, routing and other derived facts shown to officials
    .addColumn("patent_id", "integer")
    .addColumn("state_entered_at", "integer", (c) => c.notNull())
    .addColumn("overdue_flagged_at", "integer")
    .addColumn("escalated_at", "integer")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cases_type_state").on("cases").columns(["type", "state"]).execute();
  await db.schema.createIndex("cases_applicant").on("cases").columns(["applicant_user_id", "id"]).execute();
  await db.schema.createIndex("cases_org").on("cases").columns(["org_id", "id"]).execute();
  await db.schema.createIndex("cases_district").on("cases").columns(["district_code", "state"]).execute();

  await db.schema
    .createTable("case_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("at", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "integer")
    .addColumn("actor_name", "text")
    .addColumn("transition", "text")
    .addColumn("from_state", "text")
    .addColumn("to_state", "text")
    .addColumn("body", "text")
    .addColumn("internal", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("details_json", "text")
    .execute();
  await db.schema.createIndex("case_events_case").on("case_events").columns(["case_id", "id"]).execute();

  await db.schema
    .createTable("case_assignees")
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("assigned_at", "integer", (c) => c.notNull())
    .addColumn("assigned_by", "integer")
    .addPrimaryKeyConstraint("case_assignees_pk", ["case_id", "user_id"])
    .execute();
  await db.schema.createIndex("case_assignees_user").on("case_assignees").column("user_id").execute();

  await db.schema
    .createTable("case_attachments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_name", "text", (c) => c.notNull()) // relative to ZHICHAN_HOME/attachments
    .addColumn("uploaded_by", "integer")
    .addColumn("uploaded_by_name", "text")
    .addColumn("uploaded_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("case_attachments_case").on("case_attachments").column("case_id").execute();

  await db.schema
    .createTable("case_notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("recipient_user_id", "integer") // null = the office's shared inbox
    .addColumn("recipient_party", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("at", "integer", (c) => c.notNull())
    .addColumn("read_at", "integer")
    .execute();
  await db.schema
    .createIndex("case_notifications_user")
    .on("case_notifications")
    .columns(["recipient_user_id", "id"])
    .execute();

  await db.schema
    .createTable("pledge_registrations")
    .addColumn("case_id", "integer", (c) => c.primaryKey().references("cases.id"))
    .addColumn("registration_no", "text", (c) => c.notNull())
    .addColumn("registered_on", "text", (c) => c.notNull()) // YYYY-MM-DD
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("amount_yuan", "integer", (c) => c.notNull())
    .addColumn("district_code", "text")
    .addColumn("pledgor", "text", (c) => c.notNull())
    .addColumn("bank", "text", (c) => c.notNull())
    .addColumn("term_months", "integer", (c) => c.notNull())
    .addColumn("patents_json", "text", (c) => c.notNull())
    .addColumn("released_at", "integer")
    .execute();
  await db.schema
    .createIndex("pledge_registrations_year")
    .on("pledge_registrations")
    .columns(["year", "district_code"])
    .execute();

  await db.schema
    .createTable("training_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull()) // YYYY-MM-DD
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("created_by", "integer")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("training_enrolments")
    .addColumn("event_id", "integer", (c) => c.notNull().references("training_events.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("org_name", "text")
    .addColumn("enrolled_at", "integer", (c) => c.notNull())
    .addColumn("attended", "integer") // null = not recorded, 1 = attended, 0 = absent
    .addPrimaryKeyConstraint("training_enrolments_pk", ["event_id", "user_id"])
    .execute();

  await db.schema
    .createTable("case_experts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("org_name", "text")
    .addColumn("fields_json", "text", (c) => c.notNull())
    .addColumn("conflicts_json", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("user_id", "integer")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("expert_draws")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("at", "integer", (c) => c.notNull())
    .addColumn("actor_id", "integer")
    .addColumn("case_id", "integer")
    .addColumn("seed", "integer", (c) => c.notNull())
    .addColumn("request_json", "text", (c) => c.notNull())
    .addColumn("drawn_json", "text", (c) => c.notNull())
    .addColumn("excluded_json", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "expert_draws",
    "training_enrolments",
    "training_events",
    "case_experts",
    "pledge_registrations",
    "case_notifications",
    "case_attachments",
    "case_assignees",
    "case_events",
    "cases",
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
