import type { Kysely } from "kysely";

/**
 * Personal data in case forms (the contact phone of an enterprise registration) leaves form_json (issue #13: it was
 * stored in plain text). `form_pii_enc` holds those fields encrypted with the accounts data key, as JSON
 * {field: "v1:…"}; form_json keeps only their masks, so every reader of a form (detail, search, exports) sees masks.
 * Rows from before this migration are encrypted on the next start by the cases module (cases/form-pii.ts,
 * `encryptPlainFormPii`), because the data key lives outside the database and migrations never see it; that step
 * finds them by `form_pii_enc IS NULL` and is idempotent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("cases").addColumn("form_pii_enc", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("cases").dropColumn("form_pii_enc").execute();
}
