import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthTestApp,
  authTestApp,
  GOOD_PASSWORD,
  makeUser,
  sessionHeaders,
  TestBrowser,
} from "../../testing/auth-fixtures.js";

let t: AuthTestApp;
let auditor: number;
beforeAll(async () => {
  t = await authTestApp();
  auditor = (await makeUser(t, "shenji", [{ role: "auditadmin" }])).id;
  await makeUser(t, "qiye-a", [{ role: "enterprise" }]);
  const b = new TestBrowser(t.app);
  await b.signIn("qiye-a", "Wrong#2026x");
  await b.signIn("qiye-a", GOOD_PASSWORD);
});
afterAll(async () => t.close());

const asAuditor = () => ({ host: "localhost", ...sessionHeaders(t, auditor) });

describe("audit routes", () => {
  it("list sign-ins and failures for the audit administrator", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/audit?action=auth&limit=10", headers: asAuditor() });
    expect(res.statusCode).toBe(200);
    const actions = res.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(["auth.signin", "auth.signin_failed"]);
  });

  it("export CSV, and the export itself is audited as a data export", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/audit/export?outcome=failure", headers: asAuditor() });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    // dated by the app's clock (the test app's fake one), not the machine's
    const day = new Date(t.clock.now()).toISOString().slice(0, 10);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="zhichan-audit-${day}.csv"`);
    expect(res.body).toContain("auth.signin_failed");
    expect(res.body).not.toContain("auth.signin,");
    const last = t.s.audit.list({ action: "data.export", limit: 1 }).entries[0];
    expect(last).toMatchObject({
      actorName: "shenji",
      target: "GET /api/audit/export",
      details: { query: { outcome: "failure" } },
    });
  });

  it("verify the chain", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/audit/verify", headers: asAuditor() });
    expect(res.json()).toMatchObject({ ok: true, firstBadSeq: null, problem: null, checkpointsMissing: false });
  });

  it("are closed to the other administrators", async () => {
    const sys = (await makeUser(t, "sys-x", [{ role: "sysadmin" }])).id;
    const res = await t.app.inject({
      method: "GET",
      url: "/api/audit",
      headers: { host: "localhost", ...sessionHeaders(t, sys) },
    });
    expect(res.statusCode).toBe(403);
    expect(t.s.audit.list({ action: "access.denied", limit: 1 }).entries[0]).toMatchObject({
      actorName: "sys-x",
      outcome: "denied",
    });
  });
});
