import type { Kysely } from "kysely";

/**
 * Industry thematic databases (saved definitions whose live set is a search) and patent navigation reports
 * (run as durable jobs in `jobs`; the report keeps its parameters, data snapshot and computed data).
 * The 40 built-in SEI definitions are seeded at start-up once the reference tables are loaded
 * (modules/industries/industries.seed.ts), because the first-start import fills sei_categories after migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("industries")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sei_code", "text") // null for a custom industry without an SEI code
    .addColumn("ipc_prefixes_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("keywords_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("exclusions_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("builtin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("industries_sei").on("industries").column("sei_code").execute();

  await db.schema
    .createTable("reports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("job_id", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("params_json", "text", (c) => c.notNull())
    .addColumn("strategy_json", "text")
    .addColumn("data_json", "text")
    .addColumn("snapshot_seq", "integer")
    .addColumn("snapshot_at", "text")
    .addColumn("took_ms", "real")
    .addColumn("created_by", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("reports_job").on("reports").column("job_id").execute();
  await db.schema.createIndex("jobs_status").on("jobs").columns(["status", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("jobs_status").execute();
  await db.schema.dropTable("reports").execute();
  await db.schema.dropTable("industries").execute();
}
