import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { insertPatents } from "../../testing/fixture-db.js";

let t: AuthTestApp;
let city: Record<string, string>;
let jinshui: Record<string, string>;
let agency: Record<string, string>;
let orgId: number;

const ABSTRACT =
  "本发明公开了一种锂离子电池正极材料的制备方法，包括将镍钴锰前驱体与锂源混合、烧结、破碎和包覆等步骤，提高了材料的循环稳定性和倍率性能。";

beforeAll(async () => {
  t = await authTestApp();
  const h = async (name: string, roles: Parameters<typeof makeUser>[2]) => {
    const u = await makeUser(t, name, roles);
    return { id: u.id, headers: { host: "localhost", ...sessionHeaders(t, u.id) } };
  };
  city = (await h("sp-city", [{ role: "official" }])).headers;
  jinshui = (await h("sp-jinshui", [{ role: "official", district: "410105" }])).headers;
  const a = await h("sp-agency", [{ role: "agency" }]);
  agency = a.headers;
  const org = t.db.sqlite
    .prepare(
      "INSERT INTO orgs (kind, name, code, district_code, created_at) VALUES ('agency', '郑州测试专利代理事务所', '91410100MA00000077', '410172', 0)",
    )
    .run();
  t.db.sqlite
    .prepare("INSERT INTO org_members (org_id, user_id, org_role) VALUES (?, ?, 'owner')")
    .run(org.lastInsertRowid, a.id);
  // Filings through one agency: two near-identical applications by different applicants, and a burst month.
  insertPatents(t.db, [
    {
      pub_no: "CN900000001A",
      app_no: "CN900000001",
      title: "一种锂离子电池正极材料的制备方法",
      abstract: ABSTRACT,
      applicants: ["甲公司"],
      app_date: "2022-03-02",
      region: ["41", "4101"],
    },
    {
      pub_no: "CN900000002A",
      app_no: "CN900000002",
      title: "一种锂离子电池正极材料的制备方法",
      abstract: ABSTRACT.replace("破碎", "粉碎"),
      applicants: ["乙公司"],
      app_date: "2022-03-09",
      region: ["41", "4101"],
    },
    {
      pub_no: "CN900000002B",
      app_no: "CN900000002",
      title: "一种锂离子电池正极材料的制备方法",
      abstract: ABSTRACT.replace("破碎", "粉碎"),
      applicants: ["乙公司"],
      app_date: "2022-03-09",
      type: "invention_grant",
      status: "valid",
      region: ["41", "4101"],
    },
    ...Array.from({ length: 12 }, (_, i) => ({
      pub_no: `CN9100000${10 + i}U`,
      title: `一种货架${i}号结构`,
      applicants: ["丙公司"],
      app_date: "2022-06-15",
      type: "utility_model",
    })),
    {
      pub_no: "CN910000099U",
      title: "一种货架底座",
      applicants: ["丙公司"],
      app_date: "2021-01-15",
      type: "utility_model",
    },
    // 一案双报: the same applicant's invention and utility model of one design — lawful, never a signal
    {
      pub_no: "CN900000003A",
      app_no: "CN900000003",
      title: "一种齿轮箱润滑装置",
      abstract: ABSTRACT.replace("锂离子电池正极材料", "齿轮箱润滑装置"),
      applicants: ["丁公司"],
      app_date: "2022-05-05",
    },
    {
      pub_no: "CN920000003U",
      app_no: "CN920000003",
      title: "一种齿轮箱润滑装置",
      abstract: ABSTRACT.replace("锂离子电池正极材料", "齿轮箱润滑装置"),
      applicants: ["丁公司"],
      app_date: "2022-05-05",
      type: "utility_model",
    },
  ]);
  t.db.sqlite
    .prepare("UPDATE patents SET agency = '郑州测试专利代理事务所', agent = '赵六' WHERE pub_no LIKE 'CN9%'")
    .run();
  const res = await t.app.inject({
    method: "POST",
    url: "/api/registry/orgs",
    headers: city,
    payload: {
      name: "郑州测试专利代理事务所",
      category: "patent_agency",
      creditCode: "91410100MA00000077",
      districtCode: "410172",
      zone: "高新区",
    },
  });
  orgId = res.json().id;
});
afterAll(async () => t.close());

