import { usccCheckChar } from "@zhichan/core/accounts/index.ts";
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
 * Issue #13 item 5: registering with another organisation's credit code (USCC) handed over its credit grade, survey
 * filing and brand application, and locked the real organisation out. A claim on a known code now waits, with no
 * access, until an official (registry:write, in the organisation's district) or the organisation's owner approves.
 */
const uscc = (first17: string) => first17 + usccCheckChar(first17);
const REAL_CODE = uscc("91410105MA0000001"); // registered on the platform by its real owner
const REGISTER_CODE = uscc("91410105MA0000002"); // in the officials' register, no account yet

let t: AuthTestApp;
let cityOfficial: TestUser;
let otherDistrictOfficial: TestUser;
beforeAll(async () => {
  t = await authTestApp();
  cityOfficial = await makeUser(t, "guan-city", [{ role: "official", district: null }]);
  otherDistrictOfficial = await makeUser(t, "guan-zy", [{ role: "official", district: "410102" }]);
  const put = await call(cityOfficial.id, "POST", "/api/registry/orgs", {
    name: "郑州真实专利代理有限公司",
    category: "patent_agency",
    creditCode: REGISTER_CODE,
    districtCode: "410105",
  });
  expect(put.statusCode).toBe(200);
});
afterAll(async () => t.close());

const call = (userId: number, method: "GET" | "POST", url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { host: "localhost", ...sessionHeaders(t, userId) },
    ...(payload ? { payload } : {}),
  });

async function register(username: string, orgCode: string, orgKind = "enterprise") {
  const b = new TestBrowser(t.app);
  await b.get("/api/auth/csrf");
  const res = await b.post("/api/auth/register", {
    username,
    password: "Reg#Pass2026",
    displayName: username,
    orgKind,
    orgName: "冒名机构",
    orgCode,
    district: "410102",
  });
  expect(res.statusCode).toBe(201);
  const id = (t.db.sqlite.prepare("SELECT id FROM users WHERE username = ?").get(username) as { id: number }).id;
  return id;
}

describe("claims on an already-registered organisation", () => {
  it("a second registration with an owned code is a pending claim with no access; the owner decides", async () => {
    const owner = await register("real-owner", REAL_CODE);
    const impostor = await register("impostor", REAL_CODE);
    expect((await call(impostor, "GET", "/api/orgs/mine")).json()).toEqual([]);
    const mine = (await call(impostor, "GET", "/api/orgs/requests")).json().claims;
    expect(mine).toMatchObject([{ orgCode: REAL_CODE, status: "pending" }]);
    // The owner sees the claim and rejects it; the impostor sees the outcome and still has nothing.
    const org = (await call(owner, "GET", "/api/orgs/mine")).json()[0];
    expect(org.claims).toMatchObject([{ username: "impostor" }]);
    expect((await call(impostor, "POST", `/api/orgs/claims/${mine[0].id}/approve`)).statusCode).toBe(404);
    const rejected = await call(owner, "POST", `/api/orgs/claims/${mine[0].id}/reject`, { reason: "不认识此人" });
    expect(rejected.json()).toMatchObject({ status: "rejected", reason: "不认识此人" });
    expect((await call(impostor, "GET", "/api/orgs/mine")).json()).toEqual([]);
    expect((await call(impostor, "GET", "/api/orgs/requests")).json().claims[0].status).toBe("rejected");
    const audit = t.s.audit.list({ action: "org.claim_rejected", limit: 1 }).entries[0];
    expect(audit).toMatchObject({ actorName: "real-owner", details: { claimant: impostor } });
  });

  it("a code from the officials' register gives its credit grade to nobody until an official approves", async () => {
    const claimant = await register("agency-claim", REGISTER_CODE, "agency");
    expect((await call(claimant, "GET", "/api/orgs/mine")).json()).toEqual([]);
    expect((await call(claimant, "GET", "/api/agency/credit")).json().items).toEqual([]);
    const claim = (await call(claimant, "GET", "/api/orgs/requests")).json().claims[0];
    // The organisation keeps the register's district (410105), not the one the claimant typed (410102).
    expect(claim).toMatchObject({ status: "pending", district: "410105", orgName: "郑州真实专利代理有限公司" });
    expect((await call(otherDistrictOfficial.id, "GET", "/api/orgs/claims")).json()).toEqual([]);
    expect((await call(otherDistrictOfficial.id, "POST", `/api/orgs/claims/${claim.id}/approve`)).statusCode).toBe(404);
    expect((await call(cityOfficial.id, "GET", "/api/orgs/claims")).json()).toMatchObject([{ id: claim.id }]);
    const ok = await call(cityOfficial.id, "POST", `/api/orgs/claims/${claim.id}/approve`);
    expect(ok.json().status).toBe("approved");
    expect((await call(claimant, "GET", "/api/orgs/mine")).json()).toMatchObject([
      { code: REGISTER_CODE, members: [{ username: "agency-claim", orgRole: "owner" }] },
    ]);
    expect((await call(claimant, "GET", "/api/agency/credit")).json().items).toHaveLength(1);
    expect(t.s.audit.list({ action: "org.claim_approved", limit: 1 }).entries[0].actorName).toBe("guan-city");
  });
});
