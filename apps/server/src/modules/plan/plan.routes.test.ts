import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";

let t: AuthTestApp;
let city: Record<string, string>;
let jinshui: Record<string, string>;

beforeAll(async () => {
  t = await authTestApp();
  city = { host: "localhost", ...sessionHeaders(t, (await makeUser(t, "pl-city", [{ role: "official" }])).id) };
  jinshui = {
    host: "localhost",
    ...sessionHeaders(t, (await makeUser(t, "pl-js", [{ role: "official", district: "410105" }])).id),
  };
  for (const [name, district] of [
    ["甲基地", "410105"],
    ["乙基地", "410182"],
  ])
    await t.app.inject({
      method: "POST",
      url: "/api/registry/orgs",
      headers: city,
      payload: { name, category: "navigation_base", districtCode: district },
    });
});
afterAll(async () => t.close());

describe("plan dashboard over HTTP", () => {
  it("shows live figures to officials, scoped for a district official", async () => {
    const d = (await t.app.inject({ method: "GET", url: "/api/plan/dashboard", headers: city })).json();
    const nav = d.targets.find((x: { key: string }) => x.key === "navigation_bases");
    expect(nav).toMatchObject({ target: 30, actual: 2 });
    const scoped = (await t.app.inject({ method: "GET", url: "/api/plan/dashboard", headers: jinshui })).json();
    expect(scoped.targets.find((x: { key: string }) => x.key === "navigation_bases").actual).toBe(1);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/plan/dashboard", headers: { host: "localhost" } })).statusCode,
    ).toBe(401);
  });

  it("exports the yearly report as XLSX and PDF", async () => {
    const x = await t.app.inject({ method: "GET", url: "/api/plan/report.xlsx", headers: city });
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const p = await t.app.inject({ method: "GET", url: "/api/plan/report.pdf", headers: city });
    expect(p.statusCode).toBe(200);
    expect(p.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  }, 30_000);
});
