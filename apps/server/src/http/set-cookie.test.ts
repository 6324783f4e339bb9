import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, GOOD_PASSWORD, makeUser, TestBrowser } from "../testing/auth-fixtures.js";

/** Each cookie is set at most once per response (issue #13 item 11: sign-in sent the session cookie twice). */
let t: AuthTestApp;
beforeAll(async () => {
  t = await authTestApp();
  await makeUser(t, "cookie-user", [{ role: "enterprise" }]);
});
afterAll(async () => t.close());

function setCookieNames(res: { headers: Record<string, unknown> }): string[] {
  return [res.headers["set-cookie"] ?? []].flat().map((c) => String(c).split("=")[0]);
}

function expectEachOnce(names: string[]): void {
  expect(names.length).toBeGreaterThan(0);
  expect(names).toEqual([...new Set(names)]);
}

describe("Set-Cookie headers", () => {
  it("sign-in sets the session cookie once and clears the CSRF cookie once", async () => {
    const b = new TestBrowser(t.app);
    expectEachOnce(setCookieNames(await b.get("/api/auth/csrf")));
    const res = await b.post("/api/auth/signin", { username: "cookie-user", password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(setCookieNames(res).sort()).toEqual(["__Host-zc_csrf", "__Host-zc_session"]);
  });

  it("sign-in over a stale session cookie answers with the new session cookie only, once", async () => {
    const b = new TestBrowser(t.app);
    b.cookies.set("__Host-zc_session", "stale-session-token-from-yesterday");
    await b.get("/api/auth/csrf");
    b.cookies.set("__Host-zc_session", "stale-session-token-from-yesterday"); // the csrf call cleared it
    const res = await b.post("/api/auth/signin", { username: "cookie-user", password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(200);
    expectEachOnce(setCookieNames(res));
    const session = [res.headers["set-cookie"]].flat().find((c) => String(c).startsWith("__Host-zc_session="));
    expect(String(session)).not.toMatch(/^__Host-zc_session=;/); // the new session, not the clearing
    expect((await b.get("/api/accounts/me")).statusCode).toBe(200);
  });

  it("sign-out and a CSRF token request set each cookie once", async () => {
    const b = new TestBrowser(t.app);
    await b.signIn("cookie-user", GOOD_PASSWORD);
    expectEachOnce(setCookieNames(await b.post("/api/auth/signout", {})));
    const stale = new TestBrowser(t.app);
    stale.cookies.set("__Host-zc_session", "stale-session-token-from-yesterday");
    expectEachOnce(setCookieNames(await stale.get("/api/auth/csrf")));
  });
});
