import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders, TestBrowser } from "../../testing/auth-fixtures.js";
import { addMember, insertOrg } from "./orgs.repository.js";

let t: AuthTestApp;
const id: Record<string, number> = {};
beforeAll(async () => {
  t = await authTestApp();
  for (const role of ["sysadmin", "secadmin", "auditadmin"] as const)
    id[role] = (await makeUser(t, role, [{ role }])).id;
  id.jinshui = (await makeUser(t, "guan-jinshui", [{ role: "official", district: "410105" }])).id;
  id.owner = (await makeUser(t, "qiye-zhu", [{ role: "enterprise" }])).id;
  const org = insertOrg(t.db, {
    kind: "enterprise",
    name: "金水测试电池有限公司",
    code: "91410100PAGE00001X",
    district_code: "410105",
    created_at: t.clock.now(),
  });
  addMember(t.db, org, id.owner, "owner");
});
afterAll(async () => t.close());

const get = (who: number | null, url: string) =>
  t.app.inject({ method: "GET", url, headers: { host: "localhost", ...(who ? sessionHeaders(t, who) : {}) } });

describe("GET /api/accounts/users/:id", () => {
  it("shows the system and security administrators a user with their organisations, masked", async () => {
    for (const who of [id.sysadmin, id.secadmin]) {
      const res = await get(who, `/api/accounts/users/${id.owner}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        username: "qiye-zhu",
        orgs: [{ name: "金水测试电池有限公司", kind: "enterprise", orgRole: "owner", district: "410105" }],
      });
    }
    expect((await get(id.sysadmin, "/api/accounts/users/999999")).statusCode).toBe(404);
  });

  it("is not the audit administrator's or an official's to read", async () => {
    expect((await get(id.auditadmin, `/api/accounts/users/${id.owner}`)).statusCode).toBe(403);
    expect((await get(id.jinshui, `/api/accounts/users/${id.owner}`)).statusCode).toBe(403);
  });
});

describe("GET /api/accounts/users filters", () => {
  it("by district and by locked-out status", async () => {
    const district = await get(id.sysadmin, "/api/accounts/users?district=410105");
    expect(
      district
        .json()
        .users.map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(["guan-jinshui", "qiye-zhu"]);
    const b = new TestBrowser(t.app);
    for (let i = 0; i < 5; i++) await b.signIn("qiye-zhu", "Wrong#2026x");
    const locked = await get(id.secadmin, "/api/accounts/users?status=locked");
    expect(locked.json()).toMatchObject({ total: 1, users: [{ username: "qiye-zhu", locked: true }] });
    expect((await get(id.sysadmin, "/api/accounts/users?district=jinshui")).statusCode).toBe(400);
  });
});

describe("GET /api/accounts/security-policy", () => {
  it("is the security administrator's page, read-only", async () => {
    const res = await get(id.secadmin, "/api/accounts/security-policy");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      password: { name: "dengbao" },
      sessions: { idleMinutes: 30, absoluteMinutes: 480 },
      totpRoles: ["official", "sysadmin", "secadmin", "auditadmin"],
      reveals: { max: 20, windowMinutes: 60 },
    });
    expect((await get(id.sysadmin, "/api/accounts/security-policy")).statusCode).toBe(403);
    expect((await get(id.auditadmin, "/api/accounts/security-policy")).statusCode).toBe(403);
  });
});

describe("GET /api/accounts/people (officials, before a reveal)", () => {
  it("finds people of the official's district only, masked, and needs two characters", async () => {
    const mine = await get(id.jinshui, `/api/accounts/people?q=${encodeURIComponent("qiye")}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      users: [{ username: "qiye-zhu", orgs: [{ district: "410105" }] }],
      revealLimit: { max: 20, windowMinutes: 60 },
    });
    expect((await get(id.jinshui, "/api/accounts/people?q=sysadmin")).json().users).toEqual([]);
    expect((await get(id.jinshui, "/api/accounts/people?q=q")).statusCode).toBe(400);
  });

  it("is no administrator's: none of them holds pii:reveal", async () => {
    for (const role of ["sysadmin", "secadmin", "auditadmin"])
      expect((await get(id[role], "/api/accounts/people?q=qiye")).statusCode).toBe(403);
  });
});

describe("GET /api/accounts/districts", () => {
  it("names districts for anyone signed in", async () => {
    const res = await get(id.auditadmin, "/api/accounts/districts");
    expect(res.json().districts).toContainEqual({ code: "410105", name: "金水区", nameEn: "Jinshui District" });
    expect((await get(null, "/api/accounts/districts")).statusCode).toBe(401);
  });
});

describe("separation of duties across the administration pages' APIs", () => {
  const send = (who: number, method: "POST" | "PUT", url: string, payload: object = {}) =>
    t.app.inject({ method, url, headers: { host: "localhost", ...sessionHeaders(t, who) }, payload });

  it("the system administrator cannot read the audit log, grant roles or unlock", async () => {
    expect((await get(id.sysadmin, "/api/audit")).statusCode).toBe(403);
    expect((await get(id.sysadmin, "/api/audit/verify")).statusCode).toBe(403);
    expect((await send(id.sysadmin, "PUT", `/api/accounts/users/${id.owner}/roles`, { roles: [] })).statusCode).toBe(
      403,
    );
    expect((await send(id.sysadmin, "POST", `/api/accounts/users/${id.owner}/unlock`)).statusCode).toBe(403);
  });

  it("the audit administrator cannot list, create or change users", async () => {
    expect((await get(id.auditadmin, "/api/accounts/users")).statusCode).toBe(403);
    const create = { username: "nobody1", displayName: "某人", password: "Init#Pass2026" };
    expect((await send(id.auditadmin, "POST", "/api/accounts/users", create)).statusCode).toBe(403);
    expect((await send(id.auditadmin, "POST", `/api/accounts/users/${id.owner}/disable`)).statusCode).toBe(403);
  });

  it("the security administrator cannot create or disable users, nor read the audit log", async () => {
    const create = { username: "nobody2", displayName: "某人", password: "Init#Pass2026" };
    expect((await send(id.secadmin, "POST", "/api/accounts/users", create)).statusCode).toBe(403);
    expect((await send(id.secadmin, "POST", `/api/accounts/users/${id.owner}/disable`)).statusCode).toBe(403);
    expect((await get(id.secadmin, "/api/audit")).statusCode).toBe(403);
  });
});
