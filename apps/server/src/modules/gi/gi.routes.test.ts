import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";

let t: AuthTestApp;
let city: Record<string, string>;
let jinshui: Record<string, string>;
let enterprise: Record<string, string>;
const anon = { host: "localhost" };
const entry = { name: "测试金水某产品", kind: "gi_product", stage: "registered", prefecture: "郑州市", area: "金水区" };

beforeAll(async () => {
  t = await authTestApp();
  const h = async (name: string, role: "official" | "enterprise", district: string | null = null) => ({
    host: "localhost",
    ...sessionHeaders(t, (await makeUser(t, name, [{ role, district }])).id),
  });
  city = await h("gi-city", "official");
  jinshui = await h("gi-js", "official", "410105");
  enterprise = await h("gi-ent", "enterprise");
});
afterAll(async () => t.close());

describe("the GI register over HTTP", () => {
  it("is read by anyone and written by officials only (audited)", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/gi", headers: anon })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/gi/map", headers: anon })).statusCode).toBe(200);
    const post = (headers: Record<string, string>, payload: object) =>
      t.app.inject({ method: "POST", url: "/api/gi", headers, payload });
    expect((await post(anon, entry)).statusCode).toBe(401);
    expect((await post(enterprise, entry)).statusCode).toBe(403);
    const made = await post(city, entry);
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({ source: "official", cityCode: "410100", districtCode: "410105" });
    const id = made.json().id as number;
    expect((await t.app.inject({ method: "GET", url: `/api/gi/${id}`, headers: anon })).json().name).toBe(entry.name);
    expect((await post(city, entry)).statusCode).toBe(409);
    const audit = t.db.sqlite
      .prepare("SELECT action FROM audit_log WHERE target = ? ORDER BY seq")
      .all(`gi_product:${id}`) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(["registry.gi_created"]);
  });

  it("lets a district official change entries of their district only", async () => {
    const made = await t.app.inject({
      method: "POST",
      url: "/api/gi",
      headers: city,
      payload: { ...entry, name: "测试高新某产品", area: "郑州高新技术产业开发区" },
    });
    const id = made.json().id as number;
    const put = (payload: object) => t.app.inject({ method: "PUT", url: `/api/gi/${id}`, headers: jinshui, payload });
    expect((await put({ ...entry, name: "测试高新某产品", notes: "改" })).statusCode).toBe(403);
    const own = (await t.app.inject({ method: "GET", url: "/api/gi?q=测试金水", headers: anon })).json().items[0];
    const changed = await t.app.inject({
      method: "PUT",
      url: `/api/gi/${own.id}`,
      headers: jinshui,
      payload: { ...entry, stage: "revoked", notes: "撤销" },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ stage: "revoked", notes: "撤销" });
  });

  it("answers bad input with a 400, never a 500", async () => {
    for (const payload of [
      { ...entry, kind: "wine" },
      { ...entry, year: 1700 },
      { ...entry, sourceUrl: "javascript:alert(1)" },
      { ...entry, name: "" },
    ]) {
      const res = await t.app.inject({ method: "POST", url: "/api/gi", headers: city, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await t.app.inject({ method: "GET", url: "/api/gi?area=41", headers: anon })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: "/api/gi/999999", headers: anon })).statusCode).toBe(404);
  });
});
