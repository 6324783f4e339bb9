import type { Kysely } from "kysely";

/**
 * Import issues in any language (issue #14): each row issue keeps its English text in `reason` (CLI, logs) and now
 * also its stable code and parameters, so the web app and the rejected-rows XLSX say it in the reader's language.
 * - `import_errors.code`: the row's first issue code (a rejected row has exactly one), for grouping;
 * - `import_errors.params_json`: `{"place": {"file", "row"} | null, "issues": [{"code", "params"}]}` — every issue of
 *   the row (a loaded row may have several warnings) and, for a ZIP, the entry (and its row) it came from.
 * - `import_uploads.headers_json`: the header row of each table the last preview found (CSV/XLSX parts; XML has fixed
 *   fields), so starting an import can refuse a mapping that gives no publication number without reading the file.
 * Rows written before this migration have none of these (null): they are shown by their English text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("import_errors").addColumn("code", "text").execute();
  await db.schema.alterTable("import_errors").addColumn("params_json", "text").execute();
  await db.schema.alterTable("import_uploads").addColumn("headers_json", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("import_uploads").dropColumn("headers_json").execute();
  await db.schema.alterTable("import_errors").dropColumn("params_json").execute();
  await db.schema.alterTable("import_errors").dropColumn("code").execute();
}
