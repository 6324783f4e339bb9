import { type Kysely, sql } from "kysely";

/**
 * Patent import in the web app (issue #14 item 1, modules/imports/web/).
 * - `import_uploads`: a file an official uploaded, staged under ZHICHAN_HOME/import-uploads/<id> (content kind by
 *   magic bytes, sha256 of the bytes as sent). The staged file goes once its import is done, or when an upload was
 *   never started (swept after a day); the row stays as the record of who sent what.
 * - `import_profiles`: named column mappings (header → field or null), applied at preview or start.
 * - `import_jobs`: one row per web import, keyed by its durable job (`jobs.id`): what to import with which options,
 *   the run it became (`import_runs.id`) and its progress in rows (jobs.progress holds the fraction).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("import_uploads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("gzipped", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("staged", "integer", (c) => c.notNull().defaultTo(1)) // 0 once the staged file is deleted
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("import_profiles")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("mapping_json", "text", (c) => c.notNull())
    .addColumn("layout", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await sql`CREATE TABLE import_jobs (
    job_id INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
    upload_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source TEXT NOT NULL,
    authority TEXT NOT NULL,
    export_date TEXT,
    force INTEGER NOT NULL DEFAULT 0,
    mapping_json TEXT NOT NULL,
    profile_id INTEGER,
    run_id INTEGER,
    rows_done INTEGER NOT NULL DEFAULT 0,
    rows_total INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
  )`.execute(db);
  await db.schema.createIndex("import_jobs_upload").on("import_jobs").column("upload_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("import_jobs").execute();
  await db.schema.dropTable("import_profiles").execute();
  await db.schema.dropTable("import_uploads").execute();
}
