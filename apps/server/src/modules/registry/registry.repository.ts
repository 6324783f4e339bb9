import { type Expression, expressionBuilder, type Selectable, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { RegistryOrgsTable, RegistryPeopleTable } from "../../db/schema.js";
import { all, first, one, run } from "../../db/sync-query.js";

export type OrgRecord = Selectable<RegistryOrgsTable>;
/** A person as stored (the import's lookup by certificate reads no organisation). */
export type PersonRow = Selectable<RegistryPeopleTable>;
/** A person with their organisation's name (a left join: null when they belong to none). */
export type PersonRecord = PersonRow & { org_name: string | null };
export type OrgWrite = Omit<OrgRecord, "id" | "created_at" | "updated_at">;
export type PersonWrite = Omit<PersonRow, "id" | "created_at" | "updated_at">;

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

type FilterColumn = "name" | "category" | "status" | "district_code" | "zone" | "source";
/** The columns the list filter reads, which both registers have: the filter is written once for the alias `r`. */
type Filterable = { r: Pick<RegistryOrgsTable, FilterColumn> & Pick<RegistryPeopleTable, FilterColumn> };

function where(f: ListFilter): Expression<SqlBool> {
  const eb = expressionBuilder<Filterable, "r">();
  const parts: Expression<SqlBool>[] = [];
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql<SqlBool>`(${eb.ref("r.name")} LIKE ${pattern} ESCAPE '\\')`);
  }
  for (const [col, v] of [
    ["r.category", f.category],
    ["r.status", f.status],
    ["r.zone", f.zone],
    ["r.source", f.source],
  ] as const) {
    if (v) parts.push(eb(col, "=", v));
  }
  if (f.district) parts.push(eb("r.district_code", "like", `${f.district}%`));
  if (f.scope)
    parts.push(eb.or([eb("r.district_code", "like", `${f.scope.code}%`), eb("r.zone", "=", f.scope.zone ?? "\u0000")]));
  return eb.and(parts);
}

/** A limit for listOrgs and listPeople that returns every row (SQLite: a negative LIMIT has no upper bound). */
export const ALL_ROWS = -1;

export function listOrgs(db: Db, f: ListFilter, limit: number, offset: number): { total: number; rows: OrgRecord[] } {
  const orgs = db.kysely.selectFrom("registry_orgs as r").where(where(f));
  const { n: total } = one(
    db,
    orgs.select((eb) => eb.fn.countAll<number>().as("n")),
  );
  const rows = all(
    db,
    orgs.selectAll().orderBy(sql`r.status = 'candidate'`).orderBy("r.name").orderBy("r.id").limit(limit).offset(offset),
  );
  return { total, rows };
}

/** People (alias `r`, as the list filter expects) with their organisation's name (alias `o`). */
function peopleWithOrg(db: Db) {
  return db.kysely
    .selectFrom("registry_people as r")
    .leftJoin("registry_orgs as o", "o.id", "r.org_id")
    .selectAll("r")
    .select("o.name as org_name");
}

export function listPeople(
  db: Db,
  f: ListFilter,
  limit: number,
  offset: number,
): { total: number; rows: PersonRecord[] } {
  const { n: total } = one(
    db,
    db.kysely
      .selectFrom("registry_people as r")
      .where(where(f))
      .select((eb) => eb.fn.countAll<number>().as("n")),
  );
  const rows = all(db, peopleWithOrg(db).where(where(f)).orderBy("r.name").orderBy("r.id").limit(limit).offset(offset));
  return { total, rows };
}

export function findOrg(db: Db, id: number): OrgRecord | undefined {
  return first(db, db.kysely.selectFrom("registry_orgs").selectAll().where("id", "=", id));
}
export function findOrgByCreditCode(db: Db, code: string): OrgRecord | undefined {
  return first(db, db.kysely.selectFrom("registry_orgs").selectAll().where("credit_code", "=", code));
}
export function findOrgByName(db: Db, name: string, category: string): OrgRecord | undefined {
  return first(
    db,
    db.kysely
      .selectFrom("registry_orgs")
      .selectAll()
      .where("name", "=", name)
      .where("category", "=", category)
      .orderBy("id")
      .limit(1),
  );
}
export function findOrgsByExactName(db: Db, name: string): OrgRecord[] {
  return all(
    db,
    db.kysely
      .selectFrom("registry_orgs")
      .selectAll()
      .where("name", "=", name)
      .where("status", "<>", "candidate")
      .orderBy("id")
      .limit(10),
  );
}
/** The person of this name and category at this organisation (or at none), oldest record first. */
export function findPersonByNameAndOrg(
  db: Db,
  name: string,
  category: string,
  orgId: number | null,
): PersonRecord | undefined {
  return first(
    db,
    peopleWithOrg(db)
      .where("r.name", "=", name)
      .where("r.category", "=", category)
      .where("r.org_id", "is", orgId)
      .orderBy("r.id")
      .limit(1),
  );
}
export function findPerson(db: Db, id: number): PersonRecord | undefined {
  return first(db, peopleWithOrg(db).where("r.id", "=", id));
}
export function findPersonByCertificate(db: Db, certificateNo: string): PersonRow | undefined {
  return first(db, db.kysely.selectFrom("registry_people").selectAll().where("certificate_no", "=", certificateNo));
}
export function peopleOfOrg(db: Db, orgId: number): PersonRecord[] {
  return all(
    db,
    db.kysely
      .selectFrom("registry_people as r")
      .innerJoin("registry_orgs as o", "o.id", "r.org_id")
      .selectAll("r")
      .select("o.name as org_name")
      .where("r.org_id", "=", orgId)
      .orderBy("r.name"),
  );
}

/**
 * The written columns only: callers pass whole records (with id and times), which must not reach the statement. A
 * missing optional value is written as NULL, as the statement before Kysely did (Kysely would skip the column).
 */
