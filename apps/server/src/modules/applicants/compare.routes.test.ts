import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import type { ZodApp } from "../../http/zod-app.js";
import { freshDb, insertPatents, seedReference } from "../../testing/fixture-db.js";
import { testApp } from "../../testing/test-app.js";

let db: Db;
let app: ZodApp;
const id = (name: string) =>
  (db.sqlite.prepare("SELECT id FROM applicants WHERE name = ?").get(name) as { id: number }).id;

// Small test documents (written for this test): 甲 has one application published twice (A and B) and one joint
// application with 乙; 乙 has one more of its own.
beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  seedReference(db);
  insertPatents(db, [
    {
      pub_no: "CN800001A",
      app_no: "CN202010000001.1",
      title: "电池",
      applicants: ["甲公司"],
      app_date: "2020-03-01",
      ipc: ["H01M10/05"],
      region: ["41", "4101", "410105"],
    },
    {
      pub_no: "CN800001B",
      app_no: "CN202010000001.1",
      title: "电池",
      applicants: ["甲公司"],
      app_date: "2020-03-01",
      type: "invention_grant",
      status: "valid",
      ipc: ["H01M10/05"],
      region: ["41", "4101", "410105"],
    },
    {
      pub_no: "CN800002A",
      app_no: "CN202110000002.1",
      title: "电机",
      applicants: ["甲公司", "乙公司"],
      app_date: "2021-05-01",
      ipc: ["H02K1/00"],
      region: ["41", "4101", ""],
    },
    {
      pub_no: "CN800003A",
      app_no: "CN202210000003.1",
      title: "电机",
      applicants: ["乙公司"],
      app_date: "2022-05-01",
      status: "lapsed",
      ipc: ["H02K3/00"],
      region: ["50", "5001", ""],
    },
  ]);
  db.sqlite
    .prepare("UPDATE patents SET inventors = ?, cited_by_count = ? WHERE pub_no = ?")
    .run("张三;李四", 5, "CN800002A");
  ({ app } = await testApp(db, fresh.dir));
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const get = (qs: string) => app.inject({ method: "GET", url: `/api/applicants/compare?${qs}` });

describe("applicant comparison over HTTP", () => {
  it("puts two entities side by side, in inventions by default and in publications when asked", async () => {
    const [a, b] = [id("甲公司"), id("乙公司")];
    const res = await get(`ids=${a},${b}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit).toBe("invention");
    const [x, y] = body.applicants;
    expect(x).toMatchObject({ id: a, name: "甲公司", query: `APID=${a}`, total: 2 });
    expect(x.byYear).toEqual([
      { year: 2020, count: 1 },
      { year: 2021, count: 1 },
    ]);
    expect(x.ipc).toEqual([
      { code: "H01M", count: 1 },
      { code: "H02K", count: 1 },
    ]);
    expect(x.regions).toEqual([{ code: "4101", name: "郑州市", count: 2 }]);
    expect(x.coApplicants).toEqual([{ id: b, name: "乙公司", count: 1 }]);
    expect(x.inventors).toEqual([
      { code: "张三", count: 1 },
      { code: "李四", count: 1 },
    ]);
    expect(x.citations).toMatchObject({ covered: 1, citedBy: 5, cited: 1, top: [{ pubNo: "CN800002A" }] });
    expect(y).toMatchObject({
      id: b,
      total: 2,
      status: [
        { code: "pending", count: 1 },
        { code: "lapsed", count: 1 },
      ],
    });
    expect(y.regions.map((r: { code: string; count: number }) => [r.code, r.count])).toEqual([
      ["4101", 1],
      ["5001", 1],
    ]);
    const pubs = (await get(`ids=${a},${b}&unit=publication`)).json();
    expect(pubs.unit).toBe("publication");
    expect(pubs.applicants[0].total).toBe(3);
    expect(pubs.applicants[0].byYear).toEqual([
      { year: 2020, count: 2 },
      { year: 2021, count: 1 },
    ]);
  });

  it("answers 400 for fewer than two, more than five, repeated or malformed ids, and 404 for an unknown one", async () => {
    const a = id("甲公司");
    for (const qs of [`ids=${a}`, "ids=1,2,3,4,5,6", `ids=${a},${a}`, "ids=1,x", "ids=", "ids=1,2&unit=family"]) {
      const res = await get(qs);
      expect(res.statusCode, qs).toBe(400);
    }
    expect((await get(`ids=${a},${a}`)).json().error.message).toContain("同一申请人不能比较两次");
    expect((await get(`ids=${a},999999`)).statusCode).toBe(404);
  });
});
