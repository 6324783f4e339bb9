import { ROLE_PERMISSIONS, type Role } from "@zhichan/core/accounts/index.ts";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { installAuthPolicy } from "../../http/auth-policy.js";
import type { RouteEntry } from "../../http/auth-types.js";
import { installErrorHandler } from "../../http/error-handler.js";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import type { Access } from "./accounts.policy.js";
import { SESSION_COOKIE } from "./cookies.js";

/**
 * The role × route matrix, generated from the routes the built app really has: every route, every role, every cell
 * asserted against the permission matrix in core. A route added later is covered without touching this file.
 */
const callers = new Map<string, { userId: number | null; partial?: boolean }>();

const ROLE_COLUMNS: [string, Role | null, string | null][] = [
  ["enterprise", "enterprise", null],
  ["agency", "agency", null],
  ["official (city)", "official", null],
  ["official (410105)", "official", "410105"],
  ["expert", "expert", null],
  ["mediator", "mediator", null],
  ["investigator", "investigator", null],
  ["sysadmin", "sysadmin", null],
  ["secadmin", "secadmin", null],
  ["auditadmin", "auditadmin", null],
];

// Built at collection time, so each route becomes its own test (a new route gets one without touching this file).
const t: AuthTestApp = await authTestApp();
callers.set("anonymous", { userId: null });
for (const [label, role, district] of ROLE_COLUMNS) {
  const u = await makeUser(t, `m-${label.replace(/\W+/g, "")}`, [{ role: role!, district }]);
  callers.set(label, { userId: u.id });
}
const half = await makeUser(t, "m-official-no-totp", [{ role: "official" }]);
callers.set("official before TOTP", { userId: half.id, partial: true });
afterAll(async () => t.close());

function expected(access: Access | undefined, caller: string): "allow" | 401 | 403 {
  if (access === undefined) return 403;
  if (access === "public") return "allow";
  const c = callers.get(caller)!;
  if (c.userId === null) return 401;
  if (access === "session") return "allow";
  if (c.partial) return 403;
  if (access === "authenticated") return "allow";
  const role = ROLE_COLUMNS.find(([label]) => label === caller)![1]!;
  return ROLE_PERMISSIONS[role].includes(access.permission) ? "allow" : 403;
}

const fill = (url: string) => url.replace(/:[A-Za-z]+/g, "999999").replace(/\*/g, "x");

function headersFor(caller: string): Record<string, string> {
  const c = callers.get(caller)!;
  if (c.userId === null) return { host: "localhost" };
  if (c.partial) {
    const { token, row } = t.s.sessions.create(c.userId, "127.0.0.1", false);
    return { host: "localhost", cookie: `${SESSION_COOKIE}=${token}`, "x-csrf-token": row.csrf_token };
  }
  return { host: "localhost", ...sessionHeaders(t, c.userId) };
}

describe("role × route access matrix", () => {
  it("covers the real route list, and every API route declares its access", () => {
    const routes = t.app.routeTable;
    expect(routes.length).toBeGreaterThan(30);
    for (const path of [
      "/api/search",
      "/api/patents/lookup",
      "/api/auth/signin",
      "/api/accounts/users",
      "/api/audit",
      "/api/audit/export",
    ]) {
      expect(routes.some((r) => r.url === path)).toBe(true);
    }
    const undeclared = routes.filter((r) => r.config.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  const tally = { allow: 0, deny: 0 };
  it.each((t.app.routeTable as RouteEntry[]).map((r) => [`${r.method} ${r.url}`, r] as const))(
    "%s: every caller answered as the matrix says",
    async (_name, route) => {
      const failures: string[] = [];
      for (const caller of callers.keys()) {
        const want = expected(route.config.access, caller);
        const res = await t.app.inject({
          method: route.method as "GET",
          url: fill(route.url),
          headers: headersFor(caller),
          ...(["POST", "PUT", "PATCH"].includes(route.method) ? { payload: {} } : {}),
        });
        // HEAD answers carry no body: the status alone tells.
        const policyDenied =
          [401, 403].includes(res.statusCode) &&
          (route.method === "HEAD" || res.json().error?.details?.required !== undefined);
        const ok = want === "allow" ? !policyDenied : policyDenied && res.statusCode === want;
        if (!ok) failures.push(`as ${caller}: expected ${want}, got ${res.statusCode}`);
        tally[want === "allow" ? "allow" : "deny"]++;
      }
      expect(failures).toEqual([]);
    },
  );

  it("asserted both allowed and denied cells (runs after the per-route tests)", () => {
    expect(tally.allow + tally.deny).toBe(t.app.routeTable.length * callers.size);
    expect(tally.allow).toBeGreaterThan(100);
    expect(tally.deny).toBeGreaterThan(100);
  });

  it("answers an unknown API path with 404, signed in or not", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/no-such-thing" })).statusCode).toBe(404);
    const signedIn = {
      method: "POST" as const,
      url: "/api/no-such-thing",
      headers: headersFor("sysadmin"),
      payload: {},
    };
    expect((await t.app.inject(signedIn)).statusCode).toBe(404);
  });

  it("denies a route that declares no access (default deny)", async () => {
    const app = Fastify();
    installErrorHandler(app);
    installAuthPolicy(app, t.s);
    app.get("/api/forgotten", async () => ({ secret: true }));
    app.get("/api/open", { config: { access: "public" } }, async () => ({ open: true }));
    await app.ready();
    const res = await app.inject({ method: "GET", url: "/api/forgotten" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual({
      required: "none declared",
      reason: "route declares no access (default deny)",
    });
    expect((await app.inject({ method: "GET", url: "/api/open" })).statusCode).toBe(200);
    await app.close();
  });
});
