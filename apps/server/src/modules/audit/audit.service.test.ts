import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { FakeClock, MINUTE } from "../accounts/clock.js";
import { AuditService } from "./audit.service.js";

let db: Db;
let audit: AuditService;
const clock = new FakeClock(Date.UTC(2026, 0, 5, 1, 0, 0));

beforeAll(async () => {
  ({ db } = await freshDb());
  audit = new AuditService(db, clock);
  for (let i = 0; i < 20; i++) {
    clock.advance(MINUTE);
    audit.record({
      action: i % 2 ? "auth.signin" : "auth.signin_failed",
      outcome: i % 2 ? "success" : "failure",
      actorName: `u${i % 3}`,
      ip: "10.0.0.1",
    });
  }
});
afterAll(async () => db.close());

/** Tampering needs the append-only triggers out of the way, as an attacker with the database file would do. */
function tamper(sql: string): void {
  db.sqlite.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
  try {
    db.sqlite.exec(sql);
  } finally {
    db.sqlite.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
  }
}

describe("audit log", () => {
  it("is a valid hash chain", () => {
    expect(audit.verify()).toMatchObject({ ok: true, checked: 20, firstBadSeq: null });
  });

  it("refuses updates and deletes in the database itself", () => {
    expect(() => db.sqlite.exec("UPDATE audit_log SET outcome = 'success' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => db.sqlite.exec("DELETE FROM audit_log WHERE seq = 1")).toThrow(/append-only/);
  });

  it("filters by action prefix, actor, outcome and day (China time), newest first, with a cursor", () => {
    const page = audit.list({ action: "auth", limit: 5 });
    expect(page.entries.map((e) => e.seq)).toEqual([20, 19, 18, 17, 16]);
    expect(audit.list({ action: "auth", limit: 5, before: page.nextBefore! }).entries[0].seq).toBe(15);
    expect(
      audit
        .list({ outcome: "failure", actor: "u0", limit: 50 })
        .entries.every((e) => e.outcome === "failure" && e.actorName === "u0"),
    ).toBe(true);
    expect(audit.list({ from: "2026-01-05", to: "2026-01-05", limit: 50 }).entries).toHaveLength(20);
    expect(audit.list({ from: "2026-01-06", limit: 50 }).entries).toHaveLength(0);
  });

  it("exports CSV with a BOM and defuses spreadsheet formulas", async () => {
    audit.record({ action: "data.export", actorName: "=cmd()", details: { n: 1 } });
    let text = "";
    for await (const chunk of audit.exportCsv({ action: "data.export" })) text += chunk;
    expect(text.startsWith("\uFEFFseq,time")).toBe(true);
    expect(text).toContain(",'=cmd(),data.export,");
  });

  it("detects an edited entry", () => {
    tamper("UPDATE audit_log SET outcome = 'success' WHERE seq = 7");
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 7,
      reason: expect.stringMatching(/^entry content does not match its keyed hash/),
      problem: "content",
    });
    tamper("UPDATE audit_log SET outcome = 'failure' WHERE seq = 7");
    expect(audit.verify().ok).toBe(true);
  });

  it("detects a deleted entry and a rewritten tail", () => {
    tamper("DELETE FROM audit_log WHERE seq = 12");
    expect(audit.verify()).toMatchObject({ ok: false, firstBadSeq: 13, problem: "gap" });
  });
});
