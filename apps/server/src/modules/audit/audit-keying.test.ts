import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { FakeClock } from "../accounts/clock.js";
import type { AuditRow } from "./audit.repository.js";
import { AuditService } from "./audit.service.js";
import { auditKeyingFor } from "./audit-anchor.js";
import { CHAIN_KEYED_ACTION, GENESIS_HASH, legacyEntryHash } from "./audit-chain.js";
import { loadAuditKey } from "./audit-key.js";

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

/** Entries as the code before keying wrote them: plain SHA-256 links. */
function writeLegacyLog(db: Db, n: number): void {
  const insert = db.sqlite.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target, outcome, ip, details_json, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @actor_name, @action, @target, @outcome, @ip, @details_json, @prev_hash, @hash)`,
  );
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const row = {
      seq,
      at: 1_700_000_000_000 + seq,
      actor_id: null,
      actor_name: `u${seq}`,
      action: "auth.signin",
      target: null,
      outcome: "success",
      ip: null,
      details_json: null,
      prev_hash: prev,
    };
    prev = legacyEntryHash(row);
    insert.run({ ...row, hash: prev });
  }
}

async function home(): Promise<{ db: Db; dir: string }> {
  const f = await freshDb();
  open.push(f.db);
  return f;
}

describe("keying the audit chain", () => {
  it("keeps the key in its own 0600 file in ZHICHAN_HOME, made once, or in ZHICHAN_AUDIT_KEY", async () => {
    const { dir } = await home();
    const said: string[] = [];
    const key = loadAuditKey(dir, { source: {}, say: (s) => said.push(s) });
    expect(fs.statSync(path.join(dir, "audit.key")).mode & 0o777).toBe(0o600);
    expect(loadAuditKey(dir, { source: {} })).toEqual(key);
    expect(said).toHaveLength(1);
    const fromEnv = crypto.randomBytes(32);
    expect(loadAuditKey(dir, { source: { ZHICHAN_AUDIT_KEY: fromEnv.toString("base64") } })).toEqual(fromEnv);
  });

  it("seals a log written before keying once, then verifies the old entries by the old scheme", async () => {
    const { db, dir } = await home();
    writeLegacyLog(db, 4);
    const audit = new AuditService(db, new FakeClock(), auditKeyingFor(dir, { say: () => {} }));
    audit.open();
    audit.open(); // a second start adds nothing
    audit.record({ action: "auth.signout" });
    const all = db.sqlite.prepare("SELECT * FROM audit_log ORDER BY seq").all() as AuditRow[];
    expect(all.map((r) => r.action)).toEqual([...Array(4).fill("auth.signin"), CHAIN_KEYED_ACTION, "auth.signout"]);
    expect(JSON.parse(all[4].details_json!)).toMatchObject({ legacyUpTo: 4, legacyHead: all[3].hash });
    expect(audit.verify()).toMatchObject({ ok: true, checked: 6, legacy: 4, checkpoints: 1 });
  });

  it("fails an old entry rewritten with the old scheme after sealing", async () => {
    const { db, dir } = await home();
    writeLegacyLog(db, 4);
    const audit = new AuditService(db, new FakeClock(), auditKeyingFor(dir, { say: () => {} }));
    audit.open();
    db.sqlite.exec("DROP TRIGGER audit_log_no_update");
    const rows = db.sqlite.prepare("SELECT * FROM audit_log WHERE seq <= 4 ORDER BY seq").all() as AuditRow[];
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const edited = { ...r, actor_name: r.seq === 2 ? "mallory" : r.actor_name, prev_hash: prev };
      prev = legacyEntryHash(edited);
      db.sqlite
        .prepare("UPDATE audit_log SET actor_name = ?, prev_hash = ?, hash = ? WHERE seq = ?")
        .run(edited.actor_name, edited.prev_hash, prev, r.seq);
    }
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 5,
      reason: "link to the previous entry does not match",
      problem: "link",
    });
  });

  it("fails unkeyed entries that no keyed entry seals", async () => {
    const { db } = await home();
    writeLegacyLog(db, 3);
    const audit = new AuditService(db, new FakeClock());
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      reason: expect.stringMatching(/no entry carries the keyed hash/),
      problem: "unkeyed",
    });
  });
});
