import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, removeMember } from "../accounts/orgs.repository.js";
import { type Caller, type CaseKit, caseKit } from "./cases.test-kit.js";

// Issue #13, forced membership: company B's owner "adds" an enterprise user V of company A to B; a case V then filed
// defaulted to V's first organisation (B, the older one), so B read and withdrew it. A case now names its filer.
let k: CaseKit;
let orgA: number;
let orgB: number;
let orgC: number;
let victim: Caller;
let colleague: Caller;
let attacker: Caller;

const mediation = (filedAs: unknown) => ({
  type: "mediation",
  title: "调解申请",
  filedAs,
  form: { otherParty: "某公司", disputeType: "licence", description: "许可费争议" },
});

beforeAll(async () => {
  k = await caseKit();
  // B is registered first, so it would be the victim's "first organisation" once the victim is attached to it.
  orgB = k.org("乙公司", "91110000802100433B", "410172");
  orgA = k.org("甲公司", "91350100M000100Y43", "410105");
  orgC = k.org("丙公司", "91410100MA1000000X", "410105");
  attacker = await k.user("b-owner", "enterprise", { org: orgB });
  colleague = await k.user("a-owner", "enterprise", { org: orgA });
  victim = await k.user("victim", "enterprise", { org: orgA, orgRole: "member" });
  // whatever the membership API answers (an invitation the victim never accepts, or an old forced add)
  await attacker.post(`/api/orgs/${orgB}/members`, { username: "victim" });
});
afterAll(async () => k.close());

describe("a case is filed for the organisation the applicant names", () => {
  it("refuses a submit that names no filer, or a person where the type needs an organisation (400)", async () => {
    const none = await victim.post("/api/cases", { ...mediation(undefined), filedAs: undefined });
    expect(none.status).toBe(400);
    const person = await victim.post("/api/cases", mediation({ kind: "person" }));
    expect(person.status).toBe(400);
    expect(person.body.error.message).toContain("须以机构名义申请");
  });

  it("refuses an organisation the applicant is not an accepted member of (403)", async () => {
    const count = () => k.t.db.sqlite.prepare("SELECT count(*) AS n FROM cases").get();
    const before = count();
    const r = await victim.post("/api/cases", mediation({ kind: "organisation", orgId: orgC }));
    expect(r.status).toBe(403);
    expect((await victim.post("/api/cases", mediation({ kind: "organisation", orgId: 999_999 }))).status).toBe(403);
    expect(count()).toEqual(before); // nothing filed
  });

  it("files under the named organisation: the other company can neither read nor withdraw it", async () => {
    const filed = await victim.post("/api/cases", mediation({ kind: "organisation", orgId: orgA }));
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ orgName: "甲公司", district: "410105", parties: ["applicant"] });
    const id = filed.body.id as number;
    expect((await attacker.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await attacker.post(`/api/cases/${id}/transitions/withdraw`, { comment: "撤回" })).status).toBe(404);
    expect((await attacker.get("/api/cases/mine")).body.total).toBe(0);
    expect((await attacker.get("/api/cases/notifications")).body.items).toEqual([]);
    // the organisation's other accepted member works on it
    expect((await colleague.get(`/api/cases/${id}`)).body.parties).toEqual(["applicant"]);
    expect((await victim.get(`/api/cases/${id}`)).body.state).toBe("submitted");
  });

  it("uses the named organisation even when the applicant also belongs to the other company", async () => {
    // as the old forced add left it: the person is (also) a member of B, the older organisation
    const both = await k.user("both", "enterprise", { org: orgA, orgRole: "member" });
    addMember(k.t.db, orgB, both.id, "member");
    const filed = await both.post("/api/cases", mediation({ kind: "organisation", orgId: orgA }));
    expect(filed.body.orgName).toBe("甲公司");
    expect((await attacker.get(`/api/cases/${filed.body.id}`)).status).toBe(404);
    expect((await attacker.post(`/api/cases/${filed.body.id}/transitions/withdraw`, {})).status).toBe(404);
    expect((await both.post(`/api/cases/${filed.body.id}/transitions/withdraw`, {})).body.state).toBe("withdrawn");
  });

  it("keeps the case with the organisation when the filer stops being a member", async () => {
    // a member of its own who leaves: the other tests' applicant stays a member of 甲公司
    const leaver = await k.user("leaver", "enterprise", { org: orgA, orgRole: "member" });
    const id = (await leaver.post("/api/cases", mediation({ kind: "organisation", orgId: orgA }))).body.id as number;
    expect(removeMember(k.t.db, orgA, leaver.id)).toBe(1);
    expect((await leaver.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await leaver.post(`/api/cases/${id}/transitions/withdraw`, { comment: "撤回" })).status).toBe(404);
    expect((await leaver.get("/api/cases/mine")).body.items.map((c: { id: number }) => c.id)).not.toContain(id);
    const kept = await colleague.get(`/api/cases/${id}`);
    expect(kept.body).toMatchObject({ orgName: "甲公司", parties: ["applicant"], state: "submitted" });
  });

  it("lets a person file as a person where the type allows it", async () => {
    const r = await victim.post("/api/cases", {
      type: "talent_reward",
      title: "人才奖励",
      filedAs: { kind: "person" },
      form: { category: "ip_engineer", personName: "测试人", engineerTitle: "senior", yearsInCityAgency: 3 },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ orgName: null, district: null, parties: ["applicant"] });
    expect((await colleague.get(`/api/cases/${r.body.id}`)).status).toBe(404);
    const types = (await k.t.app.inject({ method: "GET", url: "/api/cases/types" })).json().types;
    const personal = types.filter((t: { personalApplicant: boolean }) => t.personalApplicant);
    expect(personal.map((t: { key: string }) => t.key)).toEqual(["talent_reward"]);
  });
});
