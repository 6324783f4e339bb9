import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { type ImportReport, importFile, importShippedData, isInitialImportDone } from "./imports.service.js";
import { readFileBytes } from "./readers/file-bytes.js";
import { shippedPatentFiles } from "./shipped-data.js";
import { DATA_DIR, snapshot } from "./test-support.js";

// Exact counts computed from the shipped files (python csv over the gunzipped files, see the helper's report).
const ROWS_PER_FILE: Record<string, number> = {
  cn_patents_merged: 57_377,
  zz_cnipa_sample: 10,
  patentics_global_APTIV: 3_384,
  patentics_global_ARGO_AI: 524,
  patentics_global_AURORA: 67,
  patentics_global_CRUISE: 920,
  patentics_global_DIDI: 7_440,
  patentics_global_LYFT: 962,
  patentics_global_UBER: 3_203,
  patentics_global_WAYMO: 3_567,
};
const GLOBAL_DISTINCT_PUBLICATIONS = 20_036; // 20,067 rows; a few publications repeat within a company file
const GLOBAL_CN_ALSO_IN_MERGED = 4_924;
const TOTAL_PATENTS = 57_377 + GLOBAL_DISTINCT_PUBLICATIONS - GLOBAL_CN_ALSO_IN_MERGED; // the sample's 10 are all in merged

let db: Db;
let report: ImportReport;
const one = <T>(sql: string, ...params: unknown[]) =>
  db.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as T;

beforeAll(async () => {
  ({ db } = await freshDb());
  report = await importShippedData(db, DATA_DIR);
}, 300_000);

