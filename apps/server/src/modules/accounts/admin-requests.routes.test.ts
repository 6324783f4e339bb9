import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthTestApp,
  authTestApp,
  makeUser,
  sessionHeaders,
  TestBrowser,
  type TestUser,
} from "../../testing/auth-fixtures.js";

/**
 * Issue #13 item 10: the system administrator alone could create a security administrator. Creating an
 * administrator, or disabling/enabling one, is now a request a second, different administrator approves.
 */
let t: AuthTestApp;
let sys: TestUser;
let sys2: TestUser;
let sec: TestUser;
let sec2: TestUser;
beforeAll(async () => {
  t = await authTestApp();
  sys = await makeUser(t, "xitong", [{ role: "sysadmin" }]);
  sys2 = await makeUser(t, "xitong2", [{ role: "sysadmin" }]);
  sec = await makeUser(t, "anquan", [{ role: "secadmin" }]);
  sec2 = await makeUser(t, "anquan2", [{ role: "secadmin" }]);
});
afterAll(async () => t.close());

const call = (u: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { host: "localhost", ...sessionHeaders(t, u.id) },
    ...(payload ? { payload } : {}),
  });
const userNamed = (username: string) =>
  t.db.sqlite.prepare("SELECT id, status FROM users WHERE username = ?").get(username) as
    | { id: number; status: string }
    | undefined;
const NEW_SEC = { username: "anquan-new", displayName: "新安全员", password: "Sec#Admin2026", adminRole: "secadmin" };

describe("administrator accounts need a second administrator", () => {
  it("a system administrator creating a security administrator alone gets a pending request, no account", async () => {
    const res = await call(sys, "POST", "/api/accounts/users", NEW_SEC);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ kind: "create", status: "pending", username: "anquan-new", role: "secadmin" });
    expect(userNamed("anquan-new")).toBeUndefined();
    const b = new TestBrowser(t.app);
    expect((await b.signIn("anquan-new", NEW_SEC.password)).statusCode).toBe(401);
    expect((await call(sys, "POST", "/api/accounts/users", NEW_SEC)).statusCode).toBe(409);
    const pending = (await call(sec, "GET", "/api/accounts/admin-requests?status=pending")).json();
    expect(pending.map((r: { username: string }) => r.username)).toEqual(["anquan-new"]);
  });

  it("the requester cannot approve it, nor can another system administrator; a security administrator can", async () => {
    const [req] = (await call(sys, "GET", "/api/accounts/admin-requests?status=pending")).json();
    expect((await call(sys, "POST", `/api/accounts/admin-requests/${req.id}/approve`)).statusCode).toBe(403);
    expect((await call(sys2, "POST", `/api/accounts/admin-requests/${req.id}/approve`)).statusCode).toBe(403);
    expect(userNamed("anquan-new")).toBeUndefined();
    const ok = await call(sec, "POST", `/api/accounts/admin-requests/${req.id}/approve`);
    expect(ok.json()).toMatchObject({ status: "approved", decidedBy: "anquan" });
    expect(userNamed("anquan-new")).toMatchObject({ status: "active" });
    const created = (await call(sys, "GET", "/api/accounts/users?q=anquan-new")).json().users[0];
    expect(created.roles).toEqual([{ role: "secadmin", district: null }]);
    const audit = t.s.audit.list({ action: "admin.request_approved", limit: 1 }).entries[0];
    expect(audit).toMatchObject({ actorName: "anquan", details: { requestedBy: "xitong", role: "secadmin" } });
    expect(t.db.sqlite.prepare("SELECT payload_json FROM admin_requests WHERE id = ?").get(req.id)).toEqual({
      payload_json: null,
    });
  });

  it("disabling an administrator waits too; the target cannot approve its own change; a rejection is audited", async () => {
    const res = await call(sys, "POST", `/api/accounts/users/${sec.id}/disable`);
    expect(res.statusCode).toBe(202);
    expect(userNamed("anquan")?.status).toBe("active");
    expect((await call(sec, "POST", `/api/accounts/admin-requests/${res.json().id}/approve`)).statusCode).toBe(403);
    expect((await call(sec2, "POST", `/api/accounts/admin-requests/${res.json().id}/approve`)).statusCode).toBe(200);
    expect(userNamed("anquan")?.status).toBe("disabled");

    const again = await call(sys, "POST", `/api/accounts/users/${sec.id}/enable`);
    const rejected = await call(sec2, "POST", `/api/accounts/admin-requests/${again.json().id}/reject`, {
      reason: "先查明原因",
    });
    expect(rejected.json()).toMatchObject({ status: "rejected", reason: "先查明原因" });
    expect(userNamed("anquan")?.status).toBe("disabled");
    expect(t.s.audit.list({ action: "admin.request_rejected", limit: 1 }).entries[0].actorName).toBe("anquan2");
  });

  it("accounts without an administrator role are still created and disabled directly", async () => {
    const res = await call(sys, "POST", "/api/accounts/users", {
      username: "putong",
      displayName: "普通用户",
      password: "Init#Pass2026",
    });
    expect(res.statusCode).toBe(201);
    expect((await call(sys, "POST", `/api/accounts/users/${res.json().id}/disable`)).json().status).toBe("disabled");
  });
});
