import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import type { ZodApp } from "../../http/zod-app.js";
import { freshDb, insertPatents, seedReference } from "../../testing/fixture-db.js";
import { testApp } from "../../testing/test-app.js";
import { EFFECT_PATENTS } from "./tech-effect.fixture.js";

let db: Db;
let app: ZodApp;
beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  seedReference(db);
  insertPatents(db, EFFECT_PATENTS);
  ({ app } = await testApp(db, fresh.dir));
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const branches = [
  { label: "隔膜与箱体", query: "IPC=H01M50" },
  { label: "H01M10", query: "IPC=H01M10" },
];
const effects = [
  { label: "降低成本", terms: ["降低制造成本", "降低处理成本", "reduces the manufacturing cost"] },
  { label: "提高效率", terms: ["提高生产效率"] },
  { label: "延长寿命", terms: ["延长电池寿命"] },
];
const post = (url: string, payload: unknown) => app.inject({ method: "POST", url, payload: payload as object });

describe("technology–effect matrix over HTTP", () => {
  it("suggests the mined effects and the hit set's IPC main groups", async () => {
    const res = await app.inject({
      method: "GET",
      url: `/api/matrix/suggest?q=${encodeURIComponent("电池 OR battery")}`,
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ total: 7, sampled: 7 });
    expect(s.effects[0]).toEqual({
      label: "降低成本",
      terms: ["降低制造成本", "降低处理成本"],
      docs: 4,
    });
    expect(s.effects.map((e: { label: string }) => e.label)).toContain("延长寿命");
    expect(s.branches).toEqual([
      { label: "H01M10", query: "IPC=H01M10", count: 4 },
      { label: "H01M50", query: "IPC=H01M50", count: 3 },
    ]);
  });

  it("counts each cell exactly, in publications or inventions, with the query that lists its hits", async () => {
    const pubs = (await post("/api/matrix", { q: "*", branches, effects })).json();
    expect(pubs.cells.map((row: { count: number }[]) => row.map((c) => c.count))).toEqual([
      [3, 2, 0],
      [2, 0, 2],
    ]);
    expect(pubs.blanks).toBe(2);
    expect(pubs.branches.map((b: { total: number }) => b.total)).toEqual([3, 4]);
    expect(pubs.effects.map((e: { total: number }) => e.total)).toEqual([5, 2, 2]);
    const cell = pubs.cells[0][0];
    expect(cell.query).toBe('(IPC=H01M50) AND ("降低制造成本" OR "降低处理成本" OR "reduces the manufacturing cost")');
    const listed = await app.inject({ method: "GET", url: `/api/search?q=${encodeURIComponent(cell.query)}` });
    expect(listed.json().total).toBe(3);

    const inventions = (await post("/api/matrix", { q: "TI=电池", group: "invention", branches, effects })).json();
    expect(inventions.unit).toBe("invention");
    expect(inventions.cells[0].map((c: { count: number }) => c.count)).toEqual([2, 1, 0]);
    expect(inventions.total).toBe(5);
  });

  it("refuses a matrix over 12 × 12, quotes in terms, duplicate names and malformed branches with a 400", async () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ label: `b${i}`, query: `IPC=H0${i % 10}` }));
    const big = await post("/api/matrix", { q: "*", branches: many, effects });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toContain("矩阵最多 12 个技术分支 × 12 个功效");
    expect(big.json().error.details).toMatchObject({ maxSide: 12, branches: 13 });
    const quoted = await post("/api/matrix", { q: "*", branches, effects: [{ label: "x", terms: ['a"b'] }] });
    expect(quoted.statusCode).toBe(400);
    const twice = await post("/api/matrix", { q: "*", branches: [branches[0], branches[0]], effects });
    expect(twice.statusCode).toBe(400);
    const bad = await post("/api/matrix", { q: "*", branches: [{ label: "坏", query: "TI=(电池" }], effects });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toMatchObject({ branch: "坏" });
    const badBase = await post("/api/matrix", { q: "AD=2022..2020", branches, effects });
    expect(badBase.statusCode).toBe(400);
    const empty = await post("/api/matrix", { q: "*", branches: [], effects });
    expect(empty.statusCode).toBe(400);
    const noQ = await app.inject({ method: "GET", url: "/api/matrix/suggest?limit=99&q=x" });
    expect(noQ.statusCode).toBe(400);
  });

  it("exports the matrix as a workbook with counts, totals and the definitions", async () => {
    const res = await post("/api/matrix/xlsx", { q: "*", branches, effects, lang: "en" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/tech-effect-matrix.*\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Technology-effect matrix")!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const table = rows.slice(4).map((r) => r.slice(1));
    expect(table).toEqual([
      ["Branch \\ effect", "降低成本", "提高效率", "延长寿命", "Total"],
      ["隔膜与箱体", 3, 2, 0, 3],
      ["H01M10", 2, 0, 2, 4],
      ["Total", 5, 2, 2],
    ]);
    expect(wb.getWorksheet("Definitions")!.getRow(2).values).toEqual([undefined, "Branch", "隔膜与箱体", "IPC=H01M50"]);
  });
});
