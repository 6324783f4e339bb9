import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import type { ZodApp } from "../../http/zod-app.js";
import { type FixturePatent, freshDb, insertPatents } from "../../testing/fixture-db.js";
import { testApp } from "../../testing/test-app.js";

/**
 * POST /api/patents/lookup over 300 records made here: an A publication and, for every third, its B grant (same
 * application), so an application number names two records.
 */
const N = 300;
const pubNo = (i: number, kind = "A") => `CN${114600000 + i}${kind}`;
const appDigits = (i: number) => `2021100${String(i).padStart(5, "0")}`;
const checkDigit = (i: number) => i % 10;
const PATENTS: FixturePatent[] = [];
for (let i = 0; i < N; i++) {
  const app = `CN${appDigits(i)}.${checkDigit(i)}`;
  PATENTS.push({ pub_no: pubNo(i), app_no: app, title: `测试专利 ${i}`, applicants: ["郑州测试有限公司"] });
  if (i % 3 === 0)
    PATENTS.push({ pub_no: pubNo(i, "B"), app_no: app, title: `测试专利 ${i}`, type: "invention_grant" });
}

let db: Db;
let app: ZodApp;
beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  insertPatents(db, PATENTS);
  ({ app } = await testApp(db, fresh.dir));
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const lookup = (numbers: unknown) => app.inject({ method: "POST", url: "/api/patents/lookup", payload: { numbers } });

/** Each record's number in a different spelling: with and without prefix, kind code and check digit. */
function spelling(i: number): string {
  switch (i % 6) {
    case 0:
      return pubNo(i);
    case 1:
      return pubNo(i).slice(2); // no country prefix
    case 2:
      return pubNo(i).slice(0, -1).toLowerCase(); // no kind code
    case 3:
      return `CN${appDigits(i)}.${checkDigit(i)}`;
    case 4:
      return appDigits(i); // no check digit
    default:
      return `ZL${appDigits(i)}${checkDigit(i)}`;
  }
}

describe("POST /api/patents/lookup", () => {
  it("answers 10,000 numbers, any separators: the records found and the numbers not found, in the order given", async () => {
    const numbers: string[] = [];
    for (let k = 0; k < 10_000; k++) {
      // every 33rd number is a record's, the rest name nothing (CN7… publications do not exist here)
      numbers.push(k % 33 === 0 && k / 33 < N ? spelling(k / 33) : `CN7${String(k).padStart(8, "0")}A`);
    }
    const separators = ["\n", ", ", " ", ";", "\r\n", "；", "\t"];
    const text = numbers.map((n, k) => `${n}${separators[k % separators.length]}`).join("");
    const res = await lookup(text);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asked).toBe(10_000);
    const wanted = numbers.filter((_, k) => k % 33 === 0 && k / 33 < N);
    expect(body.found.map((f: { number: string }) => f.number)).toEqual(wanted);
    expect(body.notFound).toEqual(numbers.filter((n) => !wanted.includes(n)));
    // an A number names its record; an application number (or A without kind code) the A and its B
    const first = body.found[0];
    expect(first.number).toBe("CN114600000A");
    expect(first.patents.map((p: { publicationNumber: string }) => p.publicationNumber)).toEqual(["CN114600000A"]);
    expect(first.patents[0]).toMatchObject({ title: "测试专利 0", applicants: [{ name: "郑州测试有限公司" }] });
    const byApplication = body.found.find((f: { number: string }) => f.number === `CN${appDigits(3)}.3`);
    expect(byApplication.patents.map((p: { publicationNumber: string }) => p.publicationNumber).sort()).toEqual([
      pubNo(3),
      pubNo(3, "B"),
    ]);
    expect(body.found.find((f: { number: string }) => f.number === appDigits(4)).patents).toHaveLength(1);
  });

  it("counts a number typed twice once, keeping the first spelling", async () => {
    const body = (await lookup("CN114600001A\ncn114600001a, CN114600002A")).json();
    expect(body.asked).toBe(2);
    expect(body.found.map((f: { number: string }) => f.number)).toEqual(["CN114600001A", "CN114600002A"]);
  });

  it("answers bad input with 400 or 413, never 500", async () => {
    for (const numbers of ["", " \n, ;", 42, null]) {
      const res = await lookup(numbers);
      expect(res.statusCode, String(numbers)).toBe(400);
      expect(res.json().error.code).toBe("BAD_REQUEST");
    }
    const tooMany = Array.from({ length: 10_001 }, (_, k) => `CN${k}`).join("\n");
    let res = await lookup(tooMany);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/10,000.*10,001/);
    res = await lookup(`CN114600001A ${"9".repeat(41)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual({ index: 1 });
    res = await lookup("1".repeat(400_001));
    expect(res.statusCode).toBe(400);
    res = await app.inject({
      method: "POST",
      url: "/api/patents/lookup",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ numbers: "，".repeat(600_000) }),
    });
    expect(res.statusCode).toBe(413);
  });
});

describe("POST /api/patents/lookup/export", () => {
  it("streams the found records in the order given, then the numbers not found", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/patents/lookup/export",
      payload: { numbers: `CN114600002A\nCN799999999A\n${appDigits(3)}\nCN799999998A`, format: "xlsx" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-total-count"]).toBe("3");
    expect(res.headers["x-not-found-count"]).toBe("2");
    expect(res.headers["content-disposition"]).toMatch(/filename="zhichan-lookup-.*\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const col = (r: number) => String(wb.worksheets[0].getRow(r).getCell(1).value ?? "");
    expect([2, 3, 4].map(col)).toEqual([pubNo(2), pubNo(3), pubNo(3, "B")]);
    expect(col(6)).toMatch(/Numbers not found \(2\)/);
    expect([7, 8].map(col)).toEqual(["CN799999999A", "CN799999998A"]);
  });

  it("also writes CSV", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/patents/lookup/export",
      payload: { numbers: "CN114600002A CN799999999A", format: "csv" },
    });
    const lines = res.body.split("\n").filter(Boolean);
    expect(lines[1].startsWith("CN114600002A,")).toBe(true);
    expect(lines.slice(-1)).toEqual(["CN799999999A"]);
  });
});

describe("a bare number in a search", () => {
  it("finds its record with or without prefix, kind code or check digit", async () => {
    for (const q of [pubNo(5), pubNo(5).slice(2, -1), `CN${appDigits(5)}.5`, appDigits(5)]) {
      const res = await app.inject({ method: "GET", url: `/api/search?q=${encodeURIComponent(q)}` });
      expect(
        res.json().hits.map((h: { publicationNumber: string }) => h.publicationNumber),
        q,
      ).toEqual([pubNo(5)]);
    }
  });
});
