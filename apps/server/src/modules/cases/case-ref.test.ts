import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, plainUser } from "../../testing/fixture-db.js";
import { insertCase, type NewCase } from "./cases.repository.js";

let db: Db;
let file: string;
let row: NewCase;

beforeAll(async () => {
  const f = await freshDb();
  db = f.db;
  file = `${f.dir}/test.db`;
  const userId = plainUser(db, "filer");
  row = {
    type: "protection_registration",
    area: "protection",
    title: "备案",
    state: "submitted",
    applicant_user_id: userId,
    applicant_name: "申请人",
    org_id: null,
    org_name: null,
    district_code: null,
    counterparty_user_id: null,
    counterparty_org_id: null,
    form_json: "{}",
    form_pii_enc: null,
    checks_json: null,
    patent_id: null,
    state_entered_at: 0,
    created_at: 0,
    updated_at: 0,
  };
});
afterAll(async () => db.close());

const refOf = (year: number, id: number) => `ZC${year}${String(id).padStart(6, "0")}`;

describe("case references", () => {
  it("are ZC, the filing year and the case's number, given with the row", () => {
    const first = insertCase(db, row, 2025);
    expect(first).toEqual({ id: 1, ref: "ZC2025000001" });
    const stored = db.sqlite.prepare("SELECT ref FROM cases WHERE id = ?").get(first.id);
    expect(stored).toEqual({ ref: "ZC2025000001" });
    expect(insertCase(db, row, 2026)).toEqual({ id: 2, ref: "ZC2026000002" });
  });

  it("never repeat a number, even after the newest case is deleted", () => {
    const last = insertCase(db, row, 2026);
    db.sqlite.prepare("DELETE FROM cases WHERE id = ?").run(last.id);
    expect(insertCase(db, row, 2026).id).toBe(last.id + 1);
  });

  it("are unique when four processes file at the same moment", async () => {
    const before = (db.sqlite.prepare("SELECT count(*) AS n FROM cases").get() as { n: number }).n;
    const worker = fileURLToPath(new URL("./case-ref.test-worker.ts", import.meta.url));
    const children = Array.from({ length: 4 }, () =>
      fork(worker, [file, "25"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }),
    );
    const ready = children.map((c) => new Promise((resolve) => c.once("message", resolve)));
    const filed = children.map(
      (c) =>
        new Promise<{ id: number; ref: string }[]>((resolve, reject) => {
          c.on("message", (m) => m !== "ready" && resolve(m as { id: number; ref: string }[]));
          c.once("exit", (code) => code !== 0 && reject(new Error(`a filing process ended with ${code}`)));
        }),
    );
    await Promise.all(ready);
    for (const c of children) c.send(row);
    const all = (await Promise.all(filed)).flat();
    expect(all).toHaveLength(100);
    expect(new Set(all.map((f) => f.ref)).size).toBe(100);
    for (const f of all) expect(f.ref).toBe(refOf(2026, f.id));
    const stored = db.sqlite.prepare("SELECT id, ref FROM cases ORDER BY id").all() as { id: number; ref: string }[];
    expect(stored).toHaveLength(before + 100);
    for (const s of stored.slice(before)) expect(s.ref).toBe(refOf(2026, s.id));
  });
});