describe("supervision over HTTP", () => {
  it("derives agency statistics from the patent data, counting an application and its grant once", async () => {
    const list = (await t.app.inject({ method: "GET", url: "/api/supervision/agencies?q=测试", headers: city })).json();
    expect(list.items[0]).toMatchObject({
      agency: "郑州测试专利代理事务所",
      filings: 17,
      grants: 15,
      registryOrgId: orgId,
    });
    const p = (
      await t.app.inject({
        method: "GET",
        url: `/api/supervision/agency?name=${encodeURIComponent("郑州测试专利代理事务所")}`,
        headers: city,
      })
    ).json();
    expect(p.byYear).toEqual([
      { key: "2021", label: null, count: 1 },
      { key: "2022", label: null, count: 16 },
    ]);
    expect(p.byType.find((b: { key: string }) => b.key === "utility_model")).toMatchObject({
      label: "实用新型",
      count: 14,
    });
    expect(p.byClientRegion).toEqual([{ key: "4101", label: "郑州市", count: 2 }]);
    expect(p.topAgents).toEqual([{ key: "赵六", label: null, count: 18 }]);
    // a district official does not get the registry link to another district's record
    const scoped = (
      await t.app.inject({ method: "GET", url: "/api/supervision/agencies?q=测试", headers: jinshui })
    ).json();
    expect(scoped.items[0].registryOrgId).toBeNull();
  });

  it("grades credit from recorded violations with the reasons, and brand applications raise it", async () => {
    const v = await t.app.inject({
      method: "POST",
      url: `/api/supervision/credit/${orgId}/violations`,
      headers: city,
      payload: {
        kind: "complaint_upheld",
        date: "2025-03-01",
        description: "客户投诉未按约定时限答复审查意见，经查属实",
      },
    });
    expect(v.json()).toMatchObject({ score: 95, grade: "A" });
    expect(v.json().reasons.map((r: { kind: string; points: number }) => [r.kind, r.points])).toEqual([
      ["start", 100],
      ["violation", -5],
    ]);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/supervision/credit/${orgId}`, headers: jinshui })).statusCode,
    ).toBe(404);

    // the platform grants the municipal level; provincial and national ones are the higher offices'
    const national = await t.app.inject({
      method: "POST",
      url: "/api/agency/brand-applications",
      headers: agency,
      payload: { orgId, level: "national", statement: "本机构连续三年代理量全省前列，申请国家级品牌机构评定。" },
    });
    expect(national.statusCode).toBe(400);
    const apply = await t.app.inject({
      method: "POST",
      url: "/api/agency/brand-applications",
      headers: agency,
      payload: { orgId, level: "municipal", statement: "本机构连续三年代理量全市前列，申请市级品牌机构评定。" },
    });
    expect(apply.statusCode).toBe(200);
    const apps = (
      await t.app.inject({ method: "GET", url: "/api/supervision/brand-applications", headers: city })
    ).json().items;
    expect(apps[0]).toMatchObject({
      status: "submitted",
      grade: "A",
      orgName: "郑州测试专利代理事务所",
      needsReason: false,
      withinAuthority: true,
    });
    const decide = await t.app.inject({
      method: "POST",
      url: `/api/supervision/brand-applications/${apps[0].id}/decision`,
      headers: city,
      payload: { approve: true, note: "材料齐全，同意" },
    });
    expect(decide.statusCode).toBe(200);
    // the municipal level adds no credit points under the default rules; the registry records the qualification
    const after = (
      await t.app.inject({ method: "GET", url: `/api/supervision/credit/${orgId}`, headers: city })
    ).json();
    expect(after).toMatchObject({ score: 95, grade: "A" });
    const org = (await t.app.inject({ method: "GET", url: `/api/registry/orgs/${orgId}`, headers: city })).json().org;
    expect(org).toMatchObject({
      brand: "municipal",
      qualifications: expect.arrayContaining(["municipal_brand_agency"]),
    });
    const own = (await t.app.inject({ method: "GET", url: "/api/agency/credit", headers: agency })).json().items;
    expect(own).toEqual([expect.objectContaining({ orgId, grade: "A", score: 95 })]);
    const list = (await t.app.inject({ method: "GET", url: "/api/supervision/credit", headers: city })).json().items;
    expect(list).toEqual([expect.objectContaining({ orgId, grade: "A", violations: 1 })]);
  });

  it("grants brand levels only up to the approver's authority (issue #17: a city official granted the national level)", async () => {
    // an application for the national level from before the platform refused them
    const legacy = t.db.sqlite
      .prepare(
        `INSERT INTO brand_applications (org_id, level, statement, status, submitted_at)
         VALUES (?, 'national', '申请国家级品牌机构评定（旧申请）', 'submitted', '2025-01-01T00:00:00Z')`,
      )
      .run(orgId).lastInsertRowid;
    const listed = (
      await t.app.inject({ method: "GET", url: "/api/supervision/brand-applications", headers: city })
    ).json().items;
    expect(listed.find((a: { id: number }) => a.id === Number(legacy))).toMatchObject({ withinAuthority: false });
    const url = `/api/supervision/brand-applications/${legacy}/decision`;
    const refused = await t.app.inject({
      method: "POST",
      url,
      headers: city,
      payload: { approve: true, note: "同意" },
    });
    expect(refused.statusCode).toBe(403);
    const org = (await t.app.inject({ method: "GET", url: `/api/registry/orgs/${orgId}`, headers: city })).json().org;
    expect(org.qualifications).not.toContain("national_brand_agency");
    // it may still be answered: rejected with a note
    const rejected = await t.app.inject({
      method: "POST",
      url,
      headers: city,
      payload: { approve: false, note: "国家级品牌机构由国家知识产权局认定" },
    });
    expect(rejected.statusCode).toBe(200);
  });

  it("approving an agency with an open serious violation needs a recorded reason (400 without; audited with it)", async () => {
    const v = await t.app.inject({
      method: "POST",
      url: `/api/supervision/credit/${orgId}/violations`,
      headers: city,
      payload: { kind: "abnormal_filing", date: "2025-04-01", description: "代理非正常专利申请，经核查属实" },
    });
    expect(v.json().grade).toBe("C");
    const apply = await t.app.inject({
      method: "POST",
      url: "/api/agency/brand-applications",
      headers: agency,
      payload: { orgId, level: "municipal", statement: "本机构已整改完毕，再次申请市级品牌机构评定。" },
    });
    const id = apply.json().id as number;
    const listed = (
      await t.app.inject({ method: "GET", url: "/api/supervision/brand-applications", headers: city })
    ).json().items;
    expect(listed.find((a: { id: number }) => a.id === id)).toMatchObject({
      grade: "C",
      seriousOpen: 1,
      needsReason: true,
    });
    const url = `/api/supervision/brand-applications/${id}/decision`;
    const bare = await t.app.inject({ method: "POST", url, headers: city, payload: { approve: true, note: "同意" } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toMatchObject({ grade: "C", seriousOpen: 1 });
    const reason = "整改已经现场核查，违规案件均已撤回，经局务会研究同意";
    const ok = await t.app.inject({
      method: "POST",
      url,
      headers: city,
      payload: { approve: true, note: "同意", overrideReason: reason },
    });
    expect(ok.statusCode).toBe(200);
    const row = t.db.sqlite
      .prepare(
        "SELECT details_json FROM audit_log WHERE action = 'supervision.brand_decided' ORDER BY seq DESC LIMIT 1",
      )
      .get() as { details_json: string };
    expect(JSON.parse(row.details_json)).toMatchObject({ applicationId: id, approve: true, overrideReason: reason });
    const after = (
      await t.app.inject({ method: "GET", url: "/api/supervision/brand-applications", headers: city })
    ).json().items;
    expect(after.find((a: { id: number }) => a.id === id)).toMatchObject({
      status: "approved",
      overrideReason: reason,
    });
  });

  it("lists abnormal-filing signals with the evidence side by side", async () => {
    const res = (await t.app.inject({ method: "GET", url: "/api/supervision/signals", headers: city })).json();
    expect(res.note).toContain("不构成违规认定");
    const dup = res.signals.find((s: { kind: string }) => s.kind === "near_duplicate");
    expect(dup.patents.map((p: { pubNo: string }) => p.pubNo).sort()).toEqual(["CN900000001A", "CN900000002A"]);
    expect(dup.evidence).toMatchObject({ sameAgency: true, sameApplicant: false, textBasis: "title+abstract" });
    expect(dup.evidence.jaccard).toBeGreaterThan(0.85);
    // the application and its own grant are not a duplicate pair
    expect(
      res.signals.some(
        (s: { kind: string; patents: { pubNo: string }[] }) =>
          s.patents.map((p) => p.pubNo).includes("CN900000002B") && s.kind === "near_duplicate",
      ),
    ).toBe(false);
    const dualPubs = ["CN900000003A", "CN920000003U"];
    expect(
      res.signals.some((s: { patents: { pubNo: string }[] }) => s.patents.some((p) => dualPubs.includes(p.pubNo))),
    ).toBe(false);
    expect(res.corpus.description).toContain("一案双报” 1 对");
    const burst = res.signals.find(
      (s: { kind: string; entity: string }) => s.kind === "burst" && s.entity === "申请人 丙公司",
    );
    expect(burst.evidence).toMatchObject({ month: "2022-06", count: 12 });
    expect(burst.patents).toHaveLength(10);
    expect((await t.app.inject({ method: "GET", url: "/api/supervision/signals", headers: agency })).statusCode).toBe(
      403,
    );
  });
});
