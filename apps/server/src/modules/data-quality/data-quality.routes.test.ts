import fs from "node:fs";
import path from "node:path";
import type { DataQuality } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { importFile } from "../imports/imports.service.js";

/** The data-quality aggregates over a small database the test builds (on top of the fixture patents). */
let t: AuthTestApp;
let official: Record<string, string>;
let report: DataQuality;

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n");
const count = (sql: string) => t.db.sqlite.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  t = await authTestApp();
  const file = path.join(t.dir, "quality.csv");
  fs.writeFileSync(
    file,
    csv([
      ["publication_number", "title", "abstract", "applicants", "legal_status", "agency"],
      ["CN300000001A", "一种电池", "电池摘要", "郑州宇通客车股份有限公司", "有效", "郑州某某专利代理事务所"],
      ["CN300000002A", "一种电池箱", "", "郑州宇通客车股份有限公司", "神秘状态", ""],
      ["CN300000003A", "一种客车", "", "无名科技有限公司", "神秘状态", ""],
      ["CN300000004A", "一种底盘", "", "无名科技有限公司", "另一种状态", ""],
    ]),
  );
  await importFile(t.db, file, { source: "fixture_quality" });
  official = { host: "localhost", ...sessionHeaders(t, (await makeUser(t, "dq-city", [{ role: "official" }])).id) };
  const res = await t.app.inject({ method: "GET", url: "/api/data-quality", headers: official });
  expect(res.statusCode).toBe(200);
  report = res.json();
}, 120_000);
afterAll(async () => t.close());

describe("GET /api/data-quality", () => {
  it("is for officials with data:import only", async () => {
    const ent = { host: "localhost", ...sessionHeaders(t, (await makeUser(t, "dq-ent", [{ role: "enterprise" }])).id) };
    expect((await t.app.inject({ method: "GET", url: "/api/data-quality", headers: ent })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/data-quality" })).statusCode).toBe(401);
  });

  it("counts each field's non-empty share over every patent", () => {
    const total = count("SELECT count(*) FROM patents");
    expect(report.patents).toBe(total);
    const field = (f: string) => report.coverage.find((c) => c.field === f);
    expect(field("title")).toEqual({ field: "title", filled: total, share: 1 });
    expect(field("abstract")?.filled).toBe(count("SELECT count(*) FROM patents WHERE abstract <> ''"));
    expect(field("agency")?.filled).toBe(count("SELECT count(*) FROM patents WHERE agency <> ''"));
    expect(field("agency")?.filled).toBeGreaterThanOrEqual(1);
  });

  it("lists the raw legal statuses that normalised to unknown, most frequent first", () => {
    expect(report.unknownStatuses.top.slice(0, 2)).toEqual([
      { value: "神秘状态", count: 2 },
      { value: "另一种状态", count: 1 },
    ]);
    expect(report.unknownStatuses.total).toBe(count("SELECT count(*) FROM patents WHERE status = 'unknown'"));
  });

  it("counts applicants without a region and ranks them by patents", () => {
    expect(report.applicantsWithoutRegion.total).toBe(
      count("SELECT count(*) FROM applicants WHERE merged_into IS NULL AND region_code IS NULL"),
    );
    const top = report.applicantsWithoutRegion.top;
    expect(top.find((a) => a.name === "无名科技有限公司")?.patents).toBe(2);
    expect(top.every((a, i) => i === 0 || top[i - 1].patents >= a.patents)).toBe(true);
  });

  it("counts patents per region rule and shows the import history with its file hash and layout", () => {
    const sum = report.regionRules.reduce((s, r) => s + r.count, 0);
    expect(sum).toBe(report.patents);
    const run = report.imports.find((r) => r.source === "fixture_quality");
    expect(run).toMatchObject({ file: "quality.csv", rowsOk: 4, rowsBad: 0 });
    expect(run?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof run?.layout).toBe("string");
    expect(report.merges.kind).toBe("recent");
  });

  it("reflects a change at once (nothing cached)", async () => {
    t.db.sqlite.prepare("UPDATE patents SET agency = '新代理机构' WHERE pub_no = 'CN300000002A'").run();
    const again: DataQuality = (
      await t.app.inject({ method: "GET", url: "/api/data-quality", headers: official })
    ).json();
    const agency = (r: DataQuality) => r.coverage.find((c) => c.field === "agency")?.filled ?? 0;
    expect(agency(again)).toBe(agency(report) + 1);
  });
});
