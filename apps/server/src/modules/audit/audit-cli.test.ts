import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuditCommand } from "../../cli/audit.js";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { FakeClock } from "../accounts/clock.js";
import { AuditService } from "./audit.service.js";

let db: Db;
let file: string;
beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  file = `${fresh.dir}/test.db`;
  const audit = new AuditService(db, new FakeClock());
  for (let i = 0; i < 5; i++) audit.record({ action: "auth.signin", actorName: `u${i}` });
});
afterAll(async () => db.close());

describe("zhichan audit verify", () => {
  it("reports an intact log, then the tampered entry with exit code 1", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      await runAuditCommand(["verify", "--db", file]);
      expect(String(out.mock.calls.at(-1)?.[0])).toMatch(/intact.*5 entries/);
      expect(process.exitCode ?? 0).toBe(0);
      db.sqlite.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 3;");
      await runAuditCommand(["verify", "--db", file]);
      expect(String(out.mock.calls.at(-1)?.[0])).toMatch(/TAMPERED.*entry 3/);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = 0;
      out.mockRestore();
    }
  });
});
