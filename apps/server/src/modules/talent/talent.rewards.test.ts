import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionHeaders } from "../../testing/auth-fixtures.js";
import { b64, type Caller, type CaseKit, caseKit, FILES } from "../cases/cases.test-kit.js";

/**
 * Issue #17: the brand-agency reward checked "trademark agency registered" on the applicant's word, and approved
 * rewards never reached the registry's people.
 */
let k: CaseKit;
let official: Caller;
let agency: Caller;
let registryOrgId: number;
const CODE = "91410100MA0000AG01";

beforeAll(async () => {
  k = await caseKit();
  official = await k.user("rw-official", "official");
  agency = await k.user("rw-agency", "agency", { org: k.org("甲知识产权代理公司", CODE, "410105", "agency") });
  const made = await official.post("/api/registry/orgs", {
    name: "甲知识产权代理公司",
    category: "patent_agency",
    creditCode: CODE,
    districtCode: "410105",
  });
  registryOrgId = made.body.id;
});
afterAll(async () => k.close());

const apply = async (form: Record<string, unknown>) => {
  const r = await agency.post("/api/cases", {
    type: "talent_reward",
    title: "人才奖励申请",
    filedAs: agency.filedAs,
    form,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as number;
};
const eligibility = async (id: number) => (await official.get(`/api/cases/${id}`)).body.checks.eligibility;
const approve = async (id: number) => {
  const up = await agency.post(`/api/cases/${id}/attachments`, {
    kind: "certificate",
    filename: "证书.pdf",
    contentBase64: b64(FILES.pdf),
  });
  expect(up.status, JSON.stringify(up.body)).toBe(200);
  const r = await official.post(`/api/cases/${id}/transitions/approve`, {});
  expect(r.status, JSON.stringify(r.body)).toBe(200);
};
const people = async () =>
  (await official.get(`/api/registry/orgs/${registryOrgId}`)).body.people as {
    id: number;
    name: string;
    category: string;
    qualifications: string[];
    qualificationSince: Record<string, string>;
  }[];

describe("talent rewards and the registry", () => {
  it("the brand-agency reward reads the registry's brand qualification, not the declaration", async () => {
    const declared = await apply({ category: "brand_agency", personName: "张经理", brandAgencyRecorded: true });
    expect(await eligibility(declared)).toMatchObject({
      eligible: false,
      source: "registry",
      rules: expect.arrayContaining([expect.objectContaining({ rule: "brand_agency_qualified", ok: false })]),
    });
    // the registry records the municipal brand the city granted (dated by the grant: supervision tests the grading)
    const { org } = (await official.get(`/api/registry/orgs/${registryOrgId}`)).body;
    const { id: _id, source: _s, createdAt: _c, updatedAt: _u, patentFilings: _p, ...input } = org;
    const put = await k.t.app.inject({
      method: "PUT",
      url: `/api/registry/orgs/${registryOrgId}`,
      headers: { host: "localhost", ...sessionHeaders(k.t, official.id) },
      payload: {
        ...input,
        brand: "municipal",
        qualifications: ["municipal_brand_agency"],
        qualificationSince: { municipal_brand_agency: "2025-12-01" },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const qualified = await apply({ category: "brand_agency", personName: "张经理" });
    expect(await eligibility(qualified)).toMatchObject({ eligible: true, source: "registry" });
  });

  it("an approved reward creates the person in the registry, and a later one updates the same person", async () => {
    const first = await apply({
      category: "attorney_first_practice",
      personName: "王代理师",
      attorneyExamYear: 2024,
      firstPracticeDistrict: "410105",
    });
    expect(await people()).toEqual([]);
    await approve(first);
    const [created] = await people();
    expect(created).toMatchObject({ name: "王代理师", category: "patent_attorney", qualifications: ["practising"] });
    expect(created.qualificationSince.practising).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const history = (await official.get(`/api/registry/people/${created.id}`)).body.history;
    expect(history[0]).toMatchObject({ action: "reward_recorded" });

    const again = await apply({
      category: "attorney_first_practice",
      personName: "王代理师",
      attorneyExamYear: 2024,
      firstPracticeDistrict: "410105",
    });
    await approve(again);
    expect((await people()).map((p) => p.id)).toEqual([created.id]);

    const engineer = await apply({
      category: "ip_engineer",
      personName: "李工程师",
      engineerTitle: "senior",
      yearsInCityAgency: 3,
    });
    await approve(engineer);
    expect((await people()).find((p) => p.name === "李工程师")).toMatchObject({
      category: "ip_engineer",
      qualifications: ["senior_title"],
    });
  });
});
