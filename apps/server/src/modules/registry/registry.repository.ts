import type { Db } from "../../db/connection.js";

export interface OrgRecord {
  id: number;
  name: string;
  category: string;
  credit_code: string | null;
  district_code: string | null;
  zone: string | null;
  address: string | null;
  qualifications: string;
  /** JSON {code: YYYY-MM-DD} (migration 020) */
  qualification_dates: string;
  status: string;
  since: string | null;
  ended: string | null;
  brand: string;
  source: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}
export interface PersonRecord {
  id: number;
  name: string;
  category: string;
  org_id: number | null;
  org_name?: string | null;
  certificate_no: string | null;
  district_code: string | null;
  zone: string | null;
  qualifications: string;
  /** JSON {code: YYYY-MM-DD} (migration 020) */
  qualification_dates: string;
  status: string;
  since: string | null;
  ended: string | null;
  source: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}
export type Table = "registry_orgs" | "registry_people";
export type OrgWrite = Omit<OrgRecord, "id" | "created_at" | "updated_at">;
export type PersonWrite = Omit<PersonRecord, "id" | "created_at" | "updated_at" | "org_name">;

export interface ListFilter {
  q?: string;
  category?: string;
  status?: string;
  district?: string;
  zone?: string;
  source?: string;
  /** District scope of the caller: records of the division (prefix) or of the coded zone with that code. */
  scope: { code: string; zone: string | null } | null;
}

function where(f: ListFilter, alias = ""): { sql: string; params: unknown[] } {
  const a = alias ? `${alias}.` : "";
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.q) {
    parts.push(`(${a}name LIKE ? ESCAPE '\\')`);
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  for (const [col, v] of [
    ["category", f.category],
    ["status", f.status],
    ["zone", f.zone],
    ["source", f.source],
  ] as const) {
    if (v) {
      parts.push(`${a}${col} = ?`);
      params.push(v);
    }
  }
  if (f.district) {
    parts.push(`${a}district_code LIKE ?`);
    params.push(`${f.district}%`);
  }
  if (f.scope) {
    parts.push(`(${a}district_code LIKE ? OR ${a}zone = ?)`);
    params.push(`${f.scope.code}%`, f.scope.zone ?? "\u0000");
  }
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}

