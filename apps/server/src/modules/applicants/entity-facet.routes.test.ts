import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import type { ZodApp } from "../../http/zod-app.js";
import { freshDb } from "../../testing/fixture-db.js";
import { testApp } from "../../testing/test-app.js";
import { importFile } from "../imports/imports.service.js";

// Facets and profiles use applicant entities (issue #14 item 6): the A and B of one application name the company in
// Chinese and in English, so the linker makes them one entity; the applicant bucket's value is that entity's id, and
// filtering by it (APID=, what the web app's bucket click sends) finds every spelling and nothing else — a filter on
// the label's text also finds another company whose name contains it.
const CSV = [
  "公开号,申请号,标题,申请人",
  "CN115900001A,CN202290000001.3,一种实体检验夹具,实体检验科技有限公司",
  "CN115900001B,CN202290000001.3,一种实体检验夹具,ENTITY CHECK TECHNOLOGY CO LTD",
  "CN115900002A,CN202290000002.3,实体检验夹具控制,ENTITY CHECK TECHNOLOGY CO LTD",
  // Another company whose name contains the first one's: a text filter on the name finds it too.
  "CN115900003A,CN202290000003.3,另一种夹具,ENTITY CHECK TECHNOLOGY CO LTD SHANGHAI BRANCH",
].join("\n");

let db: Db;
let app: ZodApp;

beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  const file = path.join(fresh.dir, "entity-facet.csv");
  fs.writeFileSync(file, CSV);
  expect((await importFile(db, file, { source: "entity_facet_test" })).rowsOk).toBe(4);
  ({ app } = await testApp(db, fresh.dir));
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const get = async (url: string) => {
  const res = await app.inject({ method: "GET", url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const total = async (q: string) => (await get(`/api/search?q=${encodeURIComponent(q)}&limit=0`)).total as number;

describe("applicant facet buckets are entities", () => {
  it("one bucket for both spellings, its value the entity id; filtering by the id finds all three", async () => {
    const r = await get(`/api/search?q=${encodeURIComponent("TI=夹具")}&limit=0&facets=applicant`);
    const buckets = r.facets.applicant as Array<{ value: string; label: string; count: number }>;
    expect(buckets.map((b) => b.count)).toEqual([3, 1]);
    const [bucket] = buckets;
    const entityOf = (alias: string) =>
      db.sqlite.prepare("SELECT applicant_id FROM applicant_aliases WHERE alias = ?").pluck().get(alias);
    expect(Number(bucket.value)).toBe(entityOf("实体检验科技有限公司"));
    expect(Number(bucket.value)).toBe(entityOf("ENTITY CHECK TECHNOLOGY CO LTD"));
    expect(await total(`APID=${bucket.value}`)).toBe(3);
    expect(await total(`AP="${bucket.label}"`)).toBe(4);
  });

  it("the profile counts the entity across both spellings", async () => {
    const id = db.sqlite
      .prepare("SELECT applicant_id FROM applicant_aliases WHERE alias = '实体检验科技有限公司'")
      .pluck()
      .get() as number;
    const p = await get(`/api/applicants/${id}?unit=publication`);
    expect(p.query).toBe(`APID=${id}`);
    expect(p.patentCount).toBe(3);
    expect(p.inventionCount).toBe(2);
    expect(p.aliases).toEqual(["ENTITY CHECK TECHNOLOGY CO LTD", "实体检验科技有限公司"].sort());
  });
});
