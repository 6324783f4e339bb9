import type { Kysely } from "kysely";

/**
 * Row warnings beside row errors: a row with an unreadable date still loads (the date becomes null, the raw text goes
 * to extra_json), and the warning is listed in import_errors with severity 'warning' so rows_bad stays the count of
 * rows that did not load.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("import_errors")
    .addColumn("severity", "text", (c) => c.notNull().defaultTo("error")) // error | warning
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("import_errors").dropColumn("severity").execute();
}
