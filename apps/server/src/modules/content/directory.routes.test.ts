import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Call, contentKit } from "./content.test-kit.js";

let k: Awaited<ReturnType<typeof contentKit>>;
let official: Call;
let districtOfficial: Call;
let enterprise: Call;
let anon: Call;
const ids: Record<string, number> = {};

// Test records made here, not real organisations or people; the personal data is what must never leak.
const PHONE = "13912345678";
const EMAIL = "zhuanjia@example.com";
const ID_NUMBER = "410105198001011234";

beforeAll(async () => {
  k = await contentKit();
  official = await k.as("official");
  districtOfficial = await k.as("official", "410102");
  enterprise = await k.as("enterprise");
  anon = await k.as(null);
  const org = async (name: string, category: string, extra: Record<string, unknown> = {}) =>
    (
      await official("POST", "/api/registry/orgs", {
        name,
        category,
        districtCode: "410105",
        address: "金水区测试路 1 号",
        notes: `联系人电话 ${PHONE}`,
        ...extra,
      })
    ).body.id as number;
  ids.station = await org("测试维权工作站", "workstation");
  ids.agency = await org("测试专利代理事务所", "patent_agency", { creditCode: "91410105MA00000001" });
  ids.brand = await org("测试品牌机构", "trademark_agency", { qualifications: ["municipal_brand_agency"] });
  ids.expert = (
    await official("POST", "/api/registry/people", {
      name: "测试专家",
      category: "expert",
      orgId: ids.agency,
      certificateNo: ID_NUMBER,
      districtCode: "410105",
      qualifications: ["senior_title"],
      notes: `电话 ${PHONE}，邮箱 ${EMAIL}`,
    })
  ).body.id;
});
afterAll(async () => k.close());

const list = async (kind: string) => (await anon("GET", `/api/directory/${kind}`)).body;

describe("public directories", () => {
  it("list nothing until an official publishes an entry", async () => {
    for (const kind of ["agencies", "workstations", "brand-agencies", "experts"])
      expect((await list(kind)).items).toEqual([]);
  });

  it("show only the fields the official chose, and never personal data (PII)", async () => {
    expect(
      (
        await official("PUT", `/api/directory/manage/person/${ids.expert}`, {
          published: true,
          fields: ["orgName", "qualifications"],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await official("PUT", `/api/directory/manage/org/${ids.station}`, {
          published: true,
          fields: ["district", "address"],
        })
      ).status,
    ).toBe(200);
    await official("PUT", `/api/directory/manage/org/${ids.agency}`, { published: true, fields: [] });
    await official("PUT", `/api/directory/manage/org/${ids.brand}`, { published: true, fields: ["qualifications"] });

    const experts = await list("experts");
    expect(experts.items).toEqual([
      {
        id: ids.expert,
        name: "测试专家",
        category: "expert",
        orgName: "测试专利代理事务所",
        qualifications: ["senior_title"],
      },
    ]);
    const stations = await list("workstations");
    expect(stations.items).toEqual([
      {
        id: ids.station,
        name: "测试维权工作站",
        category: "workstation",
        district: "410105",
        districtName: expect.any(String),
        address: "金水区测试路 1 号",
      },
    ]);
    expect(stations.districts).toEqual([{ code: "410105", name: stations.items[0].districtName, count: 1 }]);
    // a brand agency is an agency too; the agency published with no fields shows its name and category only
    const agencies = (await list("agencies")).items;
    expect(agencies.map((e: { id: number }) => e.id).sort()).toEqual([ids.agency, ids.brand].sort());
    expect(agencies.find((e: { id: number }) => e.id === ids.agency)).toEqual({
      id: ids.agency,
      name: "测试专利代理事务所",
      category: "patent_agency",
    });
    expect((await list("brand-agencies")).items.map((e: { id: number }) => e.id)).toEqual([ids.brand]);

    const everything = JSON.stringify(
      await Promise.all(["agencies", "workstations", "brand-agencies", "experts"].map(list)),
    );
    for (const secret of [PHONE, EMAIL, ID_NUMBER, "91410105MA00000001", "联系人电话", "certificate", "notes"])
      expect(everything).not.toContain(secret);
  });

  it("refuses fields outside the allow-list, other roles and records outside a district official's scope", async () => {
    const bad = await official("PUT", `/api/directory/manage/person/${ids.expert}`, {
      published: true,
      fields: ["certificateNo"],
    });
    expect(bad.status).toBe(400);
    const notForPeople = await official("PUT", `/api/directory/manage/person/${ids.expert}`, {
      published: true,
      fields: ["address"],
    });
    expect(notForPeople.status).toBe(400);
    expect((await enterprise("PUT", `/api/directory/manage/org/${ids.station}`, { published: false })).status).toBe(
      403,
    );
    expect((await anon("GET", "/api/directory/manage/workstations")).status).toBe(401);
    expect(
      (await districtOfficial("PUT", `/api/directory/manage/org/${ids.station}`, { published: false })).status,
    ).toBe(404);
    expect((await anon("GET", "/api/directory/nothing")).status).toBe(400);
  });

  it("gives officials every record with its listing, and a withdrawal hides the entry", async () => {
    const rows = (await official("GET", "/api/directory/manage/workstations")).body.items;
    expect(rows).toEqual([
      expect.objectContaining({ id: ids.station, published: true, fields: ["district", "address"] }),
    ]);
    await official("PUT", `/api/directory/manage/org/${ids.station}`, { published: false, fields: [] });
    expect((await list("workstations")).items).toEqual([]);
    const audit = k.t.db.sqlite
      .prepare("SELECT action FROM audit_log WHERE target = ? ORDER BY seq")
      .all(`org:${ids.station}`) as { action: string }[];
    expect(audit.map((a) => a.action)).toContain("directory.withdraw");
  });
});
