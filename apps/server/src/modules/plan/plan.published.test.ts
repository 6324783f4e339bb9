import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";

/** The plan's progress on a public page only while a city-wide official has it published (issue #17 items 3, 7). */
let t: AuthTestApp;
let city: Record<string, string>;
let district: Record<string, string>;
let enterprise: Record<string, string>;
const anon = { host: "localhost" };

beforeAll(async () => {
  t = await authTestApp();
  const h = async (name: string, role: "official" | "enterprise", d: string | null = null) => ({
    host: "localhost",
    ...sessionHeaders(t, (await makeUser(t, name, [{ role, district: d }])).id),
  });
  city = await h("pp-city", "official");
  district = await h("pp-js", "official", "410105");
  enterprise = await h("pp-ent", "enterprise");
});
afterAll(async () => t.close());

describe("publishing the plan's progress", () => {
  const read = () => t.app.inject({ method: "GET", url: "/api/plan/published", headers: anon });
  const put = (headers: Record<string, string>, published: boolean) =>
    t.app.inject({ method: "PUT", url: "/api/plan/published", headers, payload: { published } });

  it("is hidden until a city-wide official publishes it, and hidden again once withdrawn", async () => {
    expect((await read()).statusCode).toBe(404);
    expect((await put(anon, true)).statusCode).toBe(401);
    expect((await put(enterprise, true)).statusCode).toBe(403);
    expect((await put(district, true)).statusCode).toBe(403);
    const done = await put(city, true);
    expect(done.statusCode).toBe(200);
    const shown = await read();
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ scope: null, publishedAt: done.json().publishedAt });
    expect(shown.json().targets.length).toBeGreaterThan(5);
    const dash = await t.app.inject({ method: "GET", url: "/api/plan/dashboard", headers: city });
    expect(dash.json().publishedAt).toBe(done.json().publishedAt);
    expect((await put(city, false)).statusCode).toBe(200);
    expect((await read()).statusCode).toBe(404);
    const audit = t.db.sqlite.prepare("SELECT action FROM audit_log WHERE target LIKE 'plan:%' ORDER BY seq").all();
    expect(audit).toEqual([{ action: "plan.published" }, { action: "plan.withdrawn" }]);
  });
});
