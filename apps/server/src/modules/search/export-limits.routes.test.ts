import path from "node:path";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuthPolicy } from "../../http/auth-policy.js";
import { installErrorHandler } from "../../http/error-handler.js";
import { createServices } from "../../services.js";
import { type AuthTestApp, makeUser, sessionHeaders, TEST_KEY } from "../../testing/auth-fixtures.js";
import { freshDb, insertPatents, seedReference } from "../../testing/fixture-db.js";
import { REAL_PATENTS } from "../../testing/real-fixtures.js";
import { FakeClock, isoToday } from "../accounts/clock.js";
import { TEST_ARGON2 } from "../accounts/passwords.js";
import { ExportGate } from "./export-gate.js";
import { lookupRoutes } from "./lookup.routes.js";
import { searchRoutes } from "./search.routes.js";
import { SearchIndex } from "./search-index.js";

/**
 * Issue #13: visitors could run any number of unbounded exports. The real search route, auth policy and error
 * handler over the real fixture patents repeated 400 times under new numbers (电池: 1,600 hits), so an export whose
 * body is not read stays running; the gate caps visitors at 1,000 rows.
 */
const COPIES = 400;
const CAP = 1_000;
let t: AuthTestApp;
const Q = encodeURIComponent("电池");

beforeAll(async () => {
  const { db, dir } = await freshDb();
  seedReference(db);
  insertPatents(
    db,
    Array.from({ length: COPIES }, (_, i) =>
      REAL_PATENTS.map((p) => ({ ...p, pub_no: `${p.pub_no}${i}`, app_no: p.app_no ? `${p.app_no}${i}` : p.app_no })),
    ).flat(),
  );
  const clock = new FakeClock();
  const services = createServices(db, SearchIndex.open(db, path.join(dir, "index")), {
    accounts: {
      clock,
      dataKey: TEST_KEY,
      argon2: TEST_ARGON2,
      rateLimits: { perMinute: 100_000, authPerMinute: 100_000 },
    },
  });
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installAuthPolicy(app, services.accounts);
  searchRoutes(
    app,
    services.search,
    clock,
    new ExportGate({ total: 3, anonymous: 2, perClient: 1, anonymousRows: CAP }),
  );
  lookupRoutes(app, services.search.lookup, clock);
  await app.ready();
  t = {
    app,
    db,
    dir,
    clock,
    s: services.accounts,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
});
afterAll(async () => t.close());

const exportFrom = (remoteAddress: string, headers: Record<string, string> = {}, format = "csv") =>
  t.app.inject({ method: "GET", url: `/api/search/export?q=${Q}&format=${format}`, remoteAddress, headers });
/** An export whose body is not read yet: it holds its slot until the stream is consumed or dropped. */
const heldExport = (remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: "GET",
    url: `/api/search/export?q=${Q}&format=csv`,
    remoteAddress,
    headers,
    payloadAsStream: true,
  });
const drain = async (res: { stream(): NodeJS.ReadableStream }) => {
  for await (const _ of res.stream());
};

describe("export limits (issue #13: anonymous, unbounded exports)", () => {
  it("caps a visitor's export and says so in headers and a last note row; a signed-in user gets every hit", async () => {
    const anon = await exportFrom("10.0.0.1");
    expect(anon.statusCode).toBe(200);
    expect(anon.headers["x-export-capped"]).toBe(String(CAP));
    expect(anon.headers["x-total-hits"]).toBe(String(4 * COPIES));
    expect(anon.headers["x-total-count"]).toBe(String(CAP));
    const lines = anon.body.split("\n").filter(Boolean);
    expect(lines).toHaveLength(CAP + 2); // header, the rows, the note
    expect(lines.at(-1)).toContain("登录后可导出全部");
    expect(lines.at(-1)).toContain("sign in to export them all");

    const user = await makeUser(t, "exporter", [{ role: "enterprise" }]);
    const full = await exportFrom("10.0.0.1", sessionHeaders(t, user.id));
    expect(full.headers["x-export-capped"]).toBeUndefined();
    expect(full.headers["x-total-count"]).toBe(String(4 * COPIES));
    expect(full.body.split("\n").filter(Boolean)).toHaveLength(4 * COPIES + 1);
  });

  it("refuses a visitor's third concurrent export, and a second one from the same client, with 429", async () => {
    const first = await heldExport("10.0.1.1");
    const second = await heldExport("10.0.1.2");
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);

    const third = await exportFrom("10.0.1.3");
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("RATE_LIMITED");
    expect(third.json().error.message).toContain("sign in");
    const again = await exportFrom("10.0.1.1");
    expect(again.statusCode).toBe(429);
    expect(again.json().error.message).toContain("already have an export running");

    // signed-in exports have their own share: one more fits (total 3); then the whole server is full
    const u1 = sessionHeaders(t, (await makeUser(t, "exporter-1", [{ role: "enterprise" }])).id);
    const u2 = sessionHeaders(t, (await makeUser(t, "exporter-2", [{ role: "agency" }])).id);
    const signed = await heldExport("10.0.1.4", u1);
    expect(signed.statusCode).toBe(200);
    expect((await exportFrom("10.0.1.5", u2)).statusCode).toBe(429);

    await Promise.all([drain(first), drain(second), drain(signed)]);
    const later = await exportFrom("10.0.1.3");
    expect(later.statusCode).toBe(200);
    expect((await exportFrom("10.0.1.5", u2, "xlsx")).statusCode).toBe(200);
  });

  it("frees the slot of a malformed query (400) at once", async () => {
    for (let i = 0; i < 3; i++) {
      const bad = await t.app.inject({
        method: "GET",
        url: `/api/search/export?q=${encodeURIComponent("TI=(电池 AND")}&format=csv`,
        remoteAddress: "10.0.2.1",
      });
      expect(bad.statusCode).toBe(400);
    }
    expect((await exportFrom("10.0.2.1")).statusCode).toBe(200);
  });

  it("dates the search and lookup exports' file names by the app's clock, not the machine's", async () => {
    const day = isoToday(t.clock); // the FakeClock's 2026-01-05
    const search = await exportFrom("10.0.3.1");
    expect(search.headers["content-disposition"]).toBe(`attachment; filename="zhichan-patents-${day}.csv"`);
    const lookup = await t.app.inject({
      method: "POST",
      url: "/api/patents/lookup/export",
      remoteAddress: "10.0.3.2",
      payload: { numbers: REAL_PATENTS[0].pub_no, format: "csv" },
    });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.headers["content-disposition"]).toBe(`attachment; filename="zhichan-lookup-${day}.csv"`);
  });

  it("stamps the XLSX export's ZIP entries with the app's clock, not the machine's", async () => {
    const xlsx = await exportFrom("10.0.4.1", {}, "xlsx");
    expect(xlsx.statusCode).toBe(200);
    // the first local file header: signature, version, flags, method, then DOS time and date (local time, as zip does)
    const bytes = xlsx.rawPayload;
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    const dosDate = bytes.readUInt16LE(12);
    const stamped = [(dosDate >> 9) + 1980, (dosDate >> 5) & 15, dosDate & 31];
    const now = new Date(t.clock.now());
    expect(stamped).toEqual([now.getFullYear(), now.getMonth() + 1, now.getDate()]);
  });
});
