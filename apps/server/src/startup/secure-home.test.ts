import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { loadDataKey } from "../modules/accounts/accounts.config.js";
import { FakeClock } from "../modules/accounts/clock.js";
import { AuditService } from "../modules/audit/audit.service.js";
import { auditKeyingFor } from "../modules/audit/audit-anchor.js";
import { AttachmentStore } from "../modules/cases/attachment-store.js";
import { secureHome } from "./secure-home.js";

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;
let umask: number;
beforeAll(() => {
  umask = process.umask(0o022); // the usual default, under which files were created 0644 and folders 0755
});
afterAll(() => {
  process.umask(umask);
});

describe("ZHICHAN_HOME is private", () => {
  it("creates the database, its -wal/-shm, keys, checkpoints and attachments 0600 in 0700 folders", async () => {
    const home = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-home-")), "home");
    secureHome(home);
    process.umask(0o022); // prove the explicit modes hold even under a lax umask
    const dbFile = path.join(home, "zhichan.db");
    const db2 = openDb(dbFile);
    try {
      await migrateToLatest(db2.kysely);
      loadDataKey(home, {}, () => {});
      const audit = new AuditService(db2, new FakeClock(), auditKeyingFor(home, { say: () => {} }));
      audit.record({ action: "auth.signin" });
      audit.checkpoint();
      const store = new AttachmentStore(path.join(home, "attachments"));
      const { storageName } = store.put(Buffer.from("%PDF-1.4 test"));
      expect(modeOf(home)).toBe(0o700);
      for (const f of [
        "zhichan.db",
        "zhichan.db-wal",
        "zhichan.db-shm",
        "data.key",
        "audit.key",
        "audit-checkpoints.log",
      ])
        expect([f, modeOf(path.join(home, f))]).toEqual([f, 0o600]);
      expect(modeOf(path.join(home, "attachments"))).toBe(0o700);
      expect(modeOf(path.join(home, "attachments", path.dirname(storageName)))).toBe(0o700);
      expect(modeOf(path.join(home, "attachments", storageName))).toBe(0o600);
    } finally {
      await db2.close();
    }
  });

  it("takes group and other permissions away from what an earlier version left at start", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-home-"));
    fs.chmodSync(home, 0o755);
    fs.mkdirSync(path.join(home, "attachments/ab"), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(home, "attachments/ab/abcd"), "x", { mode: 0o644 });
    const db = openDb(path.join(home, "zhichan.db"));
    db.sqlite.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    await db.close();
    for (const f of ["zhichan.db", "zhichan.db-wal", "zhichan.db-shm"]) {
      if (fs.existsSync(path.join(home, f))) fs.chmodSync(path.join(home, f), 0o644);
    }
    expect(secureHome(home)).toBeGreaterThanOrEqual(4);
    expect(modeOf(home)).toBe(0o700);
    expect(modeOf(path.join(home, "attachments/ab"))).toBe(0o700);
    expect(modeOf(path.join(home, "attachments/ab/abcd"))).toBe(0o600);
    expect(modeOf(path.join(home, "zhichan.db"))).toBe(0o600);
    // and opening the database fixes its own files even without secureHome
    fs.chmodSync(path.join(home, "zhichan.db"), 0o644);
    const again = openDb(path.join(home, "zhichan.db"));
    expect(modeOf(path.join(home, "zhichan.db"))).toBe(0o600);
    expect(modeOf(path.join(home, "zhichan.db-wal"))).toBe(0o600);
    await again.close();
  });
});
