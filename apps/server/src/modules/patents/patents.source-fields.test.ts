/** The detail API shows the fields vendor exports carry, links citations and family members, and every other column. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import type { ZodApp } from "../../http/zod-app.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { testApp } from "../../testing/test-app.js";
import { importFile } from "../imports/imports.service.js";

let db: Db;
let app: ZodApp;

beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  seedReference(db);
  const file = path.join(fresh.dir, "export.csv");
  fs.writeFileSync(
    file,
    [
      "公开(公告)号,标题,标题(英文),摘要(英文),CPC,优先权号,优先权日,引证专利,被引用数,简单同族ID,简单同族,合享价值度,审查员",
      'CN112345678A,一种聊天机器人,Chatbot,A chatbot.,"G06F16/332;G06N3/08",CN201910000001.1,2019-01-02,"WO2021000001A1;US5433384A",3,F123,"CN112345678A;WO2021000001A1",8,赵六',
      "WO2021000001A1,,Conversational agent,,,,,,,F123,,,",
    ].join("\n"),
  );
  await importFile(db, file, { source: "fixture_fields" });
  ({ app } = await testApp(db, fresh.dir));
});
afterAll(async () => {
  await app?.close();
  db?.close();
});

describe("GET /api/patents/:id with the source's extra fields", () => {
  it("answers English title/abstract, CPC, priorities, linked citations and family, and the other columns", async () => {
    const body = (await app.inject({ method: "GET", url: "/api/patents/CN112345678A" })).json();
    const wo = db.sqlite.prepare("SELECT id FROM patents WHERE pub_no = 'WO2021000001A1'").pluck().get();
    expect(body).toMatchObject({
      title: "一种聊天机器人",
      titleEn: "Chatbot",
      abstractEn: "A chatbot.",
      cpc: ["G06F16/332", "G06N3/08"],
      priorityNumbers: ["CN201910000001.1"],
      priorityDates: ["2019-01-02"],
      citedReferences: [
        { publicationNumber: "WO2021000001A1", id: wo },
        { publicationNumber: "US5433384A", id: null },
      ],
      citesCount: 2,
      citedByCount: 3,
      familyId: "F123",
      familyCount: 2,
      otherFields: [
        { header: "合享价值度", value: "8" },
        { header: "审查员", value: "赵六" },
      ],
    });
    const foreign = (await app.inject({ method: "GET", url: "/api/patents/WO2021000001A1" })).json();
    expect(foreign).toMatchObject({ title: "Conversational agent", titleEn: "Conversational agent", otherFields: [] });
  });
});
