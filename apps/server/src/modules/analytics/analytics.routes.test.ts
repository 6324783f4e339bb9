import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import type { AnalyticsService } from "./analytics.service.js";
import { closePdfBrowser, htmlToPdf } from "./report-pdf.js";
import { reportPrintHtml } from "./report-print.js";

let t: AuthTestApp;
let csrf: { cookie: string; "x-csrf-token": string };

beforeAll(async () => {
  t = await authTestApp();
  const res = await t.app.inject({ method: "GET", url: "/api/auth/csrf" });
  const cookie = String(res.headers["set-cookie"]).split(";")[0];
  csrf = { cookie, "x-csrf-token": res.json().csrfToken };
});
afterAll(async () => {
  await t.close();
});

/** The app runs its job loop itself: poll the report like the web page does. */
async function waitDone(id: number, headers: Record<string, string>) {
  for (let i = 0; i < 200; i++) {
    const r = (await t.app.inject({ method: "GET", url: `/api/reports/${id}`, headers })).json();
    if (r.status === "done" || r.status === "failed") return r;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error("report did not finish");
}

describe("analytics HTTP API", () => {
  it("lists industries to anyone; only an official may create or edit one", async () => {
    const list = await t.app.inject({ method: "GET", url: "/api/industries" });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({ seiCode: "6.1", builtin: true });
    const body = { name: "燃料电池", keywords: ["燃料电池"] };
    const anon = await t.app.inject({ method: "POST", url: "/api/industries", headers: csrf, payload: body });
    expect(anon.statusCode).toBe(401);
    const ent = await makeUser(t, "ent1", [{ role: "enterprise" }]);
    const denied = await t.app.inject({
      method: "POST",
      url: "/api/industries",
      headers: sessionHeaders(t, ent.id),
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
    const off = await makeUser(t, "off1", [{ role: "official" }]);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/industries",
      headers: sessionHeaders(t, off.id),
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ query: 'TX="燃料电池"', stats: { size: 2 } });
    const bad = await t.app.inject({
      method: "PUT",
      url: `/api/industries/${created.json().id}`,
      headers: sessionHeaders(t, off.id),
      payload: { name: "空" },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("runs a report as a job and exports it as XLSX", async () => {
    const author = sessionHeaders(t, (await makeUser(t, "author1", [{ role: "enterprise" }])).id);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      headers: author,
      payload: { q: "IPC=H01M", focus: "4101" },
    });
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    const done = await waitDone(id, author);
    expect(done.status).toBe("done");
    expect(done.data.scope.total).toBe(4); // four fixture patents carry an H01M code
    expect(done.params).toMatchObject({ q: "IPC=H01M", focus: "4101", focusName: "郑州市" });
    const xlsx = await t.app.inject({ method: "GET", url: `/api/reports/${id}/xlsx`, headers: author });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const print = await t.app.inject({ method: "GET", url: `/api/reports/${id}/print`, headers: author });
    expect(print.body).toContain("<svg");
    const mine = (await t.app.inject({ method: "GET", url: "/api/reports", headers: author })).json().items[0];
    expect(mine).toMatchObject({ id, mine: true, publishedAt: null });
    const syntax = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      headers: author,
      payload: { q: "IPC=(" },
    });
    expect(syntax.statusCode).toBe(400);
    const missing = await t.app.inject({ method: "GET", url: "/api/reports/999", headers: author });
    expect(missing.statusCode).toBe(404);
  });
});

describe("who may ask for and read navigation reports (issue #13: every report was public)", () => {
  const ids = (res: { json: () => { items: { id: number }[] } }) => res.json().items.map((r) => r.id);

  it("refuses a visitor's request with 401 asking to sign in", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/reports", headers: csrf, payload: { q: "IPC=H01M" } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("keeps a report private to its author until an official publishes it", async () => {
    const alice = sessionHeaders(t, (await makeUser(t, "alice-r", [{ role: "enterprise" }])).id);
    const bob = sessionHeaders(t, (await makeUser(t, "bob-r", [{ role: "agency" }])).id);
    const official = sessionHeaders(t, (await makeUser(t, "off-r", [{ role: "official" }])).id);
    const made = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      headers: alice,
      payload: { q: "IPC=H01M" },
    });
    const id = made.json().id as number;
    await waitDone(id, alice);

    const anonList = await t.app.inject({ method: "GET", url: "/api/reports" });
    expect(ids(anonList)).not.toContain(id);
    expect(ids(await t.app.inject({ method: "GET", url: "/api/reports", headers: bob }))).not.toContain(id);
    expect(ids(await t.app.inject({ method: "GET", url: "/api/reports", headers: alice }))).toContain(id);
    for (const path of ["", "/print", "/xlsx", "/pdf"]) {
      expect((await t.app.inject({ method: "GET", url: `/api/reports/${id}${path}` })).statusCode, path).toBe(404);
      const asBob = await t.app.inject({ method: "GET", url: `/api/reports/${id}${path}`, headers: bob });
      expect(asBob.statusCode, path).toBe(404);
    }
    // an official cannot publish what they cannot see; the author's own report is published by an official only
    const blind = { method: "PUT" as const, url: `/api/reports/${id}/published`, payload: { published: true } };
    expect((await t.app.inject({ ...blind, headers: official })).statusCode).toBe(404);
    expect((await t.app.inject({ ...blind, headers: alice })).statusCode).toBe(403);

    const own = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      headers: official,
      payload: { q: "IPC=H04L" },
    });
    const ownId = own.json().id as number;
    await waitDone(ownId, official);
    const pub = await t.app.inject({ ...blind, url: `/api/reports/${ownId}/published`, headers: official });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().publishedAt).not.toBeNull();
    const after = ids(await t.app.inject({ method: "GET", url: "/api/reports" }));
    expect(after).toContain(ownId);
    expect(after).not.toContain(id);
    expect((await t.app.inject({ method: "GET", url: `/api/reports/${ownId}/print` })).statusCode).toBe(200);
    const withdrawn = await t.app.inject({
      method: "PUT",
      url: `/api/reports/${ownId}/published`,
      headers: official,
      payload: { published: false },
    });
    expect(withdrawn.json().publishedAt).toBeNull();
    expect(ids(await t.app.inject({ method: "GET", url: "/api/reports" }))).not.toContain(ownId);
  });
});

