import { type Kysely, sql } from "kysely";

/**
 * What the office publishes (issue #17 items 1 and 2):
 * - `content_items`: notices, policies and news. `body_html` is stored already sanitised (never the raw input),
 *   `body_text` is its plain text for search. The public sees an item only when it is published and the clock is
 *   inside [publish_at, unpublish_at) (epoch ms; null = open-ended).
 * - `service_guides`: the 办事指南 of each case type (materials, eligibility, legal basis, time limits, fees, FAQs).
 * - `content_files`: attachments of an item and downloadable templates of a guide (bytes in ZHICHAN_HOME/content-files,
 *   named by SHA-256 like the case attachments).
 * - `directory_listings`: what each registry record publishes in the public directories (none until an official
 *   lists it) and which of its public fields.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("content_items")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('notice', 'policy', 'news')`))
    .addColumn("category", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0).check(sql`published IN (0, 1)`))
    .addColumn("publish_at", "integer")
    .addColumn("unpublish_at", "integer")
    .addColumn("created_by", "integer")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("updated_by", "integer")
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("content_items_public").on("content_items").columns(["published", "kind"]).execute();
  await db.schema
    .createTable("service_guides")
    .addColumn("case_type", "text", (c) => c.primaryKey())
    .addColumn("body_json", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer")
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("content_files")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("item_id", "integer", (c) => c.references("content_items.id").onDelete("cascade"))
    .addColumn("guide_case_type", "text")
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull().check(sql`type IN ('pdf', 'png', 'jpeg', 'docx', 'xlsx')`))
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("storage_name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "integer")
    .addColumn("uploaded_at", "integer", (c) => c.notNull())
    .addCheckConstraint("content_files_owner", sql`(item_id IS NULL) <> (guide_case_type IS NULL)`)
    .execute();
  await db.schema
    .createTable("directory_listings")
    .addColumn("entity", "text", (c) => c.notNull().check(sql`entity IN ('org', 'person')`))
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().check(sql`published IN (0, 1)`))
    .addColumn("fields_json", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer")
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("directory_listings_pk", ["entity", "entity_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["directory_listings", "content_files", "service_guides", "content_items"])
    await db.schema.dropTable(t).execute();
}
