import { type Kysely, sql } from "kysely";

/**
 * Applicants as entities and regions with their rule (issue #14 items 6 and 8).
 * - `applicants.merged_into`: an entity absorbed into another keeps its row (and its norm_key, so later imports of the
 *   same spelling land on the survivor) but points at the survivor; its links and aliases move there.
 * - `applicant_merges`: every merge with the rule that made it ('norm_key', 'same_publication', 'same_application',
 *   'vendor_standard_name', 'official') and its evidence as JSON (publication numbers, names, counts), who made it.
 * - `patents.region_rule` / `applicants.region_rule`: which rule gave the region ('cnipa_code', 'fields', 'address',
 *   'org_name'); the raw values stay in region_raw / applicant_address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("applicants").addColumn("merged_into", "integer").execute();
  await db.schema.alterTable("applicants").addColumn("region_rule", "text").execute();
  await db.schema.alterTable("patents").addColumn("region_rule", "text").execute();
  await sql`CREATE TABLE applicant_merges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    survivor_id INTEGER NOT NULL REFERENCES applicants(id),
    absorbed_id INTEGER NOT NULL REFERENCES applicants(id),
    rule TEXT NOT NULL,
    evidence_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER
  )`.execute(db);
  await db.schema.createIndex("applicant_merges_survivor").on("applicant_merges").column("survivor_id").execute();
  await db.schema.createIndex("applicant_merges_absorbed").on("applicant_merges").column("absorbed_id").execute();
  // Existing rows: the only region rules before this migration were the fields/address/国省代码 ones.
  await sql`UPDATE patents SET region_rule = 'fields' WHERE province_code IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE applicant_merges`.execute(db);
  await db.schema.alterTable("patents").dropColumn("region_rule").execute();
  await db.schema.alterTable("applicants").dropColumn("region_rule").execute();
  await db.schema.alterTable("applicants").dropColumn("merged_into").execute();
}
