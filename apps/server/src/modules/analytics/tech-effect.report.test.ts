import path from "node:path";
import { andQuery, effectQuery } from "@zhichan/core/analytics/tech-effect.ts";
import type { ReportData } from "@zhichan/shared";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { createServices, type Services } from "../../services.js";
import { freshDb, insertPatents, seedReference } from "../../testing/fixture-db.js";
import { SearchIndex } from "../search/search-index.js";
import { reportPrintHtml } from "./report-print.js";
import { reportXlsx } from "./report-xlsx.js";
import { EFFECT_PATENTS } from "./tech-effect.fixture.js";

let db: Db;
let s: Services;
const Q = "电池 OR battery";

beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  seedReference(db);
  insertPatents(db, EFFECT_PATENTS);
  s = createServices(db, SearchIndex.open(db, path.join(fresh.dir, "index")));
});
afterAll(async () => {
  await db.close();
});

async function report(unit: "publication" | "invention") {
  const created = s.analytics.create({ q: Q, focus: null, unit }, null);
  await s.jobs.drain();
  return s.analytics.get(created.id);
}

describe("the navigation report's technology–effect section", () => {
  it("crosses the hit set's IPC main groups with its mined effects, each cell an exact count", async () => {
    for (const unit of ["publication", "invention"] as const) {
      const r = await report(unit);
      const te = (r.data as ReportData).techEffect!;
      expect(te.branches.map((b) => b.label)).toEqual(["H01M10", "H01M50"]);
      expect(te.effects.map((e) => e.label)).toContain("降低成本");
      expect(te.sampled).toBe(unit === "publication" ? 7 : 6);
      te.branches.forEach((b, i) => {
        te.effects.forEach((e, k) => {
          expect(te.cells[i][k]).toBe(s.search.count(andQuery(Q, b.query, effectQuery(e.terms)), unit));
        });
      });
      expect(te.blanks).toBe(te.cells.flat().filter((n) => n === 0).length);
      expect(te.reading.join("")).toContain("空白点");
    }
  });

  it("prints and exports the section, and a report made before it existed still prints", async () => {
    const r = await report("publication");
    const html = reportPrintHtml(r);
    expect(html).toContain("十四、技术功效矩阵");
    expect(html).toContain("十五、结论");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(r)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("技术功效矩阵")!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      "技术分支 \\ 功效",
      ...r.data!.techEffect!.effects.map((e) => e.label),
      "合计",
    ]);
    const { techEffect: _, ...older } = r.data!;
    const old = reportPrintHtml({ ...r, data: older });
    expect(old).not.toContain("技术功效矩阵");
    expect(old).toContain("十五、结论");
  });
});
