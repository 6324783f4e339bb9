import { ROLE_PERMISSIONS, ROLES, type Role } from "@zhichan/core/accounts/index.ts";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { RouteEntry } from "../../http/auth-types.js";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import type { Access } from "./accounts.policy.js";

/**
 * Every route's input fuzzed from its own zod schemas (through z.toJSONSchema): mostly schema-shaped values, some
 * plain garbage. Whatever comes in, the answer is never a 5xx, and a 2xx JSON answer parses with the route's
 * response schema. Runs as a caller the route admits, so the input reaches the handler.
 */
type Json = { [k: string]: unknown };
// Built at collection time, so each route becomes its own test (a new route gets one without touching this file).
const t: AuthTestApp = await authTestApp();
const userOfRole = new Map<Role, number>();
for (const role of ROLES) {
  const district = role === "official" ? "410105" : null;
  userOfRole.set(role, (await makeUser(t, `fz-${role}`, [{ role, district }])).id);
}
afterAll(async () => t.close());

function arbFromJsonSchema(s: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return fc.jsonValue({ maxDepth: 1 });
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if ("const" in s) return fc.constant(s.const);
  const alts = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (alts) return fc.oneof(...alts.map((a) => arbFromJsonSchema(a, depth + 1)));
  switch (s.type) {
    case "string": {
      if (typeof s.pattern === "string") return fc.stringMatching(new RegExp(s.pattern));
      const min = (s.minLength as number) ?? 0;
      const max = Math.min((s.maxLength as number) ?? 40, min + 40);
      return fc.oneof(
        fc.string({ minLength: min, maxLength: max }),
        fc.string({ unit: "grapheme", minLength: min, maxLength: max }),
      );
    }
    case "integer":
      return fc.integer({
        min: Math.max((s.minimum as number) ?? -1e9, -1e9),
        max: Math.min((s.maximum as number) ?? 1e9, 1e9),
      });
    case "number":
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: (s.minimum as number) ?? -1e9,
        max: (s.maximum as number) ?? 1e9,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(arbFromJsonSchema(s.items as Json, depth + 1), {
        minLength: (s.minItems as number) ?? 0,
        maxLength: Math.min((s.maxItems as number) ?? 4, 4),
      });
    case "object": {
      const props = (s.properties ?? {}) as Record<string, Json>;
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbFromJsonSchema(v, depth + 1)]));
      return fc.record(model, { requiredKeys: (s.required as string[]) ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Mostly well-shaped input, sometimes anything at all. */
function inputArb(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant(undefined);
  let shaped: fc.Arbitrary<unknown>;
  try {
    shaped = arbFromJsonSchema(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json);
  } catch {
    shaped = fc.jsonValue();
  }
  return fc.oneof(
    { arbitrary: shaped, weight: 5 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })), weight: 1 },
  );
}

/** Bodies that pass validation too, so the success paths are fuzzed (and their responses checked), not only the 400s. */
const freshName = fc.stringMatching(/^[a-z][a-z0-9]{5,12}$/);
const VALID_BODIES: Record<string, fc.Arbitrary<unknown>> = {
  "POST /api/auth/register": fc.record({
    username: freshName,
    password: fc.constantFrom("Reg#Pass2026", "Another$Pass99"),
    displayName: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
    orgKind: fc.constantFrom("enterprise", "agency"),
    orgName: fc.constant("郑州某科技有限公司"),
    orgCode: fc.constantFrom("91350100M000100Y43", "91110000802100433B"),
  }),
  "POST /api/accounts/users": fc.record({
    username: freshName,
    displayName: fc.constant("张三"),
    password: fc.constant("Init#Pass2026"),
    phone: fc.constantFrom("13700001111", "+86 139 1234 5678"),
  }),
  "PATCH /api/accounts/me": fc.record({
    displayName: fc.constant("李四"),
    phone: fc.constantFrom("13700001111", null),
  }),
};

