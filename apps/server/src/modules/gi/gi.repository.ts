import type { Db } from "../../db/connection.js";

export interface GiRow {
  id: number;
  name: string;
  kind: "gi_product" | "agri_gi" | "gi_mark";
  stage: "registered" | "publicised" | "reviewed" | "revoked";
  gi_type_raw: string | null;
  prefecture: string | null;
  city_code: string | null;
  area: string | null;
  district_code: string | null;
  event: string | null;
  announcement: string | null;
  year: number | null;
  recognised_on: string | null;
  official_id: string | null;
  source_url: string | null;
  source: "shipped" | "official";
  notes: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}
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
] as const;

/** A shipped entry, unless the register already has the name (1 when added). */
export function insertShipped(db: Db, r: GiWrite): number {
  return db.sqlite
    .prepare(
      `INSERT INTO gi_products (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((c) => `@${c}`).join(", ")})
       ON CONFLICT(name) DO NOTHING`,
    )
    .run(r).changes;
}

export function insertGi(db: Db, r: GiWrite): number {
  return Number(
    db.sqlite
      .prepare(`INSERT INTO gi_products (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((c) => `@${c}`).join(", ")})`)
      .run(r).lastInsertRowid,
  );
}

/** Changes what an official may change; the entry's source and creation stay. */
export function updateGi(db: Db, id: number, r: Omit<GiWrite, "source" | "created_at" | "gi_type_raw" | "event">) {
  const cols = COLUMNS.filter((c) => c in r);
  db.sqlite.prepare(`UPDATE gi_products SET ${cols.map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id`).run({
    ...r,
    id,
  });
}

export function findGi(db: Db, id: number): GiRow | undefined {
  return db.sqlite.prepare("SELECT * FROM gi_products WHERE id = ?").get(id) as GiRow | undefined;
}

export function findGiByName(db: Db, name: string): GiRow | undefined {
  return db.sqlite.prepare("SELECT * FROM gi_products WHERE name = ?").get(name) as GiRow | undefined;
}

export interface GiFilter {
  q?: string;
  kind?: string;
  stage?: string;
  area?: string;
}

function where(f: GiFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.q) {
    clauses.push("(name LIKE ? ESCAPE '\\' OR area LIKE ? ESCAPE '\\' OR prefecture LIKE ? ESCAPE '\\')");
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like);
  }
  if (f.kind) {
    clauses.push("kind = ?");
    params.push(f.kind);
  }
  if (f.stage) {
    clauses.push("stage = ?");
    params.push(f.stage);
  }
  if (f.area) {
    clauses.push("(city_code = ? OR district_code = ?)");
    params.push(f.area, f.area);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** Entries by city, then name (in the collation's order: pinyin is not known to SQLite). */
export function listGi(db: Db, f: GiFilter, limit: number, offset: number): { rows: GiRow[]; total: number } {
  const w = where(f);
  const rows = db.sqlite
    .prepare(
      `SELECT * FROM gi_products ${w.sql} ORDER BY city_code IS NULL, city_code, district_code, name LIMIT ? OFFSET ?`,
    )
    .all(...w.params, limit, offset) as GiRow[];
  const total = (db.sqlite.prepare(`SELECT COUNT(*) AS n FROM gi_products ${w.sql}`).get(...w.params) as { n: number })
    .n;
  return { rows, total };
}

export function allGi(db: Db): GiRow[] {
  return db.sqlite.prepare("SELECT * FROM gi_products ORDER BY id").all() as GiRow[];
}

export function divisionNames(db: Db, codes: string[]): Map<string, string> {
  if (!codes.length) return new Map();
  const rows = db.sqlite
    .prepare(`SELECT code, name FROM divisions WHERE code IN (${codes.map(() => "?").join(",")})`)
    .all(...codes) as { code: string; name: string }[];
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function divisionsForCodes(db: Db) {
  return db.sqlite
    .prepare("SELECT code, name, level, parent_code FROM divisions WHERE level IN ('city','county')")
    .all() as {
    code: string;
    name: string;
    level: string;
    parent_code: string | null;
  }[];
}
