import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, GOOD_PASSWORD, makeUser, TestBrowser } from "../testing/auth-fixtures.js";
import { isLoopbackHost } from "./auth-policy.js";
import { DEFAULT_HTTP_SETTINGS } from "./http-settings.js";

/**
 * Issue #13 item 3: over plain HTTP (not loopback) the browser drops `__Host-` Secure cookies, so sign-in failed
 * with "CSRF token missing". Now: the secure default says HTTPS is required; behind a trusted TLS proxy it works;
 * ZHICHAN_INSECURE_HTTP=1 allows a plain-HTTP trial with cookies a browser keeps on http://.
 */
const LAN = "192.168.1.20:3000";
const PROXY = "10.0.0.1";

function cookieLine(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  return [res.headers["set-cookie"] ?? []]
    .flat()
    .map(String)
    .find((c) => c.startsWith(`${name}=`));
}

describe("secure default (no ZHICHAN_INSECURE_HTTP)", () => {
  let t: AuthTestApp;
  beforeAll(async () => {
    t = await authTestApp({ http: { ...DEFAULT_HTTP_SETTINGS, trustProxy: [PROXY] } });
    await makeUser(t, "lan-user", [{ role: "enterprise" }]);
  });
  afterAll(async () => t.close());

  it("answers sign-in over plain HTTP on a LAN address with HTTPS_REQUIRED, not a CSRF error", async () => {
    const b = new TestBrowser(t.app, { host: LAN });
    const res = await b.signIn("lan-user", GOOD_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("HTTPS_REQUIRED");
    expect(res.json().error.message).toContain("HTTPS");
    expect(cookieLine(res, "__Host-zc_session")).toBeUndefined();
  });

  it("still signs in on loopback addresses, where browsers keep Secure cookies", async () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000"]) {
      const res = await new TestBrowser(t.app, { host }).signIn("lan-user", GOOD_PASSWORD);
      expect(res.statusCode, host).toBe(200);
    }
    expect(["localhost", "app.localhost", "127.0.0.1", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["192.168.1.20", "localhost.example.com", "127.0.0.1.nip.io"].some(isLoopbackHost)).toBe(false);
  });

  it("signs in behind a trusted TLS proxy (X-Forwarded-Proto: https) with __Host- Secure cookies", async () => {
    const via = { host: "ip.example.gov.cn", remoteAddress: PROXY, headers: { "x-forwarded-proto": "https" } };
    const b = new TestBrowser(t.app, via);
    const res = await b.signIn("lan-user", GOOD_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(cookieLine(res, "__Host-zc_session")).toMatch(/; Secure;/);
    expect((await b.get("/api/accounts/me")).statusCode).toBe(200);
  });

  it("ignores X-Forwarded-Proto from a peer that is not a trusted proxy", async () => {
    const via = { host: "ip.example.gov.cn", remoteAddress: "192.168.1.50", headers: { "x-forwarded-proto": "https" } };
    const res = await new TestBrowser(t.app, via).signIn("lan-user", GOOD_PASSWORD);
    expect(res.json().error.code).toBe("HTTPS_REQUIRED");
  });
});

describe("ZHICHAN_INSECURE_HTTP=1 (a plain-HTTP trial inside a LAN)", () => {
  let t: AuthTestApp;
  beforeAll(async () => {
    t = await authTestApp({ http: { ...DEFAULT_HTTP_SETTINGS, insecureHttp: true } });
    await makeUser(t, "trial-user", [{ role: "enterprise" }]);
  });
  afterAll(async () => t.close());

  it("sets cookies without the __Host- prefix and without Secure, and sign-in works over plain HTTP", async () => {
    const b = new TestBrowser(t.app, { host: LAN });
    const csrf = await b.get("/api/auth/csrf");
    expect(cookieLine(csrf, "zc_csrf")).toBeDefined();
    expect(cookieLine(csrf, "zc_csrf")).not.toMatch(/Secure/);
    const res = await b.post("/api/auth/signin", { username: "trial-user", password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(200);
    const session = cookieLine(res, "zc_session");
    expect(session).toMatch(/^zc_session=[^;]+; Path=\/; SameSite=Lax; HttpOnly; Max-Age=\d+$/);
    expect(cookieLine(res, "__Host-zc_session")).toBeUndefined();
    expect((await b.get("/api/accounts/me")).json().username).toBe("trial-user");
    expect((await b.post("/api/auth/signout", {})).statusCode).toBe(200);
    expect((await b.get("/api/accounts/me")).statusCode).toBe(401);
  });

  it("does not read the secure cookie names (one naming per server)", async () => {
    const b = new TestBrowser(t.app, { host: LAN });
    await b.signIn("trial-user", GOOD_PASSWORD);
    const token = b.cookies.get("zc_session") as string;
    const other = new TestBrowser(t.app, { host: LAN });
    other.cookies.set("__Host-zc_session", token);
    expect((await other.get("/api/accounts/me")).statusCode).toBe(401);
  });
});
