import { describe, expect, it } from "vitest";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { useRealFixtureApp } from "../../testing/test-app.js";
import { ReferenceService } from "./reference.service.js";

const fixtureApp = useRealFixtureApp();
const get = (url: string) => fixtureApp().inject({ method: "GET", url });

describe("GET /api/ipc (the IPC picker's tree)", () => {
  it("lists sections without a parent, then each level's children with their titles", async () => {
    const sections = await get("/api/ipc");
    expect(sections.statusCode).toBe(200);
    expect(sections.json()).toEqual({
      parent: null,
      items: [{ code: "H", level: "section", titleZh: "电学", hasChildren: true }],
    });
    expect((await get("/api/ipc?parent=h")).json().items).toEqual([
      { code: "H01", level: "class", titleZh: "基本电气元件", hasChildren: true },
    ]);
    const subclasses = (await get("/api/ipc?parent=H01")).json();
    expect(subclasses.parent).toBe("H01");
    // nothing is listed under H01M here, so the picker cannot open it
    expect(subclasses.items).toEqual([
      expect.objectContaining({ code: "H01M", level: "subclass", hasChildren: false }),
    ]);
  });

  it("answers an unknown code with 404 and a malformed one with 400, never 500", async () => {
    expect((await get("/api/ipc?parent=G06")).statusCode).toBe(404);
    for (const bad of ["H01M10/00", "X", "H0", "'; drop table"]) {
      expect((await get(`/api/ipc?parent=${encodeURIComponent(bad)}`)).statusCode).toBe(400);
    }
  });
});

describe("ReferenceService.ipcChildren", () => {
  it("lists main groups in number order, as the printed scheme does", async () => {
    const { db } = await freshDb();
    try {
      seedReference(db);
      const insert = db.sqlite.prepare("INSERT INTO ipc_codes (code, level, parent, title_zh) VALUES (?, ?, ?, ?)");
      // real codes and titles from the shipped IPC 2026 table
      insert.run("H01M10/00", "maingroup", "H01M", "二次电池；及其制造");
      insert.run(
        "H01M50/00",
        "maingroup",
        "H01M",
        "除燃料电池外的电化学电池非活性部件的结构零部件或制造工艺，例如:混合电池",
      );
      insert.run("H01M4/00", "maingroup", "H01M", "电极〔2〕");
      insert.run("H01M10/05", "subgroup", "H01M10/00", "非水电解质蓄电池（H01M10/39优先）");
      const svc = new ReferenceService(db);
      expect(svc.ipcChildren("H01M").items.map((n) => n.code)).toEqual(["H01M4/00", "H01M10/00", "H01M50/00"]);
      expect(svc.ipcChildren("H01").items[0].hasChildren).toBe(true);
    } finally {
      await db.close();
    }
  });
});
