import { type Kysely, sql } from "kysely";

/**
 * The system of record. Every normalised column keeps its raw source value beside it (…_raw), because
 * vocabularies differ by source and officials must be able to see what the source actually said.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("patents")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("pub_no", "text", (c) => c.notNull().unique()) // CN112345678A, US2020123456A1 …
    .addColumn("app_no", "text")
    .addColumn("country", "text", (c) => c.notNull()) // CN, US, EP, WO … from the publication number
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("abstract", "text")
    .addColumn("claims", "text")
    .addColumn("applicants_raw", "text")
    .addColumn("inventors", "text") // ';'-separated
    .addColumn("app_date", "text") // YYYY-MM-DD
    .addColumn("pub_date", "text")
    .addColumn("grant_date", "text")
    .addColumn("app_year", "integer")
    .addColumn("type", "text", (c) => c.notNull()) // PatentType
    .addColumn("type_raw", "text")
    .addColumn("status", "text", (c) => c.notNull()) // LegalStatus
    .addColumn("status_raw", "text")
    .addColumn("ipc_main", "text") // canonical, e.g. H01M10/0525
    .addColumn("ipc_all", "text") // canonical, ';'-separated, main first
    .addColumn("ipc_raw", "text")
    .addColumn("province_code", "text")
    .addColumn("city_code", "text")
    .addColumn("district_code", "text")
    .addColumn("region_raw", "text") // province/city/district text as the source wrote it
    .addColumn("applicant_address", "text")
    .addColumn("agency", "text")
    .addColumn("agent", "text")
    .addColumn("sei_codes", "text") // ';'-separated SEI codes, e.g. 1.2;5.1
    .addColumn("sei_raw", "text")
    .addColumn("nic_raw", "text")
    .addColumn("claims_count", "integer")
    .addColumn("cited_by_count", "integer")
    .addColumn("sources", "text", (c) => c.notNull()) // ';'-separated source tags that contributed to the row
    .addColumn("extra_json", "text") // source fields with no column of their own (e.g. the 61-field CNIPA schema)
    .addColumn("updated_seq", "integer", (c) => c.notNull().defaultTo(0)) // bumped on every write; the index follows it
    .execute();
  await db.schema.createIndex("patents_app_no").on("patents").column("app_no").execute();
  await db.schema.createIndex("patents_updated_seq").on("patents").column("updated_seq").execute();

  await db.schema
    .createTable("applicants")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull()) // display name: the most frequent spelling
    .addColumn("norm_key", "text", (c) => c.notNull().unique()) // normalised key: one entity per key
    .addColumn("kind", "text", (c) => c.notNull()) // company | university | institute | individual | other
    .addColumn("region_code", "text")
    .execute();
  await db.schema
    .createTable("applicant_aliases")
    .addColumn("alias", "text", (c) => c.primaryKey())
    .addColumn("applicant_id", "integer", (c) => c.notNull().references("applicants.id"))
    .execute();
  await db.schema
    .createTable("patent_applicants")
    .addColumn("patent_id", "integer", (c) => c.notNull().references("patents.id").onDelete("cascade"))
    .addColumn("applicant_id", "integer", (c) => c.notNull().references("applicants.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("patent_applicants_pk", ["patent_id", "position"])
    .execute();
  await db.schema.createIndex("patent_applicants_applicant").on("patent_applicants").column("applicant_id").execute();

  await db.schema
    .createTable("ipc_codes")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("parent", "text")
    .addColumn("title_zh", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sei_categories")
    .addColumn("sei_code", "text", (c) => c.primaryKey())
    .addColumn("sei_name", "text", (c) => c.notNull())
    .addColumn("major_code", "text", (c) => c.notNull())
    .addColumn("major_name", "text", (c) => c.notNull())
    .addColumn("rule_ids", "text")
    .execute();
  await db.schema
    .createTable("ipc_sei_observed")
    .addColumn("ipc_group", "text", (c) => c.notNull())
    .addColumn("sei_code", "text", (c) => c.notNull())
    .addColumn("n_records", "integer", (c) => c.notNull())
    .addColumn("n_group", "integer", (c) => c.notNull())
    .addColumn("share", "real", (c) => c.notNull())
    .addPrimaryKeyConstraint("ipc_sei_observed_pk", ["ipc_group", "sei_code"])
    .execute();
  await db.schema
    .createTable("wipo_fields")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("field_number", "integer", (c) => c.notNull())
    .addColumn("sector_en", "text", (c) => c.notNull())
    .addColumn("field_en", "text", (c) => c.notNull())
    .addColumn("ipc_pattern", "text", (c) => c.notNull()) // SQL LIKE pattern as WIPO publishes it, e.g. G06F%
    .execute();
  await db.schema
    .createTable("divisions")
    .addColumn("code", "text", (c) => c.primaryKey()) // 2-digit province, 4-digit city, 6-digit county, 9-digit township
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull()) // province | city | county | township
    .addColumn("parent_code", "text")
    .execute();
  await db.schema.createIndex("divisions_name").on("divisions").column("name").execute();
  await db.schema
    .createTable("geo_shapes")
    .addColumn("name", "text", (c) => c.primaryKey()) // zhengzhou_districts | henan_cities
    .addColumn("geojson", "text", (c) => c.notNull())
    .execute();

  // Import bookkeeping: a run per file; a batch row is written in the same transaction as its patents, so a
  // kill -9 loses no committed batch and a re-run resumes after the last committed one.
  await db.schema
    .createTable("import_runs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("source", "text", (c) => c.notNull()) // source tag
    .addColumn("file", "text", (c) => c.notNull())
    .addColumn("file_sha256", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // running | done | failed
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("rows_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rows_ok", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rows_bad", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("batches_done", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("import_errors")
    .addColumn("run_id", "integer", (c) => c.notNull().references("import_runs.id").onDelete("cascade"))
    .addColumn("row_number", "integer", (c) => c.notNull()) // 1-based data row (header is row 0)
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("raw", "text")
    .addPrimaryKeyConstraint("import_errors_pk", ["run_id", "row_number"])
    .execute();

  // Durable jobs with progress (imports, long reports); survive a restart.
  await db.schema
    .createTable("jobs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("params_json", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // queued | running | done | failed
    .addColumn("progress", "real", (c) => c.notNull().defaultTo(0)) // 0..1
    .addColumn("message", "text")
    .addColumn("result_json", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await sql`select 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "meta",
    "jobs",
    "import_errors",
    "import_runs",
    "geo_shapes",
    "divisions",
    "wipo_fields",
    "ipc_sei_observed",
    "sei_categories",
    "ipc_codes",
    "patent_applicants",
    "applicant_aliases",
    "applicants",
    "patents",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