export function listOrgs(db: Db, f: ListFilter, limit: number, offset: number): { total: number; rows: OrgRecord[] } {
  const w = where(f);
  const total = (
    db.sqlite.prepare(`SELECT count(*) AS n FROM registry_orgs ${w.sql}`).get(...w.params) as { n: number }
  ).n;
  const rows = db.sqlite
    .prepare(`SELECT * FROM registry_orgs ${w.sql} ORDER BY status = 'candidate', name, id LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as OrgRecord[];
  return { total, rows };
}

export function listPeople(
  db: Db,
  f: ListFilter,
  limit: number,
  offset: number,
): { total: number; rows: PersonRecord[] } {
  const w = where(f, "p");
  const total = (
    db.sqlite.prepare(`SELECT count(*) AS n FROM registry_people p ${w.sql}`).get(...w.params) as { n: number }
  ).n;
  const rows = db.sqlite
    .prepare(
      `SELECT p.*, o.name AS org_name FROM registry_people p LEFT JOIN registry_orgs o ON o.id = p.org_id
       ${w.sql} ORDER BY p.name, p.id LIMIT ? OFFSET ?`,
    )
    .all(...w.params, limit, offset) as PersonRecord[];
  return { total, rows };
}

export function findOrg(db: Db, id: number): OrgRecord | undefined {
  return db.sqlite.prepare("SELECT * FROM registry_orgs WHERE id = ?").get(id) as OrgRecord | undefined;
}
export function findOrgByCreditCode(db: Db, code: string): OrgRecord | undefined {
  return db.sqlite.prepare("SELECT * FROM registry_orgs WHERE credit_code = ?").get(code) as OrgRecord | undefined;
}
export function findOrgByName(db: Db, name: string, category: string): OrgRecord | undefined {
  return db.sqlite
    .prepare("SELECT * FROM registry_orgs WHERE name = ? AND category = ? ORDER BY id LIMIT 1")
    .get(name, category) as OrgRecord | undefined;
}
export function findOrgsByExactName(db: Db, name: string): OrgRecord[] {
  return db.sqlite
    .prepare("SELECT * FROM registry_orgs WHERE name = ? AND status <> 'candidate' ORDER BY id LIMIT 10")
    .all(name) as OrgRecord[];
}
/** The person of this name and category at this organisation (or at none), oldest record first. */
export function findPersonByNameAndOrg(
  db: Db,
  name: string,
  category: string,
  orgId: number | null,
): PersonRecord | undefined {
  return db.sqlite
    .prepare(
      `SELECT p.*, o.name AS org_name FROM registry_people p LEFT JOIN registry_orgs o ON o.id = p.org_id
       WHERE p.name = ? AND p.category = ? AND p.org_id IS ? ORDER BY p.id LIMIT 1`,
    )
    .get(name, category, orgId) as PersonRecord | undefined;
}
export function findPerson(db: Db, id: number): PersonRecord | undefined {
  return db.sqlite
    .prepare(
      "SELECT p.*, o.name AS org_name FROM registry_people p LEFT JOIN registry_orgs o ON o.id = p.org_id WHERE p.id = ?",
    )
    .get(id) as PersonRecord | undefined;
}
export function findPersonByCertificate(db: Db, certificateNo: string): PersonRecord | undefined {
  return db.sqlite.prepare("SELECT * FROM registry_people WHERE certificate_no = ?").get(certificateNo) as
    | PersonRecord
    | undefined;
}
export function peopleOfOrg(db: Db, orgId: number): PersonRecord[] {
  return db.sqlite
    .prepare(
      "SELECT p.*, o.name AS org_name FROM registry_people p JOIN registry_orgs o ON o.id = p.org_id WHERE p.org_id = ? ORDER BY p.name",
    )
    .all(orgId) as PersonRecord[];
}

const ORG_COLS = [
  "name",
  "category",
  "credit_code",
  "district_code",
  "zone",
  "address",
  "qualifications",
  "qualification_dates",
  "status",
  "since",
  "ended",
  "brand",
  "source",
  "notes",
] as const;
const PERSON_COLS = [
  "name",
  "category",
  "org_id",
  "certificate_no",
  "district_code",
  "zone",
  "qualifications",
  "qualification_dates",
  "status",
  "since",
  "ended",
  "source",
  "notes",
] as const;

function insert(db: Db, table: Table, cols: readonly string[], row: Record<string, unknown>, now: string): number {
  const info = db.sqlite
    .prepare(
      `INSERT INTO ${table} (${cols.join(", ")}, created_at, updated_at) VALUES (${cols.map(() => "?").join(", ")}, ?, ?)`,
    )
    .run(...cols.map((c) => row[c] ?? null), now, now);
  return Number(info.lastInsertRowid);
}
function update(
  db: Db,
  table: Table,
  cols: readonly string[],
  id: number,
  row: Record<string, unknown>,
  now: string,
): void {
  db.sqlite
    .prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(", ")}, updated_at = ? WHERE id = ?`)
    .run(...cols.map((c) => row[c] ?? null), now, id);
}

export const insertOrg = (db: Db, row: OrgWrite, now: string) => insert(db, "registry_orgs", ORG_COLS, row, now);
export const updateOrg = (db: Db, id: number, row: OrgWrite, now: string) =>
  update(db, "registry_orgs", ORG_COLS, id, row, now);
export const insertPerson = (db: Db, row: PersonWrite, now: string) =>
  insert(db, "registry_people", PERSON_COLS, row, now);
export const updatePerson = (db: Db, id: number, row: PersonWrite, now: string) =>
  update(db, "registry_people", PERSON_COLS, id, row, now);