function orgColumns(row: OrgWrite): OrgWrite {
  return {
    name: row.name,
    category: row.category,
    credit_code: row.credit_code ?? null,
    district_code: row.district_code ?? null,
    zone: row.zone ?? null,
    address: row.address ?? null,
    qualifications: row.qualifications,
    qualification_dates: row.qualification_dates,
    status: row.status,
    since: row.since ?? null,
    ended: row.ended ?? null,
    brand: row.brand,
    source: row.source,
    notes: row.notes ?? null,
  };
}
function personColumns(row: PersonWrite): PersonWrite {
  return {
    name: row.name,
    category: row.category,
    org_id: row.org_id ?? null,
    certificate_no: row.certificate_no ?? null,
    district_code: row.district_code ?? null,
    zone: row.zone ?? null,
    qualifications: row.qualifications,
    qualification_dates: row.qualification_dates,
    status: row.status,
    since: row.since ?? null,
    ended: row.ended ?? null,
    source: row.source,
    notes: row.notes ?? null,
  };
}

export const insertOrg = (db: Db, row: OrgWrite, now: string): number =>
  run(db, db.kysely.insertInto("registry_orgs").values({ ...orgColumns(row), created_at: now, updated_at: now }))
    .lastInsertRowid;
export const updateOrg = (db: Db, id: number, row: OrgWrite, now: string): void => {
  run(
    db,
    db.kysely
      .updateTable("registry_orgs")
      .set({ ...orgColumns(row), updated_at: now })
      .where("id", "=", id),
  );
};
export const insertPerson = (db: Db, row: PersonWrite, now: string): number =>
  run(db, db.kysely.insertInto("registry_people").values({ ...personColumns(row), created_at: now, updated_at: now }))
    .lastInsertRowid;
export const updatePerson = (db: Db, id: number, row: PersonWrite, now: string): void => {
  run(
    db,
    db.kysely
      .updateTable("registry_people")
      .set({ ...personColumns(row), updated_at: now })
      .where("id", "=", id),
  );
};

export function addHistory(
  db: Db,
  e: { entity: "org" | "person"; entityId: number; at: string; actor: string | null; action: string; changes: object },
): void {
  run(
    db,
    db.kysely.insertInto("registry_history").values({
      entity: e.entity,
      entity_id: e.entityId,
      at: e.at,
      actor: e.actor,
      action: e.action,
      changes_json: JSON.stringify(e.changes),
    }),
  );
}
export function historyOf(db: Db, entity: "org" | "person", id: number) {
  return all(
    db,
    db.kysely
      .selectFrom("registry_history")
      .select(["at", "actor", "action", "changes_json"])
      .where("entity", "=", entity)
      .where("entity_id", "=", id)
      .orderBy("id", "desc"),
  );
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
  return all(
    db,
    db.kysely
      .selectFrom("patents")
      .select((eb) => [
        "agency",
        eb.fn.countAll<number>().as("n"),
        eb.fn.min("app_date").as("first"),
        sql<string | null>`max(json_extract(extra_json, '$."代理机构代码 AgencyCode"'))`.as("code"),
        sql<
          string | null
        >`max(coalesce(json_extract(extra_json, '$."代理机构地址"'), json_extract(extra_json, '$."代理机构地址 AgencyAddress"')))`.as(
          "address",
        ),
      ])
      .where("agency", "is not", null)
      .where("agency", "<>", "")
      .groupBy("agency")
      .$narrowType<{ agency: string }>(), // the where above
  );
}

/** The city's name and its county-level divisions' names (reference table), for placing agencies in the city. */
export function cityNames(db: Db, cityCode: string): { city: string | null; divisions: string[] } {
  const city = first(db, db.kysely.selectFrom("divisions").select("name").where("code", "=", cityCode));
  const divisions = all(db, db.kysely.selectFrom("divisions").select("name").where("parent_code", "=", cityCode));
  return { city: city?.name ?? null, divisions: divisions.map((d) => d.name) };
}

export function patentFilingsByAgency(db: Db, names: string[]): Map<string, number> {
  if (names.length === 0) return new Map();
  const rows = all(
    db,
    db.kysely
      .selectFrom("patents")
      .select((eb) => ["agency", eb.fn.countAll<number>().as("n")])
      .where("agency", "in", names)
      .groupBy("agency")
      .$narrowType<{ agency: string }>(), // only the names asked for
  );
  return new Map(rows.map((r) => [r.agency, r.n]));
}

/** Every counted-or-not registry record, as facts for the plan's figures. */
export function registryFacts(db: Db) {
  const facts = (table: "registry_orgs" | "registry_people", subject: "org" | "person") =>
    db.kysely
      .selectFrom(table)
      .select([
        sql<"org" | "person">`${sql.lit(subject)}`.as("subject"),
        "category",
        "qualifications",
        "qualification_dates",
        sql<string>`substr(created_at, 1, 10)`.as("entered"),
        "status",
        sql<string>`coalesce(since, substr(created_at, 1, 10))`.as("since"),
        "ended",
        "district_code",
        "zone",
      ]);
  return all(db, facts("registry_orgs", "org").unionAll(facts("registry_people", "person")));
}

export function registryCounts(db: Db): { orgs: number; people: number; candidates: number } {
  const count = (table: "registry_orgs" | "registry_people", candidates: boolean) =>
    db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", candidates ? "=" : "<>", "candidate");
  return one(
    db,
    db.kysely
      .selectNoFrom([
        count("registry_orgs", false).as("orgs"),
        count("registry_people", false).as("people"),
        count("registry_orgs", true).as("candidates"),
      ])
      .$narrowType<{ orgs: number; people: number; candidates: number }>(),
  );
}
