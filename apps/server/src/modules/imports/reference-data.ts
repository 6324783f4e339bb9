import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { ImportRepository } from "./imports.repository.js";
import { readCsv } from "./readers/csv-reader.js";
import { readFileBytes } from "./readers/file-bytes.js";

export interface ReferenceReport {
  table: string;
  files: string[];
  rows: number;
  status: "done" | "skipped";
}

type Row = Record<string, string>;

/** Rows of a shipped CSV as objects by header (BOM removed: the WIPO file starts with one). */
function csvObjects(file: string): Row[] {
  const [header, ...rows] = readCsv(readFileBytes(file)).rows as string[][];
  const keys = header.map((h) => h.replace(/^\uFEFF/, "").trim());
  return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? "").trim()])));
}

const orNull = (v: string | undefined) => (v ? v : null);

interface TableLoad {
  table: string;
  files: string[];
  /** Replaces the table's content; returns the rows written. Runs inside one transaction. */
  load(db: BetterSqlite3.Database, files: string[]): number;
}

const LOADS: TableLoad[] = [
  {
    table: "ipc_codes",
    files: ["ipc/ipc_2026_zh_tree.csv.gz"],
    load(db, [file]) {
      const insert = db.prepare("INSERT INTO ipc_codes (code, level, parent, title_zh) VALUES (?, ?, ?, ?)");
      const rows = csvObjects(file);
      for (const r of rows) insert.run(r.code, r.level, orNull(r.parent), r.title_zh);
      return rows.length;
    },
  },
  {
    table: "sei_categories",
    files: ["industry/sei_categories_2018.csv.gz"],
    load(db, [file]) {
      const insert = db.prepare("INSERT INTO sei_categories VALUES (?, ?, ?, ?, ?)");
      const rows = csvObjects(file);
      for (const r of rows)
        insert.run(r.sei_code, r.sei_name, r.major_code, r.major_name, orNull(r.cnipa_table_rule_ids));
      return rows.length;
    },
  },
  {
    table: "ipc_sei_observed",
    files: ["industry/ipc_maingroup_to_sei_observed.csv.gz"],
    load(db, [file]) {
      const insert = db.prepare("INSERT INTO ipc_sei_observed VALUES (?, ?, ?, ?, ?)");
      const rows = csvObjects(file);
      for (const r of rows) {
        insert.run(
          r.ipc_main_group,
          r.sei_code,
          Number(r.n_records_with_this_sei),
          Number(r.n_labelled_records_in_group),
          Number(r.share),
        );
      }
      return rows.length;
    },
  },
  {
    table: "wipo_fields",
    files: ["industry/wipo/ipc_technology.csv.gz"],
    load(db, [file]) {
      const insert = db.prepare(
        "INSERT INTO wipo_fields (field_number, sector_en, field_en, ipc_pattern) VALUES (?, ?, ?, ?)",
      );
      const rows = csvObjects(file);
      for (const r of rows) insert.run(Number(r.Field_number), r.Sector_en, r.Field_en, r.IPC_code);
      return rows.length;
    },
  },
  {
    // Whole-China provinces/cities/counties, then Henan's townships (its county-and-above rows repeat the same codes).
    table: "divisions",
    files: [
      "regions/provinces.csv.gz",
      "regions/cities.csv.gz",
      "regions/areas.csv.gz",
      "regions/henan_divisions.csv.gz",
    ],
    load(db, [provinces, cities, areas, henan]) {
      const insert = db.prepare("INSERT OR IGNORE INTO divisions (code, name, level, parent_code) VALUES (?, ?, ?, ?)");
      let n = 0;
      const add = (code: string, name: string, level: string, parent: string | null) => {
        n += insert.run(code, name, level, parent).changes;
      };
      for (const r of csvObjects(provinces)) add(r.code, r.name, "province", null);
      for (const r of csvObjects(cities)) add(r.code, r.name, "city", r.provinceCode);
      for (const r of csvObjects(areas)) add(r.code, r.name, "county", r.cityCode);
      for (const r of csvObjects(henan)) add(r.code, r.name, r.level, orNull(r.parent_code));
      return n;
    },
  },
  {
    table: "geo_shapes",
    files: ["geo/zhengzhou_districts.geojson.gz", "geo/henan_cities.geojson.gz"],
    load(db, files) {
      const insert = db.prepare("INSERT INTO geo_shapes (name, geojson) VALUES (?, ?)");
      for (const f of files)
        insert.run(path.basename(f).replace(/\.geojson(\.gz)?$/, ""), readFileBytes(f).toString("utf8"));
      return files.length;
    },
  },
];

function sha256Of(files: string[]): string {
  const hash = crypto.createHash("sha256");
  for (const f of files) hash.update(fs.readFileSync(f));
  return hash.digest("hex");
}

/**
 * Loads every reference table from the shipped data (each table replaced in one transaction, recorded as an import
 * run). A table whose files have not changed since its last completed load is skipped.
 */
export function loadReferenceData(db: BetterSqlite3.Database, dataDir: string): ReferenceReport[] {
  const repo = new ImportRepository(db);
  return LOADS.map(({ table, files, load }) => {
    const paths = files.map((f) => path.join(dataDir, f));
    const sha = sha256Of(paths);
    const source = `reference:${table}`;
    const previous = repo.latestRun(sha, source);
    if (previous?.status === "done") return { table, files, rows: previous.rows_ok, status: "skipped" as const };
    const rows = repo.transaction(() => {
      const runId = previous?.id ?? repo.createRun(source, files.join(";"), sha, new Date().toISOString());
      db.prepare(`DELETE FROM ${table}`).run();
      const n = load(db, paths);
      repo.setRunTotal(runId, n);
      repo.addBatch(runId, n, 0);
      repo.finishRun(runId, "done", new Date().toISOString());
      return n;
    });
    return { table, files, rows, status: "done" as const };
  });
}
