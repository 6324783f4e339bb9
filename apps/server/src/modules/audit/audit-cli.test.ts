import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runAuditCommand } from "../../cli/audit.js";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { FakeClock, MINUTE } from "../accounts/clock.js";
import type { AuditRow } from "./audit.repository.js";
import { AuditService } from "./audit.service.js";
import { auditKeyingFor } from "./audit-anchor.js";
import { CHECKPOINT_FILE } from "./audit-checkpoints.js";
import { deriveAuditKeys } from "./audit-key.js";

/**
 * The forgeries of issue #13 item 9, each run against the real `zhichan audit verify`. The attacker has the database
 * file (so can drop the append-only triggers and run any SQL) and knows the code, but not the audit key.
 */

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

/** A ZHICHAN_HOME with 12 honest entries, a checkpoint every 5 (at 5 and 10) and one at the head (12). */
async function honestHome(log?: pino.Logger): Promise<{ db: Db; dir: string; file: string }> {
  const { db, dir } = await freshDb();
  open.push(db);
  const clock = new FakeClock(Date.UTC(2026, 2, 1));
  const audit = new AuditService(db, clock, {
    ...auditKeyingFor(dir, { say: () => {}, log }),
    checkpointEvery: 5,
  });
  for (let i = 0; i < 12; i++) {
    clock.advance(MINUTE);
    audit.record({ action: "case.decide", actorName: `official${i % 3}`, target: `case:${i + 1}` });
  }
  audit.checkpoint();
  return { db, dir, file: path.join(dir, "test.db") };
}

async function verify(...args: string[]): Promise<{ out: string; code: number }> {
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    await runAuditCommand(["verify", ...args]);
    return { out: out.mock.calls.map((c) => String(c[0])).join(""), code: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = 0;
    out.mockRestore();
  }
}

const rows = (db: Db) => db.sqlite.prepare("SELECT * FROM audit_log ORDER BY seq").all() as AuditRow[];
const dropTriggers = (db: Db) => db.sqlite.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");

/** What an attacker without the key can do: recompute every link with a hash of their choice. */
function recomputeChain(db: Db, hash: (r: Omit<AuditRow, "hash">) => string): void {
  const update = db.sqlite.prepare("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?");
  let prev = "0".repeat(64);
  for (const r of rows(db)) {
    const h = hash({ ...r, prev_hash: prev });
    update.run(prev, h, r.seq);
    prev = h;
  }
}
const fields = (r: Omit<AuditRow, "hash">) =>
  JSON.stringify([r.seq, r.at, r.actor_id, r.actor_name, r.action, r.target, r.outcome, r.ip, r.details_json]);
const plainSha256 = (r: Omit<AuditRow, "hash">) =>
  crypto.createHash("sha256").update(r.prev_hash).update("\n").update(fields(r)).digest("hex");

