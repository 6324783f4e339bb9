import type { Kysely } from "kysely";

/**
 * An official's display name for an applicant entity (issue #14 item 6): `applicants.name_source` is 'official' when
 * an official renamed the entity, and the automatic most-frequent-spelling refresh then leaves its name alone.
 * NULL = the automatic name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("applicants").addColumn("name_source", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("applicants").dropColumn("name_source").execute();
}