describe("shipped data import", () => {
  it("loads the reference tables completely", () => {
    const rows = Object.fromEntries(report.reference.map((r) => [r.table, r.rows]));
    expect(rows).toEqual({
      ipc_codes: 77_242,
      sei_categories: 40,
      ipc_sei_observed: 3_900,
      wipo_fields: 764,
      divisions: 31 + 342 + 2_978 + 2_586, // provinces, cities, counties, Henan townships
      geo_shapes: 2,
    });
    expect(one<string>("SELECT field_number FROM wipo_fields ORDER BY id LIMIT 1")).toBe(1); // BOM-prefixed header read
    expect(one<string>("SELECT name FROM divisions WHERE code = '410172'")).toBe("郑州高新技术产业开发区");
    expect(one<string>("SELECT parent_code FROM divisions WHERE code = '410105001'")).toBe("410105");
    expect(
      JSON.parse(one<string>("SELECT geojson FROM geo_shapes WHERE name = 'zhengzhou_districts'")).features,
    ).toHaveLength(12);
  });

  it("reads every row of every patent file, with no bad rows", () => {
    const byFile = Object.fromEntries(report.files.filter((f) => f.status === "done").map((f) => [f.source, f.rowsOk]));
    expect(byFile).toEqual(ROWS_PER_FILE);
    expect(report.summary.rowsBad).toBe(0);
    expect(report.files.find((f) => f.source === "henan_subset")?.status).toBe("skipped");
  });

  it("ends with one row per publication: 57,377 from the merged file", () => {
    expect(report.summary.patents).toBe(TOTAL_PATENTS);
    expect(one<number>("SELECT count(*) FROM patents WHERE sources LIKE 'cn_patents_merged%'")).toBe(57_377);
    expect(one<number>("SELECT count(*) FROM patents WHERE sources LIKE '%patentics_global_%'")).toBe(
      GLOBAL_DISTINCT_PUBLICATIONS,
    );
    expect(one<number>("SELECT count(*) FROM patents WHERE sources LIKE 'cn_patents_merged;%patentics_global_%'")).toBe(
      GLOBAL_CN_ALSO_IN_MERGED,
    );
    expect(one<number>("SELECT count(*) FROM patents WHERE sources LIKE '%zz_cnipa_sample%'")).toBe(10);
    expect(one<number>("SELECT count(*) FROM patents WHERE country = 'US'")).toBe(7_810);
  });

  it("maps every legal-status value it saw; only '其他' and empty stay unknown", () => {
    const unknown = db.sqlite.prepare("SELECT DISTINCT status_raw FROM patents WHERE status = 'unknown'").pluck().all();
    expect(new Set(unknown)).toEqual(new Set([null, "其他"]));
  });

  it("maps every SEI label and keeps canonical IPC", () => {
    expect(one<number>("SELECT count(*) FROM patents WHERE sei_raw IS NOT NULL AND sei_codes IS NULL")).toBe(0);
    expect(one<number>("SELECT count(*) FROM patents WHERE sei_raw IS NOT NULL")).toBe(16_066);
    const mains = db.sqlite
      .prepare("SELECT ipc_main FROM patents WHERE ipc_main IS NOT NULL")
      .pluck()
      .all() as string[];
    expect(mains.every((c) => /^[A-H]\d{2}[A-Z](\d+\/\d+)?$/.test(c))).toBe(true);
    expect(one<string>("SELECT ipc_main FROM patents WHERE pub_no = 'US11567501B2'")).toBe("G05D1/02");
  });

  it("fills the CNIPA sample's fields into the merged rows and resolves 郑东新区 to 金水区", () => {
    const row = db.sqlite.prepare("SELECT * FROM patents WHERE pub_no = 'CN218751475U'").get() as Record<
      string,
      string
    >;
    expect(row.sources).toBe("cn_patents_merged;zz_cnipa_sample");
    expect(row.claims).toMatch(/^1\.一种无人机机载多功能盒/);
    expect(row.agency).toBe("郑州明华专利代理事务所（普通合伙）");
    expect([row.province_code, row.city_code, row.district_code]).toEqual(["41", "4101", "410105"]);
    expect(JSON.parse(row.extra_json).授权公告号).toBe("CN218751475U");
    expect(row.status_raw).toBe("有权-审定授权");
  });

  it("keeps one applicant per normalised name, with every spelling as an alias", () => {
    const key = "beijingdidiinfinitytechnologyanddevelopment";
    // The English key's entity was merged (vendor_standard_name evidence) into the Chinese name's: follow merged_into.
    const id = one<number>("SELECT coalesce(merged_into, id) FROM applicants WHERE norm_key = ?", key);
    const aliases = db.sqlite.prepare("SELECT alias FROM applicant_aliases WHERE applicant_id = ?").pluck().all(id);
    expect(aliases.length).toBeGreaterThan(1);
    expect(aliases).toContain("Beijing DiDi Infinity Technology and Development Co., Ltd.");
    expect(aliases).toContain("北京嘀嘀无限科技发展有限公司");
    expect(aliases).toContain("BEIJING DIDI INFINITY TECHNOLOGY & DEV CO LTD");
    expect(
      one<number>("SELECT count(*) FROM (SELECT norm_key FROM applicants GROUP BY norm_key HAVING count(*) > 1)"),
    ).toBe(0);
  });

  it("derives regions by rule, organisation names included (Henan was 20 records, Zhengzhou 15)", () => {
    expect(one<number>("SELECT count(*) FROM patents WHERE province_code = '41'")).toBeGreaterThan(250);
    expect(one<number>("SELECT count(*) FROM patents WHERE city_code = '4101'")).toBeGreaterThan(90);
    expect(one<number>("SELECT count(*) FROM patents WHERE region_rule = 'org_name'")).toBeGreaterThan(10_000);
    expect(one<number>("SELECT count(*) FROM patents WHERE province_code IS NOT NULL AND region_rule IS NULL")).toBe(0);
  });

  it("bumps updated_seq per write and records the initial import", () => {
    expect(one<number>("SELECT max(updated_seq) FROM patents")).toBe(
      Number(one<string>("SELECT value FROM meta WHERE key = 'patent_seq'")),
    );
    expect(one<number>("SELECT count(*) FROM patents WHERE updated_seq = 0")).toBe(0);
    expect(isInitialImportDone(db)).toBe(true);
  });

  it("is idempotent: a second run skips, a forced re-import changes nothing", async () => {
    const before = snapshot(db);
    const seq = one<string>("SELECT value FROM meta WHERE key = 'patent_seq'");
    const again = await importShippedData(db, DATA_DIR);
    expect(again.files.every((f) => f.status === "skipped")).toBe(true);
    // Forced re-upsert of the files that merge into existing rows (sample → merged rows; APTIV → CN overlaps and
    // in-file repeats); the merged file itself takes the same path and would only add time.
    const reupsert = new Set(["zz_cnipa_sample", "patentics_global_APTIV", "patentics_global_AURORA"]);
    for (const f of shippedPatentFiles(DATA_DIR).filter((f) => reupsert.has(f.source))) {
      const r = await importFile(db, path.join(DATA_DIR, f.path), { source: f.source, force: true });
      expect(r.inserted + r.updated).toBe(0);
    }
    expect(snapshot(db)).toEqual(before);
    expect(one<string>("SELECT value FROM meta WHERE key = 'patent_seq'")).toBe(seq);
  }, 300_000);
});

describe("henan_subset.csv", () => {
  it("is a verbatim subset of cn_patents_merged (the reason it is not imported)", () => {
    const rows = (f: string) =>
      parse(readFileBytes(path.join(DATA_DIR, f)), { columns: true }) as Array<Record<string, string>>;
    const merged = new Map(
      rows("patents/cn_patents_merged.csv.gz").map((r) => [r.publication_number, JSON.stringify(r)]),
    );
    const henan = rows("patents/henan_subset.csv.gz");
    expect(henan).toHaveLength(320);
    for (const r of henan) expect(merged.get(r.publication_number)).toBe(JSON.stringify(r));
    expect(fs.existsSync(path.join(DATA_DIR, "patents/henan_subset.csv.gz"))).toBe(true);
  });
});