describe("PDF export", () => {
  // No skip without Chromium: a missing one fails here, naming the install command.
  it("prints pages with selectable Chinese text (needs Debian's chromium and fonts-noto-cjk: npm test installs them)", async () => {
    const { analyticsFixture } = await import("./analytics.fixture.js");
    const f = await analyticsFixture();
    const svc: AnalyticsService = f.services.analytics;
    const r = svc.create({ q: "IPC=H01M OR IPC=H04L", focus: "4101" }, null);
    await f.services.jobs.drain();
    const started = performance.now();
    const pdf = await htmlToPdf(reportPrintHtml(svc.get(r.id)), "测试报告");
    const warm = performance.now();
    await htmlToPdf(reportPrintHtml(svc.get(r.id)), "测试报告"); // the shared browser is reused
    console.info(
      `PDF: first ${Math.round(warm - started)} ms, with the browser running ${Math.round(performance.now() - warm)} ms`,
    );
    await closePdfBrowser();
    await f.db.close();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = `${f.dir}/r.pdf`;
    fs.writeFileSync(file, pdf);
    let text: string;
    try {
      text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    } catch {
      // no poppler-utils: at least the fonts must carry a ToUnicode map (what makes text selectable)
      expect(pdf.includes("/ToUnicode")).toBe(true);
      return;
    }
    expect(text).toContain("专利导航");
    expect(text).toContain("申请趋势");
    expect(text).toMatch(/第 1 页 \/ 共 \d+ 页/);
  }, 30_000);
});
