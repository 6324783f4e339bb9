import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first, one, run } from "../../db/sync-query.js";

export type AgencyAgg = NonNullable<ReturnType<typeof agencyAggregate>>;

/** Granted: a grant publication, a utility model or design (granted on publication), or a recorded grant date. */
const GRANTED = sql`(type IN ('invention_grant','utility_model','design') OR grant_date IS NOT NULL)`;
/** One filing per application number (an application and its grant are two publications of one filing). */
const FILING = sql`coalesce(app_no, pub_no)`;

/** Per agency: filings, granted filings, invention filings and the first and last filing years. */
function agencyFigures(db: Db) {
  return db.kysely
    .selectFrom("patents")
    .select([
      sql<string>`agency`.as("agency"),
      sql<number>`count(DISTINCT ${FILING})`.as("filings"),
      sql<number>`count(DISTINCT CASE WHEN ${GRANTED} THEN ${FILING} END)`.as("grants"),
      sql<number>`count(DISTINCT CASE WHEN type IN ('invention_application','invention_grant') THEN ${FILING} END)`.as(
        "inventions",
      ),
      (eb) => eb.fn.min("app_year").as("first_year"),
      (eb) => eb.fn.max("app_year").as("last_year"),
    ])
    .groupBy("agency");
}

export function agencyAggregates(
  db: Db,
  q: string | undefined,
  limit: number,
  offset: number,
): { total: number; rows: AgencyAgg[] } {
  let total = db.kysely.selectFrom("patents").where("agency", "is not", null).where("agency", "<>", "");
  let rows = agencyFigures(db).where("agency", "is not", null).where("agency", "<>", "");
  if (q) {
    total = total.where("agency", "like", `%${q}%`);
    rows = rows.where("agency", "like", `%${q}%`);
  }
  return {
    total: one(db, total.select(sql<number>`count(DISTINCT agency)`.as("n"))).n,
    rows: all(db, rows.orderBy("filings", "desc").orderBy("agency").limit(limit).offset(offset)),
  };
}

export function agencyAggregate(db: Db, agency: string) {
  return first(db, agencyFigures(db).where("agency", "=", agency));
}

/** Filings of an agency grouped by `expr`, an SQL expression over patents chosen by the service (never user text). */
export function agencyGroup(db: Db, agency: string, expr: string, limit = 30): { key: string; count: number }[] {
  const key = sql<string>`${sql.raw(expr)}`;
  return all(
    db,
    db.kysely
      .selectFrom("patents")
      .select([key.as("key"), sql<number>`count(DISTINCT ${FILING})`.as("count")])
      .where("agency", "=", agency)
      .where(sql<boolean>`${key} IS NOT NULL`)
      .groupBy("key")
      .orderBy("count", "desc")
      .orderBy("key")
      .limit(limit),
  );
}

export function agencyColumn(db: Db, agency: string, column: "agent" | "applicants_raw"): (string | null)[] {
  return all(db, db.kysely.selectFrom("patents").select(`${column} as v`).where("agency", "=", agency)).map((r) => r.v);
}

const CORPUS_COLUMNS = ["id", "pub_no", "app_no", "title", "abstract"] as const;
const CORPUS_MORE = ["applicants_raw", "agency", "app_date", "type"] as const;

/** The supervision corpus: filings through an agency, and filings of the city's own applicants. */
export function supervisionCorpus(db: Db, cityCode: string) {
  return all(
    db,
    db.kysely
      .selectFrom("patents")
      .select(CORPUS_COLUMNS)
      .select(sql<string | null>`substr(claims, 1, 2000)`.as("claims"))
      .select(CORPUS_MORE)
      .where("country", "=", "CN")
      .where((eb) =>
        eb.or([eb.and([eb("agency", "is not", null), eb("agency", "<>", "")]), eb("city_code", "=", cityCode)]),
      ),
  );
}
export type CorpusDoc = ReturnType<typeof supervisionCorpus>[number];

export function filingsForBursts(db: Db) {
  return all(
    db,
    db.kysely
      .selectFrom("patents")
      .select(["id", "applicants_raw", "agency", "app_date", "type"])
      .where("country", "=", "CN")
      .where("app_date", "is not", null)
      .$narrowType<{ app_date: string }>(),
  );
}

export function patentsByIds(db: Db, ids: number[]): CorpusDoc[] {
  if (!ids.length) return [];
  return all(
    db,
    db.kysely
      .selectFrom("patents")
      .select(CORPUS_COLUMNS)
      .select(sql<string | null>`NULL`.as("claims"))
      .select(CORPUS_MORE)
      .where("id", "in", ids),
  );
}

export function dataVersion(db: Db): string {
  const r = one(
    db,
    db.kysely
      .selectFrom("patents")
      .select([(eb) => eb.fn.countAll<number>().as("n"), sql<number>`coalesce(max(updated_seq), 0)`.as("s")]),
  );
  return `${r.n}:${r.s}`;
}

// —— violations and brand applications ——
export type ViolationRecord = Selectable<Database["registry_violations"]>;
export function violationsOf(db: Db, orgId: number): ViolationRecord[] {
  return all(
    db,
    db.kysely.selectFrom("registry_violations").selectAll().where("org_id", "=", orgId).orderBy("date").orderBy("id"),
  );
}
export function insertViolation(db: Db, v: Omit<ViolationRecord, "id">): number {
  const { org_id, kind, date, points, description, evidence, recorded_by, recorded_at } = v;
  const values = { org_id, kind, date, points, description, evidence, recorded_by, recorded_at };
  return run(db, db.kysely.insertInto("registry_violations").values(values)).lastInsertRowid;
}

/** A brand application; override_reason (migration 020) says why a C/D or seriously violating agency was approved. */
export type BrandRecord = Selectable<Database["brand_applications"]>;
export function listBrandApplications(db: Db): BrandRecord[] {
  return all(
    db,
    db.kysely
      .selectFrom("brand_applications")
      .selectAll()
      .orderBy(sql`status = 'submitted'`, "desc")
      .orderBy("id", "desc"),
  );
}
export function findBrandApplication(db: Db, id: number): BrandRecord | undefined {
  return first(db, db.kysely.selectFrom("brand_applications").selectAll().where("id", "=", id));
}
export function insertBrandApplication(
  db: Db,
  b: { org_id: number; level: string; statement: string; submitted_at: string; submitted_by: string | null },
): number {
  const { org_id, level, statement, submitted_at, submitted_by } = b;
  const values = { org_id, level, statement, status: "submitted", submitted_at, submitted_by };
  return run(db, db.kysely.insertInto("brand_applications").values(values)).lastInsertRowid;
}
export function decideBrandApplication(
  db: Db,
  id: number,
  status: string,
  by: string | null,
  at: string,
  note: string,
  overrideReason: string | null = null,
): void {
  const decision = { status, decided_by: by, decided_at: at, decision_note: note, override_reason: overrideReason };
  run(db, db.kysely.updateTable("brand_applications").set(decision).where("id", "=", id));
}
