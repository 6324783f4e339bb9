import type { Kysely } from "kysely";

/**
 * Fields the vendor exports carry that used to fall into extra_json (issue #14 item 3), and the detection report of
 * an import run (item 4).
 * - English title/abstract (searched by TI/AB/TX beside the Chinese ones), CPC codes, priority numbers and dates,
 *   cited publication numbers and their count, simple-family id, members and size. Lists are ';'-joined like ipc_all.
 * - `import_runs.detected_json`: the layout (vendor), encoding, delimiter and header row found, and each source column
 *   with the field it was mapped to (or none), so a stored run says what was read and what was left unused.
 */
const PATENT_COLUMNS: Array<[string, "text" | "integer"]> = [
  ["title_en", "text"],
  ["abstract_en", "text"],
  ["cpc", "text"],
  ["priority_nos", "text"],
  ["priority_dates", "text"],
  ["cited_refs", "text"],
  ["cites_count", "integer"],
  ["family_id", "text"],
  ["family_members", "text"],
  ["family_count", "integer"],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type] of PATENT_COLUMNS) await db.schema.alterTable("patents").addColumn(name, type).execute();
  await db.schema.alterTable("import_runs").addColumn("detected_json", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("import_runs").dropColumn("detected_json").execute();
  for (const [name] of PATENT_COLUMNS) await db.schema.alterTable("patents").dropColumn(name).execute();
}
