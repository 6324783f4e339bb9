import { type Kysely, sql } from "kysely";

/**
 * Updates with provenance (issue #14 item 4).
 * - `patent_field_sources`: which source and import run gave a patent's current value of a field group. A new patent
 *   gets one row, field '*' (every field came from that run); an update adds a row only for the groups it changed,
 *   so a 100k-row import writes one extra row per new patent and a few per updated one, never one per field.
 * - `patent_events`: dated history of a patent (legal-status changes), from/to with the raw texts, source and run.
 * - `import_runs`: the run's authority ('official' outranks 'vendor' for bibliographic fields), its as-of date (the
 *   export's date, else the run's start) and its cumulative counts (new/updated/unchanged, per-field changes and
 *   conflicts), saved with each batch so a resumed run still reports the whole file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE patent_field_sources (
    patent_id INTEGER NOT NULL REFERENCES patents(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    source TEXT NOT NULL,
    run_id INTEGER,
    authority TEXT NOT NULL,
    as_of TEXT NOT NULL,
    PRIMARY KEY (patent_id, field)
  ) WITHOUT ROWID`.execute(db);
  await db.schema
    .createTable("patent_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("patent_id", "integer", (c) => c.notNull().references("patents.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("event_date", "text", (c) => c.notNull())
    .addColumn("from_value", "text")
    .addColumn("to_value", "text")
    .addColumn("from_raw", "text")
    .addColumn("to_raw", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("run_id", "integer")
    .execute();
  await db.schema
    .createIndex("patent_events_patent")
    .on("patent_events")
    .columns(["patent_id", "event_date"])
    .execute();
  await db.schema
    .alterTable("import_runs")
    .addColumn("authority", "text", (c) => c.notNull().defaultTo("vendor"))
    .execute();
  await db.schema.alterTable("import_runs").addColumn("as_of", "text").execute();
  await db.schema.alterTable("import_runs").addColumn("counts_json", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("patent_events").execute();
  await db.schema.dropTable("patent_field_sources").execute();
  for (const c of ["authority", "as_of", "counts_json"])
    await db.schema.alterTable("import_runs").dropColumn(c).execute();
}
