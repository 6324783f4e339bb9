import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";

// A syntactically valid ID number (check digit computed), not a real person's.
const ID = "41010519900307123X";
const PHONE = "13912345678";
let t: AuthTestApp;
let owner: number;

beforeAll(async () => {
  t = await authTestApp();
  owner = (await makeUser(t, "pii-owner", [{ role: "expert" }])).id;
});
afterAll(async () => t.close());

const as = (userId: number) => ({ host: "localhost", ...sessionHeaders(t, userId) });

describe("personal data", () => {
  it("validates the ID number checksum, stores it encrypted and answers with masks only", async () => {
    const bad = await t.app.inject({
      method: "PATCH",
      url: "/api/accounts/me",
      headers: as(owner),
      payload: { idNumber: "410105199003071231" },
    });
    expect(bad.statusCode).toBe(400);
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/accounts/me",
      headers: as(owner),
      payload: { idNumber: ID, phone: PHONE },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ idNumber: "410***********123X", phone: "139****5678" });
    expect(res.body).not.toContain(ID);
  });

  it("never reaches the database file in plain text", async () => {
    t.db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    for (const f of fs.readdirSync(t.dir).filter((f) => f.startsWith("test.db"))) {
      const raw = fs.readFileSync(path.join(t.dir, f));
      expect(raw.includes(Buffer.from(ID)), f).toBe(false);
      expect(raw.includes(Buffer.from(ID.slice(0, 17))), f).toBe(false);
      expect(raw.includes(Buffer.from(PHONE)), f).toBe(false);
    }
  });

  it("is revealed only with pii:reveal, and every reveal is audited", async () => {
    const other = (await makeUser(t, "pii-peer", [{ role: "enterprise" }])).id;
    const denied = await t.app.inject({
      method: "POST",
      url: `/api/accounts/users/${owner}/reveal`,
      headers: as(other),
    });
    expect(denied.statusCode).toBe(403);
    const officer = await makeUser(t, "pii-official", [{ role: "official" }]);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/accounts/users/${owner}/reveal`,
      headers: as(officer.id),
      payload: { reason: "核实申请人身份" },
    });
    expect(res.json()).toEqual({ idNumber: ID, phone: PHONE });
    const last = t.s.audit.list({ action: "pii.revealed", limit: 1 }).entries[0];
    expect(last).toMatchObject({ actorName: "pii-official", target: `user:${owner}`, outcome: "success" });
    expect(JSON.stringify(t.s.audit.list({ limit: 500 }))).not.toContain(ID);
  });

  it("refuses a second account with the same ID number", async () => {
    const twin = (await makeUser(t, "pii-twin", [{ role: "expert" }])).id;
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/accounts/me",
      headers: as(twin),
      payload: { idNumber: ID.toLowerCase() },
    });
    expect(res.statusCode).toBe(409);
  });
});