const asText = (v: unknown) =>
  v === null || v === undefined
    ? ""
    : typeof v === "object"
      ? Array.isArray(v)
        ? v.join(",")
        : JSON.stringify(v)
      : String(v);

function urlFor(route: RouteEntry, params: unknown, query: unknown): string {
  const p = (params ?? {}) as Record<string, unknown>;
  const path = route.url
    .replace(/:([A-Za-z]+)/g, (_, k) => encodeURIComponent(asText(p[k]) || "x"))
    .replace(/\*/g, "x");
  const qs = new URLSearchParams();
  if (query && typeof query === "object")
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, asText(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

function callerFor(access: Access | undefined): Role | null | "none" {
  if (access === undefined) return "none";
  if (access === "public") return null;
  if (access === "session" || access === "authenticated") return "enterprise";
  return ROLES.find((r) => ROLE_PERMISSIONS[r].includes(access.permission)) ?? "none";
}

async function anonymousHeaders(): Promise<Record<string, string>> {
  const res = await t.app.inject({ method: "GET", url: "/api/auth/csrf" });
  const token = res.json().csrfToken as string;
  return { host: "localhost", cookie: `__Host-zc_csrf=${token}`, "x-csrf-token": token };
}

const ANSWER_WITHIN_MS = 10_000;
const ROUTES = t.app.routeTable.filter(
  (r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs") && r.method !== "HEAD",
);

describe("every route under fuzzed input never answers 5xx; its 2xx JSON answers match the response schema", () => {
  it("covers the real route list", () => {
    expect(ROUTES.length).toBeGreaterThan(25);
    expect(ROUTES.filter((r) => callerFor(r.config.access) === "none")).toEqual([]);
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))("%s", async (_name, route) => {
    const caller = callerFor(route.config.access);
    if (caller === "none") return;
    const schema = route.schema ?? {};
    const valid = VALID_BODIES[`${route.method} ${route.url}`];
    const arb = fc.record({
      params: inputArb(schema.params),
      query: inputArb(schema.querystring),
      body: valid ? fc.oneof(inputArb(schema.body), valid) : inputArb(schema.body),
    });
    const problems: string[] = [];
    await fc
      .assert(
        fc.asyncProperty(arb, async ({ params, query, body }) => {
          const headers =
            caller === null
              ? await anonymousHeaders()
              : { host: "localhost", ...sessionHeaders(t, userOfRole.get(caller)!) };
          const answer = t.app.inject({
            method: route.method as "GET",
            url: urlFor(route, params, query),
            headers,
            ...(["POST", "PUT", "PATCH"].includes(route.method) && body !== undefined
              ? { payload: body as object }
              : {}),
          });
          // A request that never answers is a finding too (and must not stall the whole run).
          const res = await Promise.race([
            answer,
            new Promise<null>((r) => setTimeout(() => r(null), ANSWER_WITHIN_MS)),
          ]);
          if (!res) {
            problems.push(
              `no answer within ${ANSWER_WITHIN_MS} ms for ${JSON.stringify({ params, query, body }).slice(0, 300)}`,
            );
            return false;
          }
          // Keep the callers usable whatever the fuzzed admin calls did to them.
          t.db.sqlite.exec("UPDATE users SET status = 'active'; DELETE FROM signin_failures;");
          if (res.statusCode >= 500) {
            problems.push(`${res.statusCode} for ${JSON.stringify({ params, query, body }).slice(0, 300)}`);
            return false;
          }
          const responseSchema = (schema.response as Record<number, z.ZodType> | undefined)?.[res.statusCode];
          if (res.statusCode < 300 && responseSchema && res.headers["content-type"]?.toString().includes("json")) {
            const parsed = responseSchema.safeParse(res.json());
            if (!parsed.success)
              problems.push(`response does not match its schema: ${parsed.error.message.slice(0, 300)}`);
            return parsed.success;
          }
          return true;
        }),
        { numRuns: 15, seed: 20260105, endOnFailure: true },
      )
      .catch((e) => problems.push(String(e).slice(0, 500)));
    expect(problems).toEqual([]);
  });
});
