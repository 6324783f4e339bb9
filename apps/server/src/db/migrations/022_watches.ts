import { type Kysely, sql } from "kysely";

/**
 * Saved searches, search history, watches and alerts (issue #16 item 3, 专利预警):
 * - `saved_searches`: a user's named query (the query text carries every filter clause the search page added) and
 *   its count unit; `params_json` keeps the page's other settings (sort).
 * - `search_history`: a user's recent queries, server-side; the service keeps the newest 50 per user.
 * - `watches`: what a user follows — a saved search (new hits), a patent or an applicant entity (legal-status
 *   events); exactly the column of its kind is set.
 * - `alerts`: what the watches found, one row per watch and import run and kind (the batches of one run add to it),
 *   plus one daily digest per user and day; `read_at` is the user's own (an alert has one reader).
 * - `alert_records`: exactly the records an alert lists (and the history event that caused it; 0 for a new hit).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("saved_searches")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("q", "text", (c) => c.notNull())
    .addColumn("group_by", "text", (c) => c.notNull().check(sql`group_by IN ('publication', 'invention')`))
    .addColumn("params_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("saved_searches_user").on("saved_searches").columns(["user_id", "id"]).execute();

  await db.schema
    .createTable("search_history")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("q", "text", (c) => c.notNull())
    .addColumn("group_by", "text", (c) => c.notNull().check(sql`group_by IN ('publication', 'invention')`))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("search_history_user").on("search_history").columns(["user_id", "id"]).execute();

  await db.schema
    .createTable("watches")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('search', 'patent', 'applicant')`))
    .addColumn("saved_search_id", "integer", (c) => c.references("saved_searches.id").onDelete("cascade"))
    .addColumn("patent_id", "integer", (c) => c.references("patents.id"))
    .addColumn("applicant_id", "integer", (c) => c.references("applicants.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "watches_one_target",
      sql`(kind = 'search' AND saved_search_id IS NOT NULL AND patent_id IS NULL AND applicant_id IS NULL)
       OR (kind = 'patent' AND patent_id IS NOT NULL AND saved_search_id IS NULL AND applicant_id IS NULL)
       OR (kind = 'applicant' AND applicant_id IS NOT NULL AND saved_search_id IS NULL AND patent_id IS NULL)`,
    )
    .execute();
  await sql`CREATE UNIQUE INDEX watches_target ON watches
    (user_id, kind, coalesce(saved_search_id, 0), coalesce(patent_id, 0), coalesce(applicant_id, 0))`.execute(db);
  await db.schema.createIndex("watches_patent").on("watches").column("patent_id").execute();
  await db.schema.createIndex("watches_applicant").on("watches").column("applicant_id").execute();

  await db.schema
    .createTable("alerts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("watch_id", "integer", (c) => c.references("watches.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('new_hits', 'legal_events', 'digest')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("run_id", "integer")
    .addColumn("digest_day", "text")
    .addColumn("record_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("alerts_user").on("alerts").columns(["user_id", "id"]).execute();
  await sql`CREATE UNIQUE INDEX alerts_watch_run ON alerts (watch_id, run_id, kind) WHERE kind <> 'digest'`.execute(db);
  await sql`CREATE UNIQUE INDEX alerts_digest_day ON alerts (user_id, digest_day) WHERE kind = 'digest'`.execute(db);

  await db.schema
    .createTable("alert_records")
    .addColumn("alert_id", "integer", (c) => c.notNull().references("alerts.id").onDelete("cascade"))
    .addColumn("patent_id", "integer", (c) => c.notNull().references("patents.id"))
    .addColumn("event_id", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("alert_records_pk", ["alert_id", "patent_id", "event_id"])
    .execute();
  await db.schema.createIndex("alert_records_patent").on("alert_records").column("patent_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["alert_records", "alerts", "watches", "search_history", "saved_searches"])
    await db.schema.dropTable(t).ifExists().execute();
}
