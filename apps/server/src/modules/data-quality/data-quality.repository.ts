import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, one } from "../../db/sync-query.js";

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
  const row = one(
    db,
    db.kysely.selectFrom("patents").select((eb) => [
      eb.fn.countAll<number>().as("total"),
      ...COVERAGE_FIELDS.map(([f, c]) =>
        // sum() of no rows is NULL: an empty table counts 0 below
        sql<number | null>`sum(CASE WHEN ${eb.ref(c)} IS NOT NULL AND ${eb.ref(c)} <> '' THEN 1 ELSE 0 END)`.as(f),
      ),
    ]),
  );
  const filled: Record<string, number> = {};
  for (const [f] of COVERAGE_FIELDS) filled[f] = row[f] ?? 0;
  return { total: row.total, filled };
}

export interface ValueCount {
  value: string | null;
  count: number;
}

/** Raw legal-status words that normalised to 'unknown', most frequent first. */
export function unknownStatuses(db: Db, limit: number): { total: number; top: ValueCount[] } {
  const unknown = db.kysely.selectFrom("patents").where("status", "=", "unknown");
  const { n: total } = one(
    db,
    unknown.select((eb) => eb.fn.countAll<number>().as("n")),
  );
  const value = sql<string | null>`nullif(status_raw, '')`;
  const top = all(
    db,
    unknown
      .select((eb) => [value.as("value"), eb.fn.countAll<number>().as("count")])
      .groupBy(value)
      .orderBy("count", "desc")
      .orderBy("value")
      .limit(limit),
  );
  return { total, top };
}

/** Live entities with no region: how many, and the largest by patents. */
export function applicantsWithoutRegion(db: Db, limit: number) {
  const { n: total } = one(
    db,
    db.kysely
      .selectFrom("applicants")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("merged_into", "is", null)
      .where("region_code", "is", null),
  );
  const top = all(
    db,
    db.kysely
      .selectFrom("applicants as a")
      .innerJoin("patent_applicants as pa", "pa.applicant_id", "a.id")
      .select((eb) => ["a.id", "a.name", eb.fn.count<number>("pa.patent_id").distinct().as("patents")])
      .where("a.merged_into", "is", null)
      .where("a.region_code", "is", null)
      .groupBy("a.id")
      .orderBy("patents", "desc")
      .orderBy("a.id")
      .limit(limit),
  );
  return { total, top };
}

/** Patents by the rule that gave their region (NULL = no region). */
export const regionRules = (db: Db): ValueCount[] =>
  all(
    db,
    db.kysely
      .selectFrom("patents")
      .select((eb) => ["region_rule as value", eb.fn.countAll<number>().as("count")])
      .groupBy("region_rule")
      .orderBy("count", "desc"),
  );

export const mergesByRule = (db: Db): ValueCount[] =>
  all(
    db,
    db.kysely
      .selectFrom("applicant_merges")
      .select((eb) => ["rule as value", eb.fn.countAll<number>().as("count")])
      .groupBy("rule")
      .orderBy("count", "desc"),
  );

export type ImportRunRow = Pick<
  Selectable<Database["import_runs"]>,
  | "id"
  | "source"
  | "file"
  | "file_sha256"
  | "status"
  | "authority"
  | "started_at"
  | "finished_at"
  | "rows_total"
  | "rows_ok"
  | "rows_bad"
  | "detected_json"
>;

export const importRuns = (db: Db, limit: number): ImportRunRow[] =>
  all(
    db,
    db.kysely
      .selectFrom("import_runs")
      .select([
        "id",
        "source",
        "file",
        "file_sha256",
        "status",
        "authority",
        "started_at",
        "finished_at",
        "rows_total",
        "rows_ok",
        "rows_bad",
        "detected_json",
      ])
      .orderBy("id", "desc")
      .limit(limit),
  );
