import { describe, expect, it } from "vitest";
import { useRealFixtureApp } from "../../testing/test-app.js";

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
