import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvStream, xlsxStream } from "./export-writers.js";
import type { HitRow } from "./hits.repository.js";

/** The parts' modification time the exports are given (the app's clock in the routes). */
const MODIFIED = new Date(Date.UTC(2026, 0, 5, 9));

/** Rows built here (the writers only format them), counting how many the writer has pulled. */
function counted(n: number, title = (i: number) => `锂离子电池 ${i}`) {
  const pulled = { n: 0 };
  function* rows(): Generator<HitRow> {
    for (let i = 0; i < n; i++) {
      pulled.n++;
      yield {
        id: i,
        pub_no: `CN${100000 + i}A`,
        app_no: null,
        title: title(i),
        abstract: "一种电池的正极材料及其制备方法，".repeat(8),
        claims: null,
        app_date: "2020-01-01",
        pub_date: null,
        grant_date: null,
        type: "invention_grant",
        status: "valid",
        status_raw: "有效",
        ipc_main: "H01M 4/00",
        ipc_all: "H01M 4/00",
        applicants_raw: null,
        inventors: null,
        province_code: "41",
        city_code: "4101",
        district_code: null,
        agency: null,
        agent: null,
        title_en: null,
        abstract_en: null,
        cpc: null,
        priority_nos: null,
        cited_refs: null,
        cites_count: null,
        cited_by_count: null,
        family_id: null,
        family_members: null,
        family_count: null,
        applicants: [{ id: 1, name: "某某电池有限公司" }],
      };
    }
  }
  return { rows: rows(), pulled };
}

const turns = async (k: number) => {
  for (let i = 0; i < k; i++) await new Promise((res) => setTimeout(res, 2));
};

async function bytesOf(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

describe("export writers (issue #13: exports must not run ahead of their reader)", () => {
  it.each([
    ["csv", csvStream],
    ["xlsx", (rows: Iterable<HitRow>) => xlsxStream(rows, MODIFIED)],
  ] as const)("%s stops producing rows while nobody reads, and finishes every row once read", async (_f, write) => {
    const src = counted(20_000);
    const out = write(src.rows);
    await turns(40);
    const whileStalled = src.pulled.n;
    expect(whileStalled).toBeLessThan(5_000);
    const body = await bytesOf(out);
    expect(src.pulled.n).toBe(20_000);
    expect(body.length).toBeGreaterThan(0);
  });

  it("writes an XLSX that opens, with a bold header, awkward text intact and the note as the last row", async () => {
    const src = counted(3, (i) => (i === 0 ? 'A&B <c> "q" \u0001ctl 𠀀 =SUM(1)' : `标题 ${i}`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(xlsxStream(src.rows, MODIFIED, "仅导出前 3 条"))) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe("专利 Patents");
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(String(sheet.getRow(1).getCell(1).value)).toBe("公开号 Publication No.");
    expect(String(sheet.getRow(2).getCell(3).value)).toBe('A&B <c> "q" ctl 𠀀 =SUM(1)');
    expect(String(sheet.getRow(3).getCell(1).value)).toBe("CN100001A");
    expect(String(sheet.getRow(5).getCell(1).value)).toBe("仅导出前 3 条");
  });

  it("ends the stream (and stops pulling rows) when the reader goes away", async () => {
    const src = counted(50_000);
    const out = xlsxStream(src.rows, MODIFIED);
    out.resume();
    await turns(5);
    out.destroy();
    await turns(20);
    const at = src.pulled.n;
    await turns(20);
    expect(src.pulled.n).toBe(at);
    expect(at).toBeLessThan(50_000);
  });
});
