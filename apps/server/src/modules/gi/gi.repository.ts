import { type Expression, expressionBuilder, type Selectable, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first, one, run } from "../../db/sync-query.js";
import type { Division } from "./gi.facts.js";

/** A row of the GI register (migration 027), typed by schema.ts. */
export type GiRow = Selectable<Database["gi_products"]>;
export type GiWrite = Omit<GiRow, "id">;

const COLUMNS = [
  "name",
  "kind",
  "stage",
  "gi_type_raw",
  "prefecture",
  "city_code",
  "area",
  "district_code",
  "event",
  "announcement",
  "year",
  "recognised_on",
  "official_id",
  "source_url",
  "source",
  "notes",
  "created_at",
  "updated_at",
  "updated_by",
] as const satisfies readonly (keyof GiWrite)[];
/** What an official may change: the entry's source, creation and the shipped file's own words stay. */
const UPDATABLE = COLUMNS.filter(
  (c): c is Exclude<(typeof COLUMNS)[number], "source" | "created_at" | "gi_type_raw" | "event"> =>
    c !== "source" && c !== "created_at" && c !== "gi_type_raw" && c !== "event",
);
type Updatable = Pick<GiWrite, (typeof UPDATABLE)[number]>;

/** Only the named columns: callers build entries by spreading other objects, whose extra keys must not be written. */
function pick<T, K extends keyof T>(r: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = r[k];
  return out;
}

/** Every administrative division, to place a shipped GI fact's prefecture and area. */
export function divisionsForGi(db: Db): Division[] {
  return all(db, db.kysely.selectFrom("divisions").select(["code", "name", "level", "parent_code"]));
}

/** A shipped entry, unless the register already has the name (1 when added). */
export function insertShipped(db: Db, r: GiWrite): number {
  return run(
    db,
    db.kysely
      .insertInto("gi_products")
      .values(pick(r, COLUMNS))
      .onConflict((oc) => oc.column("name").doNothing()),
  ).changes;
}

export function insertGi(db: Db, r: GiWrite): number {
  return run(db, db.kysely.insertInto("gi_products").values(pick(r, COLUMNS))).lastInsertRowid;
}

/** Changes what an official may change; the entry's source and creation stay. */
export function updateGi(db: Db, id: number, r: Updatable) {
  run(db, db.kysely.updateTable("gi_products").set(pick(r, UPDATABLE)).where("id", "=", id));
}

export function findGi(db: Db, id: number): GiRow | undefined {
  return first(db, db.kysely.selectFrom("gi_products").selectAll().where("id", "=", id));
}

export function findGiByName(db: Db, name: string): GiRow | undefined {
  return first(db, db.kysely.selectFrom("gi_products").selectAll().where("name", "=", name));
}

export interface GiFilter {
  q?: string;
  kind?: GiRow["kind"];
  stage?: GiRow["stage"];
  area?: string;
}

function where(f: GiFilter): Expression<SqlBool> {
  const eb = expressionBuilder<Database, "gi_products">();
  const parts: Expression<SqlBool>[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      sql<SqlBool>`(${eb.ref("name")} LIKE ${like} ESCAPE '\\' OR ${eb.ref("area")} LIKE ${like} ESCAPE '\\' OR ${eb.ref("prefecture")} LIKE ${like} ESCAPE '\\')`,
    );
  }
  if (f.kind) parts.push(eb("kind", "=", f.kind));
  if (f.stage) parts.push(eb("stage", "=", f.stage));
  if (f.area) parts.push(eb.or([eb("city_code", "=", f.area), eb("district_code", "=", f.area)]));
  return eb.and(parts);
}

/** Entries by city, then name (in the collation's order: pinyin is not known to SQLite). */
export function listGi(db: Db, f: GiFilter, limit: number, offset: number): { rows: GiRow[]; total: number } {
  const entries = db.kysely.selectFrom("gi_products").where(where(f));
  const rows = all(
    db,
    entries
      .selectAll()
      .orderBy(sql`city_code IS NULL`)
      .orderBy("city_code")
      .orderBy("district_code")
      .orderBy("name")
      .limit(limit)
      .offset(offset),
  );
  const { n: total } = one(
    db,
    entries.select((eb) => eb.fn.countAll<number>().as("n")),
  );
  return { rows, total };
}

export function allGi(db: Db): GiRow[] {
  return all(db, db.kysely.selectFrom("gi_products").selectAll().orderBy("id"));
}

export function divisionNames(db: Db, codes: string[]): Map<string, string> {
  if (!codes.length) return new Map();
  const rows = all(db, db.kysely.selectFrom("divisions").select(["code", "name"]).where("code", "in", codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function divisionsForCodes(db: Db) {
  return all(
    db,
    db.kysely
      .selectFrom("divisions")
      .select(["code", "name", "level", "parent_code"])
      .where("level", "in", ["city", "county"]),
  );
}
