import fs from "node:fs";
import path from "node:path";
import { ROLE_PERMISSIONS, ROLES, type Role } from "@zhichan/core/accounts/index.ts";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { RouteEntry } from "../../http/auth-types.js";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import type { Access } from "./accounts.policy.js";
import { Api, minimalValid, SUCCESS, type SuccessCall, seed } from "./route-fuzz.test-kit.js";

/**
 * Every route's input fuzzed from its own zod schemas (through z.toJSONSchema): mostly schema-shaped values, some
 * plain garbage. Whatever comes in, the answer is never a 5xx, and a 2xx JSON answer parses with the route's
 * response schema. Runs as a caller the route admits, so the input reaches the handler.
 *
 * Before fuzzing, real records are made through the API (route-fuzz.test-kit.ts), and each route is first called once
 * with a request built to succeed: its body and query from the route's own schema with the seeded ids laid over it.
 * The fuzzed input then mixes that request's values in, field by field, with schema-shaped and garbage values. Every
 * route must reach a 2xx at least once, or be listed in ELSEWHERE with the reason and the test that covers its
 * success path.
 */
type Json = { [k: string]: unknown };
/** apps/server/src: ELSEWHERE names its test files from here. */
const SERVER_SRC = path.resolve(import.meta.dirname, "../..");
// Built at collection time, so each route becomes its own test (a new route gets one without touching this file).
const t: AuthTestApp = await authTestApp();
const userOfRole = new Map<Role, number>();
for (const role of ROLES) {
  const district = role === "official" ? "410105" : null;
  userOfRole.set(role, (await makeUser(t, `fz-${role}`, [{ role, district }])).id);
}
afterAll(async () => t.close());
const seeds = await seed(t, userOfRole);
const api = new Api(t);
/** Routes that answered 2xx at least once here, and for the others what their success request got. */
const reached = new Set<string>();
const missed = new Map<string, string>();

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

const toJson = (schema: z.ZodType | undefined): Json | undefined => {
  if (!schema) return undefined;
  try {
    return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  } catch {
    return undefined;
  }
};

