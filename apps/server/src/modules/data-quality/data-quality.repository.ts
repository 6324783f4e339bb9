import type { Db } from "../../db/connection.js";

/** The patent fields the coverage chart shows, each with the column that holds it (every value a plain column). */
export const COVERAGE_FIELDS = [
  ["title", "title"],
  ["title_en", "title_en"],
  ["abstract", "abstract"],
  ["abstract_en", "abstract_en"],
  ["claims", "claims"],
  ["applicants", "applicants_raw"],
  ["inventors", "inventors"],
  ["ipc", "ipc_main"],
  ["cpc", "cpc"],
  ["app_no", "app_no"],
  ["app_date", "app_date"],
  ["pub_date", "pub_date"],
  ["grant_date", "grant_date"],
  ["legal_status", "status_raw"],
  ["region", "province_code"],
  ["district", "district_code"],
  ["applicant_address", "applicant_address"],
  ["agency", "agency"],
  ["agent", "agent"],
  ["priority", "priority_nos"],
  ["family", "family_id"],
] as const;

/** Non-empty count of every coverage field in one pass over the table (one aggregate query, no row loop). */
export function fieldCoverage(db: Db): { total: number; filled: Record<string, number> } {
  const cols = COVERAGE_FIELDS.map(
    ([f, c]) => `sum(CASE WHEN ${c} IS NOT NULL AND ${c} <> '' THEN 1 ELSE 0 END) AS "${f}"`,
  );
  const row = db.sqlite.prepare(`SELECT count(*) AS total, ${cols.join(", ")} FROM patents`).get() as Record<
    string,
    number | null
  >;
  const filled: Record<string, number> = {};
  for (const [f] of COVERAGE_FIELDS) filled[f] = row[f] ?? 0;
  return { total: row.total ?? 0, filled };
}

export interface ValueCount {
  value: string | null;
  count: number;
}

/** Raw legal-status words that normalised to 'unknown', most frequent first. */
export function unknownStatuses(db: Db, limit: number): { total: number; top: ValueCount[] } {
  const total = db.sqlite.prepare("SELECT count(*) FROM patents WHERE status = 'unknown'").pluck().get() as number;
  const top = db.sqlite
    .prepare(
      `SELECT nullif(status_raw, '') AS value, count(*) AS count FROM patents WHERE status = 'unknown'
       GROUP BY nullif(status_raw, '') ORDER BY count DESC, value LIMIT ?`,
    )
    .all(limit) as ValueCount[];
  return { total, top };
}

/** Live entities with no region: how many, and the largest by patents. */
export function applicantsWithoutRegion(db: Db, limit: number) {
  const total = db.sqlite
    .prepare("SELECT count(*) FROM applicants WHERE merged_into IS NULL AND region_code IS NULL")
    .pluck()
    .get() as number;
  const top = db.sqlite
    .prepare(
      `SELECT a.id, a.name, count(DISTINCT pa.patent_id) AS patents FROM applicants a
       JOIN patent_applicants pa ON pa.applicant_id = a.id
       WHERE a.merged_into IS NULL AND a.region_code IS NULL GROUP BY a.id ORDER BY patents DESC, a.id LIMIT ?`,
    )
    .all(limit) as Array<{ id: number; name: string; patents: number }>;
  return { total, top };
}

/** Patents by the rule that gave their region (NULL = no region). */
export const regionRules = (db: Db): ValueCount[] =>
  db.sqlite
    .prepare("SELECT region_rule AS value, count(*) AS count FROM patents GROUP BY region_rule ORDER BY count DESC")
    .all() as ValueCount[];

export const mergesByRule = (db: Db): ValueCount[] =>
  db.sqlite
    .prepare("SELECT rule AS value, count(*) AS count FROM applicant_merges GROUP BY rule ORDER BY count DESC")
    .all() as ValueCount[];

export interface ImportRunRow {
  id: number;
  source: string;
  file: string;
  file_sha256: string;
  status: string;
  authority: string;
  started_at: string;
  finished_at: string | null;
  rows_total: number;
  rows_ok: number;
  rows_bad: number;
  detected_json: string | null;
}

export const importRuns = (db: Db, limit: number): ImportRunRow[] =>
  db.sqlite
    .prepare(
      `SELECT id, source, file, file_sha256, status, authority, started_at, finished_at, rows_total, rows_ok, rows_bad,
         detected_json FROM import_runs ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as ImportRunRow[];
