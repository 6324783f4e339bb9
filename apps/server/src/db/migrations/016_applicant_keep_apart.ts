import { type Kysely, sql } from "kysely";

/**
 * "Keep apart" decisions on applicant entities (issue #14 item 6): when an official splits spellings off an entity,
 * the two entities are recorded here so the automatic linker (norm_key, same_publication, same_application,
 * vendor_standard_name) never merges them back, directly or through a third entity. An official's later merge of
 * the two lifts the decision (lifted_at/lifted_by, the row stays as history). Ids are the entities at the time of
 * the split; readers follow merged_into to the live entities.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE applicant_keep_apart (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    a_id INTEGER NOT NULL REFERENCES applicants(id),
    b_id INTEGER NOT NULL REFERENCES applicants(id),
    reason TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER,
    lifted_at TEXT,
    lifted_by INTEGER
  )`.execute(db);
  await db.schema.createIndex("applicant_keep_apart_a").on("applicant_keep_apart").column("a_id").execute();
  await db.schema.createIndex("applicant_keep_apart_b").on("applicant_keep_apart").column("b_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE applicant_keep_apart`.execute(db);
}