/** A request that succeeded, with now and then one of its fields fuzzed from the schema: success paths under fuzz. */
function nearValid(value: unknown, s: Json | undefined): fc.Arbitrary<unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value) || !s?.properties) return fc.constant(value);
  const props = s.properties as Record<string, Json>;
  const keys = Object.keys(value);
  return fc.record(
    Object.fromEntries(
      keys.map((k) => [
        k,
        fc.oneof(
          { arbitrary: fc.constant((value as Json)[k]), weight: 4 },
          { arbitrary: arbFromJsonSchema(props[k]), weight: 1 },
        ),
      ]),
    ),
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
const keyOf = (r: RouteEntry) => `${r.method} ${r.url}`;

/**
 * Routes whose success path this fuzzer cannot reach, each with the reason and the test file that reaches it. The
 * last test checks the files exist and that none of these reached a 2xx here after all (so the list cannot go stale).
 */
const ELSEWHERE: Record<string, { why: string; file: string }> = {};

/** The PDF routes render with a real layout engine (seconds a call): a few runs, not fifteen. */
const RUNS: Record<string, number> = { "GET /api/plan/report.pdf": 2, "GET /api/reports/:id/pdf": 2 };

type Input = { params?: unknown; query?: unknown; body?: unknown };

async function send(route: RouteEntry, caller: Role | null, input: Input & Omit<SuccessCall, "params" | "query">) {
  const as = input.as !== undefined ? input.as : caller === null ? null : userOfRole.get(caller)!;
  const headers: Record<string, string> =
    as === null
      ? await anonymousHeaders()
      : input.unverified
        ? (() => {
            const { token, row } = t.s.sessions.create(as, "127.0.0.1", false);
            return { host: "localhost", cookie: `__Host-zc_session=${token}`, "x-csrf-token": row.csrf_token };
          })()
        : { host: "localhost", ...sessionHeaders(t, as) };
  const answer = t.app.inject({
    method: route.method as "GET",
    url: urlFor(route, input.params, input.query),
    headers: { ...headers, ...input.raw?.headers },
    ...(input.raw
      ? { payload: input.raw.payload }
      : ["POST", "PUT", "PATCH"].includes(route.method) && input.body !== undefined
        ? { payload: input.body as object }
        : {}),
  });
  // A request that never answers is a finding too (and must not stall the whole run).
  const res = await Promise.race([answer, new Promise<null>((r) => setTimeout(() => r(null), ANSWER_WITHIN_MS))]);
  // Keep the callers usable whatever the fuzzed admin calls did to them.
  t.db.sqlite.exec("UPDATE users SET status = 'active'; DELETE FROM signin_failures;");
  seeds.restore();
  return res;
}

/** What is wrong with an answer (a 5xx, no answer, a 2xx JSON that does not parse with its schema), or null. */
function problemOf(route: RouteEntry, res: Awaited<ReturnType<typeof send>>, input: Input): string | null {
  const what = () => JSON.stringify(input).slice(0, 300);
  if (!res) return `no answer within ${ANSWER_WITHIN_MS} ms for ${what()}`;
  if (res.statusCode >= 500) return `${res.statusCode} for ${what()}: ${res.body.slice(0, 200)}`;
  if (res.statusCode < 300) reached.add(keyOf(route));
  const responseSchema = (route.schema?.response as Record<number, z.ZodType> | undefined)?.[res.statusCode];
  const json = res.headers["content-type"]?.toString().includes("json");
  // A 2xx JSON answer with nothing to check it against is a gap too (the API documents it from the same schema).
  if (res.statusCode < 300 && json && !responseSchema) return `a ${res.statusCode} JSON answer with no response schema`;
  if (res.statusCode < 300 && responseSchema && json) {
    const parsed = responseSchema.safeParse(res.json());
    if (!parsed.success) return `response does not match its schema: ${parsed.error.message.slice(0, 300)}`;
  }
  return null;
}

describe("every route under fuzzed input never answers 5xx; its 2xx JSON answers match the response schema", () => {
  it("covers the real route list", () => {
    expect(ROUTES.length).toBeGreaterThan(25);
    expect(ROUTES.filter((r) => callerFor(r.config.access) === "none")).toEqual([]);
  });

  it.each(ROUTES.map((r) => [keyOf(r), r] as const))("%s", async (name, route) => {
    const caller = callerFor(route.config.access);
    if (caller === "none") return;
    const schema = route.schema ?? {};
    const [paramsJs, queryJs, bodyJs] = [schema.params, schema.querystring, schema.body].map(toJson);
    const problems: string[] = [];
    // First the request built to succeed: the schema's smallest valid input with the route's own values over it.
    const made = SUCCESS[name] ? await SUCCESS[name](seeds, api) : {};
    const over = (base: unknown, o: unknown) =>
      o === undefined
        ? base
        : base && typeof base === "object" && o && typeof o === "object" && !Array.isArray(o)
          ? { ...base, ...o }
          : o;
    const ok: Input & SuccessCall = {
      ...made,
      params: over(minimalValid(paramsJs), made.params) as Record<string, unknown>,
      query: over(minimalValid(queryJs), made.query) as Record<string, unknown>,
      body: made.raw ? undefined : over(minimalValid(bodyJs), made.body),
    };
    const first = await send(route, caller, ok);
    const firstProblem = problemOf(route, first, ok);
    if (firstProblem) problems.push(firstProblem);
    if (first && first.statusCode >= 300) missed.set(name, `${first.statusCode} ${first.body.slice(0, 240)}`);

    const valid = VALID_BODIES[name];
    const arb = fc.record({
      params: fc.oneof(inputArb(schema.params), nearValid(ok.params, paramsJs)),
      query: fc.oneof(inputArb(schema.querystring), nearValid(ok.query, queryJs)),
      body: fc.oneof(inputArb(schema.body), nearValid(ok.body, bodyJs), ...(valid ? [valid] : [])),
    });
    await fc
      .assert(
        fc.asyncProperty(arb, async (input) => {
          const problem = problemOf(route, await send(route, caller, input), input);
          if (problem) problems.push(problem);
          return problem === null;
        }),
        { numRuns: RUNS[name] ?? 15, seed: 20260105, endOnFailure: true },
      )
      .catch((e) => problems.push(String(e).slice(0, 500)));
    expect(problems).toEqual([]);
  });

  it("every route reached a 2xx at least once, or is listed with the test that covers its success", () => {
    const unreached = ROUTES.map(keyOf).filter((k) => !reached.has(k) && !ELSEWHERE[k]);
    expect(unreached.map((k) => `${k} — ${missed.get(k) ?? "no 2xx"}`)).toEqual([]);
    // The list cannot go stale: a listed route that did reach 2xx, or a covering file that does not exist, fails.
    expect(Object.keys(ELSEWHERE).filter((k) => reached.has(k))).toEqual([]);
    expect(Object.keys(ELSEWHERE).filter((k) => !ROUTES.some((r) => keyOf(r) === k))).toEqual([]);
    const missingFiles = Object.values(ELSEWHERE)
      .map((e) => e.file)
      .filter((f) => !fs.existsSync(path.join(SERVER_SRC, f)));
    expect(missingFiles).toEqual([]);
  });
});
