/** The detail API carries the legal-status history that later exports record, oldest first, with its sources. */
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
const HEADER = "公开号,标题,申请人,法律状态";

beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  const write = (name: string, status: string) => {
    const file = path.join(fresh.dir, name);
    fs.writeFileSync(
      file,
      [HEADER, `CN900000011A,一种电池,甲公司,${status}`, "CN900000012A,一种电机,乙公司,有效"].join("\n"),
    );
    return file;
  };
  await importFile(db, write("a.csv", "实质审查"), { source: "vendor_a", exportDate: "2024-01-05" });
  await importFile(db, write("b.csv", "驳回"), { source: "vendor_b", exportDate: "2024-06-30" });
  ({ app } = await testApp(db, fresh.dir));
});
afterAll(async () => {
  await app?.close();
  db?.close();
});

describe("GET /api/patents/:id history", () => {
  it("lists each recorded legal-status change with its date, raw words and source, oldest first", async () => {
    const body = (await app.inject({ method: "GET", url: "/api/patents/CN900000011A" })).json();
    expect(body.status).toBe("rejected");
    const changes = body.history.filter((e: { from: string | null }) => e.from !== null);
    expect(changes).toEqual([
      { date: "2024-06-30", from: "pending", to: "rejected", fromRaw: "实质审查", toRaw: "驳回", source: "vendor_b" },
    ]);
    expect(body.history.at(-1)).toEqual(changes[0]);
  });

  it("is empty-handed, not missing, for a record whose status never changed", async () => {
    const body = (await app.inject({ method: "GET", url: "/api/patents/CN900000012A" })).json();
    expect(body.history.filter((e: { from: string | null }) => e.from !== null)).toEqual([]);
  });
});
