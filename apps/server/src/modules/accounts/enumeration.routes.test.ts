import { idCardCheckChar, usccCheckChar } from "@zhichan/core/accounts/index.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthTestApp,
  authTestApp,
  makeUser,
  sessionHeaders,
  TestBrowser,
  type TestUser,
} from "../../testing/auth-fixtures.js";

/**
 * Issue #13 item 11: registration and member-adding answered differently for existing users, ID numbers and
 * organisations. Now the answer (status, message, shape) is the same either way; only a taken username still says
 * so (see AccountsService.register for why).
 */
const uscc = (first17: string) => first17 + usccCheckChar(first17);
const idNumber = (first17: string) => first17 + idCardCheckChar(first17);
const TAKEN_ID = idNumber("41010519900101001");
const TAKEN_CODE = uscc("91410105MA0000011");

let t: AuthTestApp;
let owner: TestUser;
let orgId: number;
beforeAll(async () => {
  t = await authTestApp();
  expect((await register("first-one", TAKEN_CODE, TAKEN_ID)).statusCode).toBe(201);
  owner = await makeUser(t, "enum-owner", [{ role: "agency" }]);
  orgId = Number(
    t.db.sqlite
      .prepare("INSERT INTO orgs (kind, name, code, district_code, created_at) VALUES ('agency', ?, ?, NULL, ?)")
      .run("某代理机构", uscc("91410105MA0000012"), t.clock.now()).lastInsertRowid,
  );
  t.db.sqlite
    .prepare("INSERT INTO org_members (org_id, user_id, org_role) VALUES (?, ?, 'owner')")
    .run(orgId, owner.id);
  await makeUser(t, "agent-exists", [{ role: "agency" }]);
  await makeUser(t, "qiye-exists", [{ role: "enterprise" }]);
});
afterAll(async () => t.close());

async function register(username: string, orgCode: string, id?: string) {
  const b = new TestBrowser(t.app);
  await b.get("/api/auth/csrf");
  return b.post("/api/auth/register", {
    username,
    password: "Reg#Pass2026",
    displayName: "申请人",
    orgKind: "enterprise",
    orgName: "郑州某公司",
    orgCode,
    ...(id ? { idNumber: id } : {}),
  });
}

/** The answer with the caller's own username taken out: what would tell an existing record from a new one. */
const comparable = (res: { statusCode: number; body: string }, username: string) => ({
  status: res.statusCode,
  body: res.body.replaceAll(username, "<username>"),
});

describe("answers that do not tell who or what exists", () => {
  it("registration answers alike for a new and an already-registered ID number", async () => {
    const fresh = await register("new-id", uscc("91410105MA0000013"), idNumber("41010519900101002"));
    const taken = await register("taken-id", uscc("91410105MA0000014"), TAKEN_ID);
    expect(comparable(taken, "taken-id")).toEqual(comparable(fresh, "new-id"));
    expect(fresh.statusCode).toBe(201);
    // The clash is not stored on the new account, and is audited for officials.
    const row = t.db.sqlite.prepare("SELECT id_number_hmac FROM users WHERE username = 'taken-id'").get() as {
      id_number_hmac: string | null;
    };
    expect(row.id_number_hmac).toBeNull();
  });

  it("registration answers alike for a new and an already-registered organisation", async () => {
    const fresh = await register("new-org", uscc("91410105MA0000015"));
    const taken = await register("taken-org", TAKEN_CODE);
    expect(comparable(taken, "taken-org")).toEqual(comparable(fresh, "new-org"));
  });

  it("inviting answers alike for an existing user, a user of another kind and an unknown username", async () => {
    const invite = (username: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/orgs/${orgId}/members`,
        headers: { host: "localhost", ...sessionHeaders(t, owner.id) },
        payload: { username },
      });
    const shape = (res: { statusCode: number; json(): { invitations: object[]; members: object[] } }) => ({
      status: res.statusCode,
      members: res.json().members,
      lastInvitation: Object.keys(res.json().invitations.at(-1) ?? {}),
    });
    const existing = await invite("agent-exists");
    const otherKind = await invite("qiye-exists");
    const unknown = await invite("nobody-here");
    expect(shape(existing).status).toBe(200);
    expect(shape(otherKind)).toEqual(shape(existing));
    expect(shape(unknown)).toEqual(shape(existing));
    expect(unknown.json().invitations.map((i: { username: string }) => i.username)).toEqual([
      "agent-exists",
      "qiye-exists",
      "nobody-here",
    ]);
  });
});
