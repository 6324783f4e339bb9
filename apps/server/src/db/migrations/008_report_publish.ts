import { type Kysely, sql } from "kysely";

/**
 * Navigation reports become private to their author until an official publishes them (issue #13: every report was
 * listed to everyone). `published_at` is the flag: null = private. Reports asked for anonymously before this change
 * had no author and were public by construction; they stay published so nothing that was visible disappears, and an
 * official can withdraw them. Reports with an author start private.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("reports").addColumn("published_at", "text").execute();
  await sql`UPDATE reports SET published_at = created_at WHERE created_by IS NULL`.execute(db);
  await db.schema.createIndex("reports_author").on("reports").columns(["created_by", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("reports_author").execute();
  await db.schema.alterTable("reports").dropColumn("published_at").execute();
}
