import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { useRealFixtureApp } from "../../testing/test-app.js";

const fixtureApp = useRealFixtureApp();

const get = (url: string) => fixtureApp().inject({ method: "GET", url });

describe("GET /api/search", () => {
  it("finds a two-character Chinese word with exact total, highlights and labelled facets", async () => {
    const res = await get(`/api/search?q=${encodeURIComponent("电池")}&facets=type,year`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    expect(body.hits[0].titleHighlight).toContain("<em>电池</em>");
    expect(body.facets.type).toEqual([{ value: "invention_grant", label: "发明授权", count: 4 }]);
    expect(body.facets.year.map((b: { count: number }) => b.count).reduce((a: number, b: number) => a + b)).toBe(4);
  });

  it("accepts the same query by POST", async () => {
    const res = await fixtureApp().inject({ method: "POST", url: "/api/search", payload: { q: "燃料电池", limit: 5 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
  });

  it("resolves REGION= names through the division table", async () => {
    for (const region of ["郑州", "4101", "河南"]) {
      const res = await get(`/api/search?q=${encodeURIComponent(`REGION=${region}`)}`);
      expect(res.json().hits.map((h: { publicationNumber: string }) => h.publicationNumber)).toEqual(["CN115883397A"]);
    }
  });

  it("walks every hit exactly once by cursor, newest first", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/search?q=${encodeURIComponent("电池")}&sort=date_desc&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const body = (await get(url)).json();
      seen.push(...body.hits.map((h: { applicationDate: string }) => h.applicationDate));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["2006-01-10", "2004-07-26", "2004-03-01", "2003-12-01"]);
  });

  it("answers a malformed query with 400 naming the position", async () => {
    const res = await get(`/api/search?q=${encodeURIComponent("TI=(电池 AND")}`);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("QUERY_SYNTAX");
    expect(typeof error.details.position).toBe("number");
    expect(error.details.position).toBeGreaterThan(3);
  });

  it("rejects bad parameters with 400, never 500", async () => {
    for (const url of [
      "/api/search?q=a&limit=1000",
      "/api/search?q=",
      "/api/search?q=a&facets=nope",
      "/api/search?q=a&sort=x",
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe("BAD_REQUEST");
    }
  });

  it("rejects an unknown region with a clear 400", async () => {
    const res = await get(`/api/search?q=${encodeURIComponent("REGION=不存在的地方")}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("QUERY_SYNTAX");
  });
});

describe("GET /api/search/export", () => {
  it("streams every hit as CSV with the row count in X-Total-Count", async () => {
    const res = await get(`/api/search/export?q=${encodeURIComponent("电池")}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-total-count"]).toBe("4");
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="zhichan-patents-.*\.csv"/);
    const lines = res.body.split("\n").filter(Boolean);
    expect(lines[0].startsWith("\uFEFF公开号")).toBe(true);
    expect(lines).toHaveLength(5);
  });

  it("streams XLSX that opens with a header and every hit", async () => {
    const res = await get(`/api/search/export?q=${encodeURIComponent("电池")}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(5);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^CN/);
  });
});

describe("other routes", () => {
  it("serves health with counts", async () => {
    const body = (await get("/api/health")).json();
    expect(body).toMatchObject({ status: "ok", patents: 6, indexedDocs: 6 });
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await get("/api/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
  });

  it("serves the OpenAPI document", async () => {
    const res = await get("/api/docs/json");
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain("/api/search");
  });
});
