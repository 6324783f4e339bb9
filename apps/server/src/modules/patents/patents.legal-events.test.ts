/** The detail API carries the other legal events PRS records report (transfer, licence, pledge …) with code and words. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import type { ZodApp } from "../../http/zod-app.js";
import { freshDb } from "../../testing/fixture-db.js";
import { testApp } from "../../testing/test-app.js";
import { importFile } from "../imports/imports.service.js";

let db: Db;
let app: ZodApp;
let write: (name: string, content: string) => string;
const NS =
  'xmlns:business="http://www.sipo.gov.cn/XMLSchema/business" xmlns:base="http://www.sipo.gov.cn/XMLSchema/base"';
const prs = (code: string, value: string, date: string, info = "") => `
 <business:PRSRecord>
  <business:ApplicationReference><base:DocumentID><base:DocNumber>202310000001.2</base:DocNumber></base:DocumentID></business:ApplicationReference>
  <business:PRSCode>${code}</business:PRSCode><business:PRSValue>${value}</business:PRSValue>
  <business:PRSInformation>${info}</business:PRSInformation>
  <business:PRSPublicationDate><base:Date>${date}</base:Date></business:PRSPublicationDate>
 </business:PRSRecord>`;

beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  write = (name: string, content: string) => {
    const file = path.join(fresh.dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  await importFile(
    db,
    write(
      "bib.csv",
      ["公开号,申请号,标题,申请人,法律状态", "CN900000021B,CN202310000001.2,一种电池,甲公司,有效"].join("\n"),
    ),
    { source: "vendor_a", exportDate: "2024-01-05" },
  );
  const records = [
    prs("TR01", "专利权的转移", "20240301", "变更前权利人：甲公司"),
    prs("PE01", "专利权质押合同登记的生效", "20240502"),
    prs("ZZ99", "未列入代码表的事项", "20240601"),
  ];
  const r = await importFile(
    db,
    write(
      "prs.xml",
      `<?xml version="1.0" encoding="UTF-8"?><business:PRSRecords ${NS}>${records.join("")}</business:PRSRecords>`,
    ),
    { source: "cnipa_prs" },
  );
  expect(r.rowsOk).toBe(3);
  ({ app } = await testApp(db, fresh.dir));
});
afterAll(async () => {
  await app?.close();
  db?.close();
});

describe("GET /api/patents/:id legal events", () => {
  it("lists transfer, pledge and unlisted codes, oldest first, with category, words and source", async () => {
    const body = (await app.inject({ method: "GET", url: "/api/patents/CN900000021B" })).json();
    expect(body.legalEvents).toEqual([
      {
        date: "2024-03-01",
        code: "TR01",
        category: "transfer",
        text: "专利权的转移 — 变更前权利人：甲公司",
        source: "cnipa_prs",
      },
      { date: "2024-05-02", code: "PE01", category: "pledge", text: "专利权质押合同登记的生效", source: "cnipa_prs" },
      { date: "2024-06-01", code: "ZZ99", category: null, text: "未列入代码表的事项", source: "cnipa_prs" },
    ]);
    // Events that change nothing stay out of the status history.
    expect(body.history.filter((e: { from: string | null }) => e.from !== null)).toEqual([]);
  });

  it("is an empty list for a record with no PRS events", async () => {
    await importFile(db, write("plain.csv", "公开号,标题,申请人\nCN900000022A,一种电机,乙公司\n"), {
      source: "vendor_a",
    });
    const body = (await app.inject({ method: "GET", url: "/api/patents/CN900000022A" })).json();
    expect(body.legalEvents).toEqual([]);
  });
});
