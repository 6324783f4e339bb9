import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import type { ZodApp } from "../../http/zod-app.js";
import { createServices } from "../../services.js";
import { freshDb } from "../../testing/fixture-db.js";
import { testApp } from "../../testing/test-app.js";
import { importFile } from "../imports/imports.service.js";
import { SearchIndex } from "./search-index.js";

// One invention per application (issue #14 item 7): the A and B of one application, spelt two ways, are one
// invention; two foreign publications without an application number share a simple family.
const CSV = [
  "公开号,申请号,标题,申请人,申请日,公开日,专利类型,法律状态,IPC主分类,简单同族ID",
  "CN115000001A,CN202210000001.3,一种合并测试电池,合并测试公司,2022-01-05,2022-06-01,发明申请,实质审查,H01M10/0525,",
  "CN115000001B,ZL202210000001.3,一种合并测试电池,合并测试公司,2022-01-05,2023-09-01,发明授权,有效,H01M10/0525,",
  "CN115000002A,2022100000025,合并测试电池管理,合并测试公司,2022-02-01,2022-07-01,发明申请,实质审查,H01M10/42,",
  "CN216000003U,CN202120000003.1,合并测试电池盒,合并测试公司,2021-03-01,2021-09-01,实用新型,有效,H01M50/20,",
  "WO2022000004A1,,合并测试电池组,合并测试公司,2022-03-01,2022-09-01,发明申请,实质审查,H01M10/44,F77",
  "US20220000005A1,,合并测试电池组,合并测试公司,2022-03-01,2022-12-01,发明申请,实质审查,H01M10/44,F77",
].join("\n");

let db: Db;
let dir: string;
let app: ZodApp;

beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  dir = fresh.dir;
  const file = path.join(fresh.dir, "group-invention.csv");
  fs.writeFileSync(file, CSV);
  const report = await importFile(db, file, { source: "group_test" });
  expect(report.rowsOk).toBe(6);
  ({ app } = await testApp(db, fresh.dir));
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const get = async (url: string) => {
  const res = await app.inject({ method: "GET", url });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const search = async (params: string) =>
  (await get(`/api/search?q=${encodeURIComponent("TI=合并测试")}&${params}`)).json();
const counts = (buckets: { value: string; count: number }[]) =>
  Object.fromEntries(buckets.map((b) => [b.value, b.count]));

describe("GET /api/search?group=invention", () => {
  it("counts publications by default and inventions when grouped, facets too", async () => {
    const flat = await search("facets=status,type");
    expect(flat.unit).toBe("publication");
    expect(flat.total).toBe(6);
    expect(counts(flat.facets.status)).toEqual({ pending: 4, valid: 2 });

    const grouped = await search("group=invention&facets=status,type,year");
    expect(grouped.unit).toBe("invention");
    expect(grouped.total).toBe(4);
    // each invention once, with its latest publication's values: the granted B, the later US publication
    expect(counts(grouped.facets.status)).toEqual({ pending: 2, valid: 2 });
    expect(counts(grouped.facets.type)).toEqual({ invention_application: 2, invention_grant: 1, utility_model: 1 });
    expect(counts(grouped.facets.year)).toEqual({ 2021: 1, 2022: 3 });
  });

  it("walks one hit per invention by cursor, each listing its publications", async () => {
    for (const sort of ["relevance", "date_desc", "app_no"]) {
      const seen: {
        publicationNumber: string;
        invention: { publicationCount: number; publications: { publicationNumber: string }[] };
      }[] = [];
      let cursor: string | null = null;
      do {
        const body = await search(
          `group=invention&limit=1&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        expect(body.total).toBe(4);
        seen.push(...body.hits);
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(4);
      const lists = seen.map((h) => h.invention.publications.map((p) => p.publicationNumber).join(" "));
      expect(lists.sort(), sort).toEqual([
        "CN115000001A CN115000001B",
        "CN115000002A",
        "CN216000003U",
        "WO2022000004A1 US20220000005A1",
      ]);
      for (const h of seen) expect(h.invention.publicationCount).toBe(h.invention.publications.length);
    }
  });

  it("exports one row per invention", async () => {
    const res = await get(`/api/search/export?q=${encodeURIComponent("TI=合并测试")}&format=csv&group=invention`);
    expect(res.headers["x-total-count"]).toBe("4");
    const lines = res.body.trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 4);
  });

  it("gives an applicant's publications and inventions, facets in the unit asked for", async () => {
    const hit = (await search("limit=1")).hits[0];
    const id = hit.applicants[0].id;
    const byInvention = (await get(`/api/applicants/${id}`)).json();
    expect(byInvention).toMatchObject({ patentCount: 6, inventionCount: 4, unit: "invention" });
    expect(counts(byInvention.facets.status)).toEqual({ pending: 2, valid: 2 });
    const byPublication = (await get(`/api/applicants/${id}?unit=publication`)).json();
    expect(byPublication).toMatchObject({ patentCount: 6, inventionCount: 4, unit: "publication" });
    expect(counts(byPublication.facets.status)).toEqual({ pending: 4, valid: 2 });
  });

  it("refuses an unknown unit with 400", async () => {
    const res = await app.inject({ method: "GET", url: "/api/search?q=a&group=family" });
    expect(res.statusCode).toBe(400);
  });
});

describe("navigation reports in inventions", () => {
  it("count inventions by default, publications when asked, and say which", async () => {
    const services = createServices(db, SearchIndex.open(db, path.join(dir, "report-index")));
    const run = async (unit?: "invention" | "publication") => {
      const created = services.analytics.create({ q: "TI=合并测试", focus: null, unit }, null);
      await services.jobs.drain();
      return services.analytics.get(created.id);
    };
    const inventions = await run();
    expect(inventions.params.unit).toBe("invention");
    expect(inventions.data?.scope).toMatchObject({ unit: "invention", total: 4, corpusTotal: 4 });
    // the granted B stands for its application: one grant, not an application counted twice
    expect(inventions.data?.trends.applications.reduce((a, b) => a + b, 0)).toBe(4);
    expect(inventions.data?.scope.reading[0]).toContain("4 件申请");
    const publications = await run("publication");
    expect(publications.data?.scope).toMatchObject({ unit: "publication", total: 6, corpusTotal: 6 });
    expect(publications.data?.scope.reading[0]).toContain("6 件公开文献");
  });
});