export function addHistory(
  db: Db,
  e: { entity: "org" | "person"; entityId: number; at: string; actor: string | null; action: string; changes: object },
): void {
  db.sqlite
    .prepare(
      "INSERT INTO registry_history (entity, entity_id, at, actor, action, changes_json) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .run(e.entity, e.entityId, e.at, e.actor, e.action, JSON.stringify(e.changes));
}
export function historyOf(db: Db, entity: "org" | "person", id: number) {
  return db.sqlite
    .prepare(
      "SELECT at, actor, action, changes_json FROM registry_history WHERE entity = ? AND entity_id = ? ORDER BY id DESC",
    )
    .all(entity, id) as { at: string; actor: string | null; action: string; changes_json: string }[];
}

/** Agency names in the patent data with their filing counts. */
export interface PatentAgency {
  agency: string;
  n: number;
  first: string | null;
  /** CNIPA agency code (CNIPA XML imports keep it in extra_json), when any of its patents carries one. */
  code: string | null;
  /** The agency's address, when a vendor export carried a column for it (kept in extra_json). */
  address: string | null;
}

export function patentAgencies(db: Db): PatentAgency[] {
  return db.sqlite
    .prepare(
      `SELECT agency, count(*) AS n, min(app_date) AS first,
              max(json_extract(extra_json, '$."代理机构代码 AgencyCode"')) AS code,
              max(coalesce(json_extract(extra_json, '$."代理机构地址"'), json_extract(extra_json, '$."代理机构地址 AgencyAddress"'))) AS address
       FROM patents WHERE agency IS NOT NULL AND agency <> '' GROUP BY agency`,
    )
    .all() as PatentAgency[];
}

/** The city's name and its county-level divisions' names (reference table), for placing agencies in the city. */
export function cityNames(db: Db, cityCode: string): { city: string | null; divisions: string[] } {
  const city = db.sqlite.prepare("SELECT name FROM divisions WHERE code = ?").get(cityCode) as
    | { name: string }
    | undefined;
  const divisions = db.sqlite.prepare("SELECT name FROM divisions WHERE parent_code = ?").all(cityCode) as {
    name: string;
  }[];
  return { city: city?.name ?? null, divisions: divisions.map((d) => d.name) };
}

export function patentFilingsByAgency(db: Db, names: string[]): Map<string, number> {
  if (names.length === 0) return new Map();
  const rows = db.sqlite
    .prepare(
      `SELECT agency, count(*) AS n FROM patents WHERE agency IN (${names.map(() => "?").join(",")}) GROUP BY agency`,
    )
    .all(...names) as { agency: string; n: number }[];
  return new Map(rows.map((r) => [r.agency, r.n]));
}

/** Every counted-or-not registry record, as facts for the plan's figures. */
export function registryFacts(db: Db) {
  return db.sqlite
    .prepare(
      `SELECT 'org' AS subject, category, qualifications, qualification_dates, substr(created_at, 1, 10) AS entered,
              status, coalesce(since, substr(created_at, 1, 10)) AS since, ended, district_code, zone FROM registry_orgs
       UNION ALL
       SELECT 'person', category, qualifications, qualification_dates, substr(created_at, 1, 10), status,
              coalesce(since, substr(created_at, 1, 10)), ended, district_code, zone FROM registry_people`,
    )
    .all() as {
    subject: "org" | "person";
    category: string;
    qualifications: string;
    qualification_dates: string;
    entered: string;
    status: string;
    since: string;
    ended: string | null;
    district_code: string | null;
    zone: string | null;
  }[];
}

export function registryCounts(db: Db): { orgs: number; people: number; candidates: number } {
  return db.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM registry_orgs WHERE status <> 'candidate') AS orgs,
              (SELECT count(*) FROM registry_people WHERE status <> 'candidate') AS people,
              (SELECT count(*) FROM registry_orgs WHERE status = 'candidate') AS candidates`,
    )
    .get() as { orgs: number; people: number; candidates: number };
}
