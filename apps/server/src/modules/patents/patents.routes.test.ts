import { describe, expect, it } from "vitest";
import { useRealFixtureApp } from "../../testing/test-app.js";

const fixtureApp = useRealFixtureApp();

const get = (url: string) => fixtureApp().inject({ method: "GET", url });

describe("GET /api/patents/:id", () => {
  it("finds a patent by publication number, application number or row id", async () => {
    const byPub = (await get("/api/patents/CN100520432C")).json();
    expect(byPub.title).toBe("电池组容量控制系统");
    expect(byPub.status).toBe("valid");
    expect(byPub.statusRaw).toBe("授权");
    expect(byPub.applicants).toEqual([{ id: expect.any(Number), name: "丰田自动车株式会社" }]);
    expect((await get("/api/patents/cn200480021768.1")).json().id).toBe(byPub.id);
    expect((await get(`/api/patents/${byPub.id}`)).json().publicationNumber).toBe("CN100520432C");
  });

  it("labels IPC codes with Chinese titles and regions with names", async () => {
    const body = (await get("/api/patents/CN115883397A")).json();
    expect(body.region).toEqual([
      { code: "41", name: "河南省" },
      { code: "4101", name: "郑州市" },
    ]);
    const battery = (await get("/api/patents/CN100520432C")).json();
    expect(battery.ipc.map((i: { code: string }) => i.code)).toEqual(["G01R31/36", "H02J7/02", "H01M10/44"]);
  });

  it("answers an unknown number with a clear 404", async () => {
    const res = await get("/api/patents/CN999999999Z");
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: "NOT_FOUND" });
    expect(res.json().error.message).toContain("CN999999999Z");
  });

  it("lists similar patents without the patent itself", async () => {
    const res = await get("/api/patents/CN100527512C/similar?limit=3");
    expect(res.statusCode).toBe(200);
    const pubs = res.json().hits.map((h: { publicationNumber: string }) => h.publicationNumber);
    expect(pubs).not.toContain("CN100527512C");
    expect(pubs[0]).toBe("CN100428550C"); // the other 燃料电池 patent
  });
});

describe("GET /api/applicants/:id", () => {
  it("profiles one applicant's portfolio", async () => {
    const detail = (await get("/api/patents/CN100520432C")).json();
    const res = await get(`/api/applicants/${detail.applicants[0].id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.name).toBe("丰田自动车株式会社");
    expect(body.patentCount).toBe(4);
    const years = body.facets.year.map((b: { count: number }) => b.count);
    expect(years.reduce((a: number, b: number) => a + b, 0)).toBe(4);
  });

  it("404s an unknown applicant and 400s a bad id", async () => {
    expect((await get("/api/applicants/999999")).statusCode).toBe(404);
    expect((await get("/api/applicants/abc")).statusCode).toBe(400);
  });
});
