import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { systemClock } from "../accounts/clock.js";
import { importFile } from "../imports/imports.service.js";
import { WatchesService } from "./watches.service.js";

let t: AuthTestApp;
let alice: Record<string, string>;
let bob: Record<string, string>;
let anon: Record<string, string>;

beforeAll(async () => {
  t = await authTestApp();
  alice = { host: "localhost", ...sessionHeaders(t, (await makeUser(t, "w-alice", [{ role: "enterprise" }])).id) };
  bob = { host: "localhost", ...sessionHeaders(t, (await makeUser(t, "w-bob", [{ role: "agency" }])).id) };
  anon = { host: "localhost" };
});
afterAll(async () => t.close());

const call = (method: "GET" | "POST" | "DELETE", url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url, headers, payload: payload as object | undefined });

describe("saved searches, history and watches over HTTP", () => {
  it("saves a search with a watch, lists it, and refuses a malformed query or body with a 400", async () => {
    const saved = await call("POST", "/api/me/searches", alice, { name: "固态电池", q: "TI=固态电池", watch: true });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ name: "固态电池", group: "publication" });
    expect(saved.json().watchId).toBeGreaterThan(0);
    const list = await call("GET", "/api/me/searches", alice);
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(["固态电池"]);
    const watches = await call("GET", "/api/me/watches", alice);
    expect(watches.json().items[0]).toMatchObject({ kind: "search", label: "固态电池", detail: "TI=固态电池" });

    const bad = await call("POST", "/api/me/searches", alice, { name: "x", q: "TI=(电池" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("QUERY_SYNTAX");
    for (const body of [{ q: "电池" }, { name: "", q: "电池" }, { name: "x", q: "电池", group: "family" }]) {
      expect((await call("POST", "/api/me/searches", alice, body)).statusCode).toBe(400);
    }
    expect((await call("POST", "/api/me/watches", alice, { kind: "patent", patentId: 2 ** 30 })).statusCode).toBe(404);
    expect((await call("POST", "/api/me/watches", alice, { kind: "planet", id: 1 })).statusCode).toBe(400);
  });

  it("keeps a server-side history that the user can delete", async () => {
    await call("POST", "/api/me/search-history", alice, { q: "电池" });
    const h = await call("POST", "/api/me/search-history", alice, { q: "无人机", group: "invention" });
    expect(h.json().items.map((x: { q: string }) => x.q)).toEqual(["无人机", "电池"]);
    const first = h.json().items[0].id;
    expect((await call("DELETE", `/api/me/search-history/${first}`, bob)).statusCode).toBe(404);
    expect((await call("DELETE", `/api/me/search-history/${first}`, alice)).statusCode).toBe(200);
    expect((await call("DELETE", "/api/me/search-history", alice)).statusCode).toBe(200);
    expect((await call("GET", "/api/me/search-history", alice)).json().items).toEqual([]);
  });

  it("needs a signed-in user for every route", async () => {
    for (const url of [
      "/api/me/searches",
      "/api/me/search-history",
      "/api/me/watches",
      "/api/me/alerts",
      "/api/me/notifications",
    ])
      expect((await call("GET", url, anon)).statusCode).toBe(401);
  });
});

describe("alerts and the bell", () => {
  it("shows an import's new hits in the bell with exactly those records; another user can neither read nor delete them", async () => {
    const file = path.join(t.dir, "alerts.csv");
    fs.writeFileSync(
      file,
      [
        "公开号,申请号,标题,申请人",
        "CN990000001A,CN202399000001.0,一种固态电池隔膜,测试甲公司",
        "CN990000002A,CN202399000002.0,一种车门,测试乙公司",
      ].join("\n"),
    );
    const watches = new WatchesService(t.db, { clock: systemClock });
    await importFile(t.db, file, { source: "alerts-test", onBatchCommitted: (b) => void watches.afterBatch(b) });
    await watches.settled();

    const bell = await call("GET", "/api/me/notifications", alice);
    expect(bell.statusCode).toBe(200);
    expect(bell.json()).toMatchObject({ unread: 1, alertUnread: 1, caseUnread: 0 });
    const item = bell.json().items[0];
    expect(item).toMatchObject({ source: "alert", kind: "new_hits", title: "固态电池", recordCount: 1, unread: true });

    // security: bob cannot read, delete or mark alice's alert, nor see it in his bell
    expect((await call("GET", `/api/me/alerts/${item.id}`, bob)).statusCode).toBe(404);
    expect((await call("DELETE", `/api/me/alerts/${item.id}`, bob)).statusCode).toBe(404);
    await call("POST", "/api/me/notifications/read", bob, { alertUpTo: item.id });
    expect((await call("GET", "/api/me/notifications", bob)).json().items).toEqual([]);
    expect((await call("GET", "/api/me/notifications", alice)).json().alertUnread).toBe(1);

    // opening the alert lists exactly its records and reads it
    const detail = await call("GET", `/api/me/alerts/${item.id}`, alice);
    expect(detail.json().records.map((r: { publicationNumber: string }) => r.publicationNumber)).toEqual([
      "CN990000001A",
    ]);
    expect(detail.json().searchQuery).toBe("CN990000001A");
    expect((await call("GET", "/api/me/notifications", alice)).json().unread).toBe(0);
    expect((await call("POST", "/api/me/notifications/read", alice, { alertUpTo: item.id })).statusCode).toBe(200);
    expect((await call("DELETE", `/api/me/alerts/${item.id}`, alice)).statusCode).toBe(200);
    expect((await call("GET", "/api/me/alerts", alice)).json().items).toEqual([]);
  });
});
