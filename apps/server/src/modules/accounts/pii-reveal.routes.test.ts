import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders, type TestUser } from "../../testing/auth-fixtures.js";
import { HOUR } from "./clock.js";
import { REVEAL_LIMIT } from "./pii-reveal.service.js";

/**
 * Issue #13 item 4: an official of one district revealed the phone and ID number of users in another. Reveals are
 * now scoped to the official's district, need a reason (kept in the audit row) and are rate-limited per official.
 */
let t: AuthTestApp;
let inB: TestUser;
let officialA: TestUser;
let officialB: TestUser;
let cityOfficial: TestUser;
const DISTRICT_A = "410105";
const DISTRICT_B = "410102";

beforeAll(async () => {
  t = await authTestApp();
  inB = await makeUser(t, "qiye-in-b", [{ role: "enterprise" }]);
  t.db.sqlite.prepare("UPDATE users SET phone_enc = ? WHERE id = ?").run(t.s.cipher.encrypt("13912345678"), inB.id);
  const orgId = t.db.sqlite
    .prepare("INSERT INTO orgs (kind, name, code, district_code, created_at) VALUES ('enterprise', ?, ?, ?, ?)")
    .run("中原区某公司", "91410102MA00000002", DISTRICT_B, t.clock.now()).lastInsertRowid;
  t.db.sqlite.prepare("INSERT INTO org_members (org_id, user_id, org_role) VALUES (?, ?, 'owner')").run(orgId, inB.id);
  officialA = await makeUser(t, "guan-a", [{ role: "official", district: DISTRICT_A }]);
  officialB = await makeUser(t, "guan-b", [{ role: "official", district: DISTRICT_B }]);
  cityOfficial = await makeUser(t, "guan-city", [{ role: "official", district: null }]);
});
afterAll(async () => t.close());

const reveal = (by: TestUser, userId: number, payload: object | null = { reason: "核实维权援助申请人身份" }) =>
  t.app.inject({
    method: "POST",
    url: `/api/accounts/users/${userId}/reveal`,
    headers: { host: "localhost", ...sessionHeaders(t, by.id) },
    ...(payload === null ? {} : { payload }),
  });

describe("revealing personal data", () => {
  it("refuses an official of another district (403) and audits the refusal", async () => {
    const res = await reveal(officialA, inB.id);
    expect(res.statusCode).toBe(403);
    expect(JSON.stringify(res.json())).not.toContain("13912345678");
    const row = t.db.sqlite
      .prepare("SELECT outcome, details_json FROM audit_log WHERE action = 'pii.revealed' ORDER BY seq DESC LIMIT 1")
      .get() as { outcome: string; details_json: string };
    expect(row.outcome).toBe("denied");
  });

  it("lets the user's district official and a city-wide official reveal, keeping the reason in the audit row", async () => {
    expect((await reveal(officialB, inB.id)).json()).toEqual({ phone: "13912345678", idNumber: null });
    expect((await reveal(cityOfficial, inB.id)).statusCode).toBe(200);
    const row = t.db.sqlite
      .prepare("SELECT actor_name, details_json FROM audit_log WHERE action = 'pii.revealed' ORDER BY seq DESC LIMIT 1")
      .get() as { actor_name: string; details_json: string };
    expect(row.actor_name).toBe("guan-city");
    expect(JSON.parse(row.details_json).reason).toBe("核实维权援助申请人身份");
  });

  it("needs a reason (400)", async () => {
    expect((await reveal(officialB, inB.id, {})).statusCode).toBe(400);
    expect((await reveal(officialB, inB.id, { reason: "  " })).statusCode).toBe(400);
    expect((await reveal(officialB, inB.id, null)).statusCode).toBe(400);
  });

  it(`allows ${REVEAL_LIMIT.max} reveals an hour per official, then 429 until the hour has passed`, async () => {
    const heavy = await makeUser(t, "guan-heavy", [{ role: "official", district: null }]);
    for (let i = 0; i < REVEAL_LIMIT.max; i++) expect((await reveal(heavy, inB.id)).statusCode).toBe(200);
    const over = await reveal(heavy, inB.id);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.message).toContain("too many reveals");
    // Another official is not affected; the same official may reveal again once the window has passed.
    expect((await reveal(cityOfficial, inB.id)).statusCode).toBe(200);
    t.clock.advance(HOUR);
    expect((await reveal(heavy, inB.id)).statusCode).toBe(200);
  });
});
