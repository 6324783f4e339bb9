/**
 * Issue #16 items 6–9 over HTTP: the IPC tree with hit counts, cross-language expansion (the shipped CC-CEDICT
 * list), no-hit suggestions with exact counts, and the export's column choice.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { useRealFixtureApp } from "../../testing/test-app.js";

const fixtureApp = useRealFixtureApp();
const get = (url: string) => fixtureApp().inject({ method: "GET", url });
const total = async (q: string) => (await get(`/api/search?limit=0&q=${encodeURIComponent(q)}`)).json().total as number;

describe("GET /api/search/ipc-tree", () => {
  it("lists a level with the query's hits under each code, equal to the IPC= search", async () => {
    const top = (await get(`/api/search/ipc-tree?q=${encodeURIComponent("电池")}`)).json();
    expect(top.parent).toBeNull();
    expect(top.total).toBe(await total("电池"));
    const h = top.items.find((n: { code: string }) => n.code === "H");
    expect(h).toMatchObject({ level: "section", titleZh: "电学", hasChildren: true });
    expect(h.count).toBe(await total("电池 IPC=H"));
    const sub = (await get(`/api/search/ipc-tree?parent=h01&q=${encodeURIComponent("电池")}`)).json();
    expect(sub.path.map((n: { code: string }) => n.code)).toEqual(["H", "H01"]);
    expect(sub.items).toEqual([expect.objectContaining({ code: "H01M", count: await total("电池 IPC=H01M") })]);
    expect(sub.items[0].count).toBeGreaterThan(0);
  });

  it("counts inventions when grouped, every patent without a query; a bad parent is a 400, an unknown one a 404", async () => {
    const all = (await get("/api/search/ipc-tree?parent=H01")).json();
    expect(all.items[0].count).toBe(await total("IPC=H01M"));
    const grouped = (await get("/api/search/ipc-tree?parent=H01&group=invention")).json();
    expect(grouped.items[0].count).toBeLessThanOrEqual(all.items[0].count);
    expect((await get("/api/search/ipc-tree?parent=X9")).statusCode).toBe(400);
    expect((await get("/api/search/ipc-tree?parent=G")).statusCode).toBe(404);
    expect((await get(`/api/search/ipc-tree?q=${encodeURIComponent("TI=(")}`)).statusCode).toBe(400);
  });

  it("finds codes by words of their titles, with counts", async () => {
    const res = (await get(`/api/search/ipc-tree/find?words=${encodeURIComponent("电能 电池组")}`)).json();
    expect(res.items.map((n: { code: string }) => n.code)).toEqual(["H01M"]);
    expect(res.items[0].count).toBe(await total("IPC=H01M"));
    expect((await get("/api/search/ipc-tree/find?words=")).statusCode).toBe(400);
  });
});

describe("cross-language search", () => {
  it("adds the dictionary's Chinese words for an English word, shows them, counts and highlights them", async () => {
    const off = (await get("/api/search?q=battery")).json();
    expect(off.crossLanguage).toBeUndefined();
    const on = (await get("/api/search?q=battery&crossLanguage=1")).json();
    const added: string[] = on.crossLanguage[0].added;
    expect(on.crossLanguage[0].word).toBe("battery");
    expect(added).toContain("电池");
    expect(on.total).toBe(await total(["battery", ...added].join(" OR ")));
    expect(on.total).toBeGreaterThan(off.total);
    expect(on.hits.some((h: { titleHighlight: string }) => h.titleHighlight.includes("<em>电池</em>"))).toBe(true);
  });

  it("leaves out a removed word, and goes from Chinese to English too", async () => {
    const dropped = (await get(`/api/search?q=battery&crossLanguage=1&xlDrop=${encodeURIComponent("电池")}`)).json();
    expect(dropped.crossLanguage.flatMap((w: { added: string[] }) => w.added)).not.toContain("电池");
    const zh = (await get(`/api/search?q=${encodeURIComponent("燃料电池")}&crossLanguage=true`)).json();
    // the fixture holds no English text: an English word with no hit is not offered
    expect(zh.crossLanguage).toEqual([]);
  });
});

describe("no dead ends", () => {
  it("a query without hits returns the sub-queries that hit, with exact counts", async () => {
    const body = (await get(`/api/search?q=${encodeURIComponent("燃料电池 虚拟现实 AD>=2000")}`)).json();
    expect(body.total).toBe(0);
    expect(body.suggestions.length).toBeGreaterThan(0);
    for (const s of body.suggestions) expect(s.count).toBe(await total(s.query));
    expect(body.suggestions.map((s: { query: string }) => s.query)).toContain("燃料电池 AD>=2000");
    const counts = body.suggestions.map((s: { count: number }) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("widens a title condition, and says nothing when there are hits", async () => {
    const body = (await get(`/api/search?q=${encodeURIComponent("TI=氧化剂流场板 燃料电池")}`)).json();
    expect(body.total).toBe(await total("TI=氧化剂流场板 燃料电池"));
    const none = (await get(`/api/search?q=${encodeURIComponent("TI=氧化剂流 AND TI=芯片")}`)).json();
    expect(none.total).toBe(0);
    expect(none.suggestions.some((s: { kind: string; query: string }) => s.query === "TI=氧化剂流")).toBe(true);
    expect((await get(`/api/search?q=${encodeURIComponent("电池")}`)).json().suggestions).toBeUndefined();
  });
});

describe("GET /api/search/export?columns=", () => {
  it("writes the chosen columns in the chosen order (CSV and XLSX)", async () => {
    const url = `/api/search/export?q=${encodeURIComponent("电池")}&columns=title,pub_no,title_en,family_id`;
    const csv = await get(`${url}&format=csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe("标题 Title,公开号 Publication No.,英文标题 English title,同族号 Family id");
    expect(lines.length - 1).toBe(await total("电池"));
    expect(lines.slice(1).every((l) => /,CN\d+[A-Z]\d?,,$/.test(l))).toBe(true); // title, number, two empty cells
    const xlsx = await get(`${url}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([
      undefined,
      "标题 Title",
      "公开号 Publication No.",
      "英文标题 English title",
      "同族号 Family id",
    ]);
  });

  it("keeps the default columns without the parameter; an unknown column is a 400 naming it", async () => {
    const csv = await get(`/api/search/export?q=${encodeURIComponent("电池")}&format=csv`);
    expect(
      csv.body
        .replace(/^\uFEFF/, "")
        .split("\n")[0]
        .split(","),
    ).toHaveLength(17);
    const bad = await get(`/api/search/export?q=${encodeURIComponent("电池")}&columns=title,secret_col`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("secret_col");
  });
});
