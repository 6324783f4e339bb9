import type { Kysely } from "kysely";

/**
 * Plan figures that hold and supervision decisions on record (issue #17 items 7 and 8):
 * - `qualification_dates` on registry records: {code: YYYY-MM-DD} the day each qualification took effect, so a brand
 *   granted today counts from today. A qualification without a date counts from the day the record was entered.
 * - a baseline value and date per plan target: pace runs from it (e.g. the agencies there were at the end of 2022).
 * - `pledge_register`: pledge registrations made outside the platform's pledge cases (entered by an official or
 *   imported from a bank's or CNIPA's registration list); the plan's pledge figure adds them to the cases'.
 * - `override_reason` on brand applications: why an agency graded C or D, or with an open serious violation, was
 *   approved all the same (required for such approvals, and audited).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ["registry_orgs", "registry_people"])
    await db.schema
      .alterTable(table)
      .addColumn("qualification_dates", "text", (c) => c.notNull().defaultTo("{}"))
      .execute();
  await db.schema.alterTable("plan_targets").addColumn("baseline_value", "real").execute();
  await db.schema.alterTable("plan_targets").addColumn("baseline_date", "text").execute();
  await db.schema.alterTable("brand_applications").addColumn("override_reason", "text").execute();
  await db.schema
    .createTable("pledge_register")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("registration_no", "text", (c) => c.notNull().unique()) // 质押登记号
    .addColumn("registered_on", "text", (c) => c.notNull()) // YYYY-MM-DD, 登记（生效）日
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("amount_yuan", "integer") // null: the registration list gave no amount (CNIPA's gazette gives none)
    .addColumn("district_code", "text")
    .addColumn("pledgor", "text", (c) => c.notNull()) // 出质人
    .addColumn("pledgee", "text", (c) => c.notNull()) // 质权人
    .addColumn("patents_json", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull()) // form | import:bank | import:cnipa
    .addColumn("file_name", "text")
    .addColumn("recorded_by", "text")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("pledge_register_year")
    .on("pledge_register")
    .columns(["year", "district_code"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("pledge_register").execute();
  await db.schema.alterTable("brand_applications").dropColumn("override_reason").execute();
  await db.schema.alterTable("plan_targets").dropColumn("baseline_date").execute();
  await db.schema.alterTable("plan_targets").dropColumn("baseline_value").execute();
  for (const table of ["registry_people", "registry_orgs"])
    await db.schema.alterTable(table).dropColumn("qualification_dates").execute();
}
