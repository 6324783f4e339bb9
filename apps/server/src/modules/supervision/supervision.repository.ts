import type { Db } from "../../db/connection.js";

export interface AgencyAgg {
  agency: string;
  filings: number;
  grants: number;
  inventions: number;
  first_year: number | null;
  last_year: number | null;
}

/** Granted: a grant publication, a utility model or design (granted on publication), or a recorded grant date. */
const GRANTED = "(type IN ('invention_grant','utility_model','design') OR grant_date IS NOT NULL)";
/** One filing per application number (an application and its grant are two publications of one filing). */
const FILING = "coalesce(app_no, pub_no)";

export function agencyAggregates(
  db: Db,
  q: string | undefined,
  limit: number,
  offset: number,
): { total: number; rows: AgencyAgg[] } {
  const where = `agency IS NOT NULL AND agency <> ''${q ? " AND agency LIKE ?" : ""}`;
  const params = q ? [`%${q}%`] : [];
  const total = (
    db.sqlite.prepare(`SELECT count(DISTINCT agency) AS n FROM patents WHERE ${where}`).get(...params) as { n: number }
  ).n;
  const rows = db.sqlite
    .prepare(
      `SELECT agency, count(DISTINCT ${FILING}) AS filings,
              count(DISTINCT CASE WHEN ${GRANTED} THEN ${FILING} END) AS grants,
              count(DISTINCT CASE WHEN type IN ('invention_application','invention_grant') THEN ${FILING} END) AS inventions,
              min(app_year) AS first_year, max(app_year) AS last_year
       FROM patents WHERE ${where} GROUP BY agency ORDER BY filings DESC, agency LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as AgencyAgg[];
  return { total, rows };
}

export function agencyAggregate(db: Db, agency: string): AgencyAgg | undefined {
  const r = db.sqlite
    .prepare(
      `SELECT agency, count(DISTINCT ${FILING}) AS filings,
              count(DISTINCT CASE WHEN ${GRANTED} THEN ${FILING} END) AS grants,
              count(DISTINCT CASE WHEN type IN ('invention_application','invention_grant') THEN ${FILING} END) AS inventions,
              min(app_year) AS first_year, max(app_year) AS last_year
       FROM patents WHERE agency = ? GROUP BY agency`,
    )
    .get(agency) as AgencyAgg | undefined;
  return r;
}

export function agencyGroup(db: Db, agency: string, expr: string, limit = 30): { key: string; count: number }[] {
  return db.sqlite
    .prepare(
      `SELECT ${expr} AS key, count(DISTINCT ${FILING}) AS count FROM patents WHERE agency = ? AND ${expr} IS NOT NULL
       GROUP BY key ORDER BY count DESC, key LIMIT ?`,
    )
    .all(agency, limit) as { key: string; count: number }[];
}

export function agencyColumn(db: Db, agency: string, column: "agent" | "applicants_raw"): (string | null)[] {
  return (
    db.sqlite.prepare(`SELECT ${column} AS v FROM patents WHERE agency = ?`).all(agency) as { v: string | null }[]
  ).map((r) => r.v);
}

export interface CorpusDoc {
  id: number;
  pub_no: string;
  app_no: string | null;
  title: string;
  abstract: string | null;
  claims: string | null;
  applicants_raw: string | null;
  agency: string | null;
  app_date: string | null;
  type: string;
}

/** The supervision corpus: filings through an agency, and filings of the city's own applicants. */
export function supervisionCorpus(db: Db, cityCode: string): CorpusDoc[] {
  return db.sqlite
    .prepare(
      `SELECT id, pub_no, app_no, title, abstract, substr(claims, 1, 2000) AS claims, applicants_raw, agency, app_date, type
       FROM patents WHERE country = 'CN' AND ((agency IS NOT NULL AND agency <> '') OR city_code = ?)`,
    )
    .all(cityCode) as CorpusDoc[];
}

export function filingsForBursts(
  db: Db,
): { id: number; applicants_raw: string | null; agency: string | null; app_date: string; type: string }[] {
  return db.sqlite
    .prepare(
      "SELECT id, applicants_raw, agency, app_date, type FROM patents WHERE country = 'CN' AND app_date IS NOT NULL",
    )
    .all() as { id: number; applicants_raw: string | null; agency: string | null; app_date: string; type: string }[];
}

export function patentsByIds(db: Db, ids: number[]): CorpusDoc[] {
  if (!ids.length) return [];
  return db.sqlite
    .prepare(
      `SELECT id, pub_no, app_no, title, abstract, NULL AS claims, applicants_raw, agency, app_date, type FROM patents
       WHERE id IN (${ids.map(() => "?").join(",")})`,
    )
    .all(...ids) as CorpusDoc[];
}

export function dataVersion(db: Db): string {
  const r = db.sqlite.prepare("SELECT count(*) AS n, coalesce(max(updated_seq), 0) AS s FROM patents").get() as {
    n: number;
    s: number;
  };
  return `${r.n}:${r.s}`;
}

// —— violations and brand applications ——
export interface ViolationRecord {
  id: number;
  org_id: number;
  kind: string;
  date: string;
  points: number | null;
  description: string;
  evidence: string | null;
  recorded_by: string | null;
  recorded_at: string;
}
export function violationsOf(db: Db, orgId: number): ViolationRecord[] {
  return db.sqlite
    .prepare("SELECT * FROM registry_violations WHERE org_id = ? ORDER BY date, id")
    .all(orgId) as ViolationRecord[];
}
export function insertViolation(db: Db, v: Omit<ViolationRecord, "id">): number {
  return Number(
    db.sqlite
      .prepare(
        "INSERT INTO registry_violations (org_id, kind, date, points, description, evidence, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(v.org_id, v.kind, v.date, v.points, v.description, v.evidence, v.recorded_by, v.recorded_at).lastInsertRowid,
  );
}

export interface BrandRecord {
  id: number;
  org_id: number;
  level: string;
  statement: string;
  status: string;
  submitted_at: string;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  /** Why an agency graded C/D or with an open serious violation was approved all the same (migration 020). */
  override_reason: string | null;
}
export function listBrandApplications(db: Db): BrandRecord[] {
  return db.sqlite
    .prepare("SELECT * FROM brand_applications ORDER BY status = 'submitted' DESC, id DESC")
    .all() as BrandRecord[];
}
export function findBrandApplication(db: Db, id: number): BrandRecord | undefined {
  return db.sqlite.prepare("SELECT * FROM brand_applications WHERE id = ?").get(id) as BrandRecord | undefined;
}
export function insertBrandApplication(
  db: Db,
  b: { org_id: number; level: string; statement: string; submitted_at: string; submitted_by: string | null },
): number {
  return Number(
    db.sqlite
      .prepare(
        "INSERT INTO brand_applications (org_id, level, statement, status, submitted_at, submitted_by) VALUES (?, ?, ?, 'submitted', ?, ?)",
      )
      .run(b.org_id, b.level, b.statement, b.submitted_at, b.submitted_by).lastInsertRowid,
  );
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
  db.sqlite
    .prepare(
      "UPDATE brand_applications SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, override_reason = ? WHERE id = ?",
    )
    .run(status, by, at, note, overrideReason, id);
}