describe("zhichan audit verify", () => {
  it("passes an honest chain and its checkpoints", async () => {
    const { file } = await honestHome();
    const r = await verify("--db", file);
    expect(r.out).toMatch(/intact.*12 entries.*3 checkpoints match/);
    expect(r.code).toBe(0);
  });

  it("fails an edited entry", async () => {
    const { db, file } = await honestHome();
    dropTriggers(db);
    db.sqlite.exec("UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 3");
    const r = await verify("--db", file);
    expect(r.out).toMatch(/TAMPERED.*entry 3: entry content does not match its keyed hash/);
    expect(r.code).toBe(1);
  });

  it("fails a log whose triggers were dropped, an entry edited and the SHA-256 chain recomputed", async () => {
    const { db, file } = await honestHome();
    dropTriggers(db);
    db.sqlite.exec("UPDATE audit_log SET outcome = 'denied' WHERE seq = 7");
    recomputeChain(db, plainSha256);
    const r = await verify("--db", file);
    expect(r.out).toMatch(/TAMPERED.*entry 1: .*without the audit key/);
    expect(r.code).toBe(1);
  });

  it("fails a log whose tail was deleted after a checkpoint", async () => {
    const { db, file } = await honestHome();
    dropTriggers(db);
    db.sqlite.exec("DELETE FROM audit_log WHERE seq > 8");
    const r = await verify("--db", file);
    expect(r.out).toMatch(
      /TAMPERED.*entry 9: the log was truncated: .*recorded entry 10 and 10 entries; .*ends at entry 8/,
    );
    expect(r.code).toBe(1);
  });

  it("fails a log with an entry deleted, the rest renumbered and the chain recomputed", async () => {
    const { db, file } = await honestHome();
    dropTriggers(db);
    db.sqlite.exec("DELETE FROM audit_log WHERE seq = 4");
    const renumber = db.sqlite.prepare("UPDATE audit_log SET seq = seq - 1 WHERE seq = ?");
    for (let s = 5; s <= 12; s++) renumber.run(s);
    recomputeChain(db, plainSha256);
    const r = await verify("--db", file);
    expect(r.out).toMatch(/TAMPERED/);
    expect(r.code).toBe(1);
  });

  it("fails a chain recomputed with the HMAC under a wrong key, with a checkpoint file forged to match", async () => {
    const { db, dir, file } = await honestHome();
    dropTriggers(db);
    db.sqlite.exec("UPDATE audit_log SET actor_name = 'nobody' WHERE seq = 2");
    // the attacker runs our own code with a key of their own and replaces the checkpoint file
    const secret = crypto.randomBytes(32);
    const wrong = deriveAuditKeys(secret).chain;
    recomputeChain(db, (r) =>
      crypto.createHmac("sha256", wrong).update(r.prev_hash).update("\n").update(fields(r)).digest("hex"),
    );
    fs.rmSync(path.join(dir, CHECKPOINT_FILE));
    new AuditService(db, new FakeClock(), { secret, checkpointFile: path.join(dir, CHECKPOINT_FILE) }).checkpoint();
    const r = await verify("--db", file);
    expect(r.out).toMatch(/TAMPERED.*entry 1: entry content does not match its keyed hash/);
    expect(r.code).toBe(1);
  });

  it("fails a truncated log whose checkpoint file was replaced by one signed with a wrong key", async () => {
    const { db, dir, file } = await honestHome();
    dropTriggers(db);
    db.sqlite.exec("DELETE FROM audit_log WHERE seq > 6");
    fs.rmSync(path.join(dir, CHECKPOINT_FILE));
    const forged = { secret: crypto.randomBytes(32), checkpointFile: path.join(dir, CHECKPOINT_FILE) };
    new AuditService(db, new FakeClock(), forged).checkpoint();
    const r = await verify("--db", file);
    expect(r.out).toMatch(/TAMPERED.*entry 6: checkpoint on line 1 is not signed with this audit key/);
    expect(r.code).toBe(1);
  });

  it("finds the checkpoints in a copy of the application log when the checkpoint file was deleted", async () => {
    const { dir } = await freshDb();
    const appLog = path.join(dir, "app.log");
    const { db, dir: home, file } = await honestHome(pino(pino.destination({ dest: appLog, sync: true })));
    dropTriggers(db);
    db.sqlite.exec("DELETE FROM audit_log WHERE seq > 10");
    fs.rmSync(path.join(home, CHECKPOINT_FILE));
    const alone = await verify("--db", file);
    expect(alone.out).toMatch(/warning.*no checkpoint file/); // the file alone cannot tell
    const withLog = await verify("--db", file, "--checkpoints", appLog);
    expect(withLog.out).toMatch(/TAMPERED.*entry 11: the log was truncated/);
    expect(withLog.code).toBe(1);
  });

  it("refuses to verify without the audit key, and never creates one", async () => {
    const { dir, file } = await honestHome();
    fs.rmSync(path.join(dir, "audit.key"));
    await expect(runAuditCommand(["verify", "--db", file])).rejects.toThrow(/no audit key/);
    expect(fs.existsSync(path.join(dir, "audit.key"))).toBe(false);
  });
});
