import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders, type TestUser } from "../../testing/auth-fixtures.js";

/**
 * Issue #13 item 2, the membership side: an owner used to add any enterprise user to its organisation, and then
 * read and withdraw that user's cases. Now adding is an invitation the invitee accepts or declines; members leave.
 */
let t: AuthTestApp;
let owner: TestUser;
let victim: TestUser;
let heir: TestUser;
let orgId: number;
beforeAll(async () => {
  t = await authTestApp();
  owner = await makeUser(t, "hijacker", [{ role: "enterprise" }]);
  victim = await makeUser(t, "victim-co", [{ role: "enterprise" }]);
  orgId = t.db.sqlite
    .prepare("INSERT INTO orgs (kind, name, code, district_code, created_at) VALUES ('enterprise', ?, ?, ?, ?)")
    .run("郑州某甲公司", "91410100MA00000001", "410105", t.clock.now()).lastInsertRowid as number;
  t.db.sqlite
    .prepare("INSERT INTO org_members (org_id, user_id, org_role) VALUES (?, ?, 'owner')")
    .run(orgId, owner.id);
});
afterAll(async () => t.close());

const call = (user: TestUser, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { host: "localhost", ...sessionHeaders(t, user.id) },
    ...(payload ? { payload } : {}),
  });
const usernames = (d: { members: { username: string }[] }) => d.members.map((m) => m.username);
const auditActions = () =>
  (
    t.db.sqlite.prepare("SELECT action FROM audit_log WHERE target = ? ORDER BY seq").all(`org:${orgId}`) as {
      action: string;
    }[]
  ).map((r) => r.action);

describe("organisation membership needs the invitee's consent", () => {
  it("an owner adding a user makes an invitation only: the user is no member and gives the owner nothing", async () => {
    const res = await call(owner, "POST", `/api/orgs/${orgId}/members`, { username: "victim-co" });
    expect(res.statusCode).toBe(200);
    expect(usernames(res.json())).toEqual(["hijacker"]);
    expect(res.json().invitations.map((i: { username: string }) => i.username)).toEqual(["victim-co"]);
    // Not a member anywhere the platform looks: own organisations, the owner's member list, accepted memberships
    // (what the case engine and surveys read).
    expect((await call(victim, "GET", "/api/orgs/mine")).json()).toEqual([]);
    expect(usernames((await call(owner, "GET", "/api/orgs/mine")).json()[0])).toEqual(["hijacker"]);
    expect(t.s.orgs.acceptedOrgs(victim.id)).toEqual([]);
    expect(t.s.orgs.isAcceptedMember(victim.id, orgId)).toBe(false);
    const session = await t.app.inject({
      method: "GET",
      url: "/api/auth/session",
      headers: { host: "localhost", ...sessionHeaders(t, victim.id) },
    });
    expect(session.json().user.orgs).toEqual([]);
  });

  it("only the invitee sees and answers the invitation; declining leaves them out", async () => {
    const pending = (await call(victim, "GET", "/api/orgs/requests")).json().invitations;
    expect(pending).toMatchObject([{ orgId, orgName: "郑州某甲公司", invitedBy: "hijacker" }]);
    const other = await makeUser(t, "bystander", [{ role: "enterprise" }]);
    expect((await call(other, "POST", `/api/orgs/invitations/${pending[0].id}/accept`)).statusCode).toBe(404);
    expect((await call(victim, "POST", `/api/orgs/invitations/${pending[0].id}/decline`)).statusCode).toBe(200);
    expect((await call(victim, "POST", `/api/orgs/invitations/${pending[0].id}/accept`)).statusCode).toBe(404);
    expect(t.s.orgs.isAcceptedMember(victim.id, orgId)).toBe(false);
  });

  it("accepting joins; the member can leave again; each step is audited", async () => {
    await call(owner, "POST", `/api/orgs/${orgId}/members`, { username: "victim-co" });
    const inv = (await call(victim, "GET", "/api/orgs/requests")).json().invitations[0];
    expect((await call(victim, "POST", `/api/orgs/invitations/${inv.id}/accept`)).statusCode).toBe(200);
    expect((await call(victim, "GET", "/api/orgs/mine")).json()).toMatchObject([{ id: orgId, invitations: [] }]);
    expect(t.s.orgs.isAcceptedMember(victim.id, orgId)).toBe(true);
    expect((await call(victim, "POST", `/api/orgs/${orgId}/leave`)).statusCode).toBe(200);
    expect((await call(victim, "GET", "/api/orgs/mine")).json()).toEqual([]);
    expect(t.s.orgs.acceptedOrgs(victim.id)).toEqual([]);
    expect(auditActions()).toEqual([
      "org.member_invited",
      "org.invitation_declined",
      "org.member_invited",
      "org.invitation_accepted",
      "org.member_left",
    ]);
  });

  it("the last owner cannot leave before handing over; after the hand-over they can", async () => {
    const last = await call(owner, "POST", `/api/orgs/${orgId}/leave`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.message).toContain("only owner");
    heir = await makeUser(t, "heir-co", [{ role: "enterprise" }]);
    await call(owner, "POST", `/api/orgs/${orgId}/members`, { username: "heir-co" });
    const inv = (await call(heir, "GET", "/api/orgs/requests")).json().invitations[0];
    await call(heir, "POST", `/api/orgs/invitations/${inv.id}/accept`);
    expect((await call(owner, "POST", `/api/orgs/${orgId}/members/${heir.id}/owner`)).statusCode).toBe(200);
    expect((await call(owner, "POST", `/api/orgs/${orgId}/leave`)).statusCode).toBe(200);
    expect((await call(heir, "GET", "/api/orgs/mine")).json()[0].members).toMatchObject([
      { username: "heir-co", orgRole: "owner" },
    ]);
  });

  it("an owner can withdraw a pending invitation", async () => {
    const d = (await call(heir, "POST", `/api/orgs/${orgId}/members`, { username: "later-co" })).json();
    const inv = d.invitations.find((i: { username: string }) => i.username === "later-co");
    const after = await call(heir, "DELETE", `/api/orgs/${orgId}/invitations/${inv.id}`);
    expect(after.json().invitations).toEqual([]);
  });
});
