import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import type { Db } from "../../db/connection.js";
import { DEFAULT_HTTP_SETTINGS } from "../../http/http-settings.js";
import type { ZodApp } from "../../http/zod-app.js";
import { createServices, type Services } from "../../services.js";
import { freshDb, insertPatents, seedReference } from "../../testing/fixture-db.js";
import { REAL_PATENTS } from "../../testing/real-fixtures.js";
import { SearchIndex } from "../search/search-index.js";
import { HealthService, READY_LAG_MS } from "./health.service.js";

const TOKEN = "metrics-token-for-tests-0123456789";
let db: Db;
let services: Services;
let withToken: ZodApp;
let withoutToken: ZodApp;

beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  seedReference(db);
  insertPatents(db, REAL_PATENTS.slice(0, 4));
  services = createServices(db, SearchIndex.open(db, path.join(fresh.dir, "index")));
  withToken = await buildApp({ services, http: { ...DEFAULT_HTTP_SETTINGS, metricsToken: TOKEN } });
  withoutToken = await buildApp({ services });
});
afterAll(async () => {
  await withToken?.close();
  await withoutToken?.close();
  await db?.close();
});

const scrape = (authorization?: string) =>
  withToken.inject({ method: "GET", url: "/metrics", headers: authorization ? { authorization } : {} });

describe("/metrics (Prometheus text format)", () => {
  it("is off without ZHICHAN_METRICS_TOKEN, and refuses a missing or wrong token when on", async () => {
    expect((await withoutToken.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape(`Bearer ${TOKEN.slice(0, -1)}x`)).statusCode).toBe(401);
    expect((await scrape(TOKEN)).statusCode).toBe(401); // the scheme is part of it
    expect((await scrape()).body).not.toContain("zhichan_");
  });

  it("has latency per route pattern, search latency with and without facets, jobs, imports and index lag", async () => {
    await withToken.inject({ method: "GET", url: "/api/search?q=电池&facets=year" });
    await withToken.inject({ method: "GET", url: "/api/search?q=电池" });
    await withToken.inject({ method: "GET", url: `/api/patents/${encodeURIComponent(REAL_PATENTS[0]!.pub_no)}` });
    db.sqlite
      .prepare(
        "INSERT INTO jobs (kind, params_json, status, progress, created_at, updated_at) VALUES (?, '{}', 'queued', 0, ?, ?)",
      )
      .run("report", new Date(Date.now() - 60_000).toISOString(), new Date().toISOString());
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    const text = res.body;
    expect(text).toMatch(
      /zhichan_http_request_duration_seconds_count\{method="GET",route="\/api\/search",status="200"\} 2/,
    );
    // one series per route pattern, not per URL: the id stays out of the label
    expect(text).toContain('route="/api/patents/:id"');
    expect(text).not.toContain(REAL_PATENTS[0]!.pub_no);
    expect(text).toMatch(/zhichan_search_duration_seconds_count\{facets="yes",unit="publication"\} 1/);
    expect(text).toMatch(/zhichan_search_duration_seconds_count\{facets="no",unit="publication"\} 1/);
    expect(text).toMatch(/zhichan_jobs_waiting\{kind="report",state="queued"\} 1/);
    const age = Number(/zhichan_jobs_oldest_queued_age_seconds\{kind="report"\} ([\d.]+)/.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(59);
    expect(text).toMatch(/zhichan_import_rows_total 0/);
    expect(text).toMatch(/zhichan_index_lag_rows 0/);
    expect(text).toMatch(/zhichan_index_docs 4/);
    expect(text).toContain("zhichan_process_resident_memory_bytes");
  });
});

describe("liveness and readiness", () => {
  it("answers live, and ready while the index is level with the database", async () => {
    expect((await withoutToken.inject({ method: "GET", url: "/api/health/live" })).json()).toEqual({ live: true });
    const ready = await withoutToken.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ready: true, lagRows: 0, lagMs: 0, indexedDocs: 4 });
  });

  it("reports not ready (503) once the index has trailed the database for longer than the allowed lag", async () => {
    let now = 1_000_000;
    const health = new HealthService(db, services.search, { now: () => now });
    insertPatents(db, REAL_PATENTS.slice(4, 5)); // written, not yet indexed: nothing catches up in this test
    expect(health.readiness()).toMatchObject({ ready: true, lagRows: 1, lagMs: 0 });
    now += READY_LAG_MS;
    expect(health.readiness()).toMatchObject({ ready: true, lagMs: READY_LAG_MS });
    now += 1;
    expect(health.readiness()).toMatchObject({ ready: false, lagRows: 1 });
    const http = await withoutToken.inject({ method: "GET", url: "/api/health/ready" });
    expect(http.json().lagRows).toBe(1); // the app's own clock has only just seen the lag: still ready
    expect(http.statusCode).toBe(200);
  });
});

describe("request ids", () => {
  it("answers every request with an id, keeps a proxy's well-formed id and replaces anything else", async () => {
    const plain = await withoutToken.inject({ method: "GET", url: "/api/health/live" });
    expect(plain.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await withoutToken.inject({
      method: "GET",
      url: "/api/health/live",
      headers: { "x-request-id": "nginx-4f2a9c1d7e" },
    });
    expect(kept.headers["x-request-id"]).toBe("nginx-4f2a9c1d7e");
    const forged = await withoutToken.inject({
      method: "GET",
      url: "/api/nothing-here",
      headers: { "x-request-id": 'x" level=50 msg="forged' },
    });
    expect(forged.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
