import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthTestApp,
  authTestApp,
  GOOD_PASSWORD,
  makeUser,
  sessionHeaders,
  TestBrowser,
  totpNow,
} from "../../testing/auth-fixtures.js";

let t: AuthTestApp;
let sys: number;
let sec: number;
beforeAll(async () => {
  t = await authTestApp();
  sys = (await makeUser(t, "xitong", [{ role: "sysadmin" }])).id;
  sec = (await makeUser(t, "anquan", [{ role: "secadmin" }])).id;
});
afterAll(async () => t.close());

const as = (userId: number) => ({ host: "localhost", ...sessionHeaders(t, userId) });
const call = (userId: number, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(userId), ...(payload ? { payload } : {}) });

describe("account administration (三员分立)", () => {
  it("the system administrator creates an account; its first sign-in must change the initial password", async () => {
    const res = await call(sys, "POST", "/api/accounts/users", {
      username: "zhangsan",
      displayName: "张三",
      password: "Init#Pass2026",
      phone: "13700001111",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: "zhangsan", roles: [], phone: "137****1111" });
    const b = new TestBrowser(t.app);
    expect((await b.signIn("zhangsan", "Init#Pass2026")).json().stage).toBe("password_change_required");
    expect(
      (await b.post("/api/auth/password", { currentPassword: "Init#Pass2026", newPassword: "Own#Pass2026" })).json()
        .stage,
    ).toBe("ok");
  });

  it("only the security administrator grants business roles, which ends the user's sessions", async () => {
    const user = (await call(sys, "GET", "/api/accounts/users?q=zhangsan")).json().users[0];
    expect(
      (await call(sys, "PUT", `/api/accounts/users/${user.id}/roles`, { roles: [{ role: "official" }] })).statusCode,
    ).toBe(403);
    const b = new TestBrowser(t.app);
    await b.signIn("zhangsan", "Own#Pass2026");
    const res = await call(sec, "PUT", `/api/accounts/users/${user.id}/roles`, {
      roles: [{ role: "official", district: "410172" }],
    });
    expect(res.json().roles).toEqual([{ role: "official", district: "410172" }]);
    expect((await b.get("/api/accounts/me")).statusCode).toBe(401);
    // An official now: TOTP first, then the district scope is on the session.
    expect((await b.signIn("zhangsan", "Own#Pass2026")).json().stage).toBe("totp_setup_required");
    const { secret } = (await b.post("/api/auth/totp/setup")).json();
    const ok = (await b.post("/api/auth/totp/confirm", { code: totpNow(secret, t.clock.now()) })).json();
    expect(ok.user).toMatchObject({
      district: "410172",
      permissions: expect.arrayContaining(["case:read", "case:decide", "pii:reveal"]),
    });
    const audit = t.s.audit.list({ action: "permission.changed", limit: 1 }).entries[0];
    expect(audit).toMatchObject({ actorName: "anquan", target: `user:${user.id}` });
  });

  it("keeps administrator accounts to one role and refuses administrator roles through role assignment", async () => {
    expect(
      (await call(sec, "PUT", `/api/accounts/users/${sys}/roles`, { roles: [{ role: "expert" }] })).statusCode,
    ).toBe(403);
    expect(
      (await call(sec, "PUT", `/api/accounts/users/${sys}/roles`, { roles: [{ role: "auditadmin" }] })).statusCode,
    ).toBe(400);
    const audit = await call(sys, "POST", "/api/accounts/users", {
      username: "shenji2",
      displayName: "审计员",
      password: "Audit#Pass2026",
      adminRole: "auditadmin",
    });
    // An administrator account waits for a second administrator (admin-requests.routes.test.ts).
    expect(audit.statusCode).toBe(202);
    const approved = await call(sec, "POST", `/api/accounts/admin-requests/${audit.json().id}/approve`);
    const created = (await call(sys, "GET", "/api/accounts/users?q=shenji2")).json().users[0];
    expect(approved.json().targetUserId).toBe(created.id);
    expect(created.roles).toEqual([{ role: "auditadmin", district: null }]);
  });

  it("the security administrator unlocks a locked account", async () => {
    const u = await makeUser(t, "locked1", [{ role: "expert" }]);
    const b = new TestBrowser(t.app);
    for (let i = 0; i < 5; i++) await b.signIn("locked1", "Wrong#2026x");
    expect((await call(sys, "GET", "/api/accounts/users?q=locked1")).json().users[0].locked).toBe(true);
    expect((await call(sec, "POST", `/api/accounts/users/${u.id}/unlock`)).json().locked).toBe(false);
    expect((await b.signIn("locked1", GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it("a system administrator cannot disable itself", async () => {
    expect((await call(sys, "POST", `/api/accounts/users/${sys}/disable`)).statusCode).toBe(400);
  });
});

describe("organisation membership", () => {
  it("the owner adds and removes members of its kind; others see nothing", async () => {
    const owner = await makeUser(t, "owner1", [{ role: "agency" }]);
    const b = new TestBrowser(t.app);
    await b.get("/api/auth/csrf");
    await b.post("/api/auth/register", {
      username: "agency-boss",
      password: "Boss#Pass2026",
      displayName: "李主任",
      orgKind: "agency",
      orgName: "郑州某知识产权代理有限公司",
      orgCode: "91110000802100433B",
    });
    await b.signIn("agency-boss", "Boss#Pass2026");
    const org = (await b.get("/api/orgs/mine")).json()[0];
    const member = await makeUser(t, "agent1", [{ role: "agency" }]);
    const qiye = await makeUser(t, "qiye-x", [{ role: "enterprise" }]);
    // Members join by accepting an invitation (org-invitations.routes.test.ts); one of another kind cannot accept.
    expect((await b.post(`/api/orgs/${org.id}/members`, { username: "qiye-x" })).statusCode).toBe(200);
    const wrongKind = (await call(qiye.id, "GET", "/api/orgs/requests")).json().invitations[0];
    expect((await call(qiye.id, "POST", `/api/orgs/invitations/${wrongKind.id}/accept`)).statusCode).toBe(400);
    await b.post(`/api/orgs/${org.id}/members`, { username: "agent1" });
    const invitation = (await call(member.id, "GET", "/api/orgs/requests")).json().invitations[0];
    expect((await call(member.id, "POST", `/api/orgs/invitations/${invitation.id}/accept`)).statusCode).toBe(200);
    const added = (await b.get("/api/orgs/mine")).json()[0];
    expect(added.members.map((m: { username: string }) => m.username)).toEqual(["agency-boss", "agent1"]);
    expect((await call(owner.id, "POST", `/api/orgs/${org.id}/members`, { username: "owner1" })).statusCode).toBe(404);
    const removed = await b.request("DELETE", `/api/orgs/${org.id}/members/${member.id}`);
    expect(removed.json().members).toHaveLength(1);
  });
});
