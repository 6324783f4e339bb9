import type { OrgInput, PersonInput } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { FakeClock, systemClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { ReferenceService } from "../reference/reference.service.js";
import { RegistryService } from "../registry/registry.service.js";
import { official } from "../registry/registry.test-support.js";
import { PlanService } from "./plan.service.js";

let db: Db;
let registry: RegistryService;
let plan: PlanService;
const city = official(null);
/** The plan's "today": 2024-06-30, noon UTC. */
const clock = new FakeClock(Date.UTC(2024, 5, 30, 12));

const org = (o: Partial<OrgInput>): OrgInput => ({
  name: "机构",
  category: "patent_agency",
  creditCode: null,
  districtCode: "410105",
  zone: null,
  address: null,
  qualifications: [],
  status: "active",
  since: "2023-03-01",
  ended: null,
  brand: "none",
  notes: null,
  ...o,
  // each qualification held since the record's own date (the registry dates them; see plan.figures.test.ts)
  qualificationSince: Object.fromEntries((o.qualifications ?? []).map((q) => [q, o.since ?? "2023-03-01"])),
});
const person = (o: Partial<PersonInput>): PersonInput => ({
  name: "某人",
  category: "patent_attorney",
  orgId: null,
  certificateNo: null,
  districtCode: "410105",
  zone: null,
  qualifications: ["practising"],
  status: "active",
  since: "2023-03-01",
  ended: null,
  notes: null,
  ...o,
  qualificationSince: Object.fromEntries((o.qualifications ?? ["practising"]).map((q) => [q, o.since ?? "2023-03-01"])),
});

beforeAll(async () => {
  ({ db } = await freshDb());
  seedReference(db);
  const audit = new AuditService(db, systemClock);
  registry = new RegistryService(db, audit, clock);
  plan = new PlanService(db, registry, new ReferenceService(db), audit, clock);
  registry.createOrg(city, org({ name: "甲代理", since: "2023-03-01" }));
  registry.createOrg(city, org({ name: "乙代理", since: "2024-02-01", districtCode: "410172", zone: "高新区" }));
  registry.createOrg(
    city,
    org({ name: "丙代理（已注销）", status: "closed", since: "2023-01-01", ended: "2023-10-01" }),
  );
  registry.createOrg(city, org({ name: "丁代理（候选）", status: "candidate", districtCode: null }));
  registry.createOrg(
    city,
    org({ name: "戊商标", category: "trademark_agency", zone: "郑东新区", qualifications: ["national_brand_agency"] }),
  );
  registry.createOrg(
    city,
    org({
      name: "己企业",
      category: "enterprise",
      qualifications: ["ip_strong_enterprise"],
      districtCode: "410172",
      zone: "高新区",
    }),
  );
  registry.createOrg(city, org({ name: "庚平台", category: "platform" }));
  registry.createOrg(city, org({ name: "辛龙头", category: "enterprise", qualifications: ["leading_enterprise"] }));
  registry.createPerson(city, person({ name: "执业甲" }));
  registry.createPerson(city, person({ name: "未执业乙", qualifications: [] }));
  registry.createPerson(city, person({ name: "执业丙", since: "2024-05-01", districtCode: "410172" }));
});
afterAll(async () => db.close());

const target = (d: ReturnType<PlanService["dashboard"]>, key: string) => d.targets.find((t) => t.key === key)!;

describe("plan dashboard", () => {
  it("seeds every target of the Zhengzhou plan as data", () => {
    const d = plan.dashboard(city);
    expect(d.plan).toMatchObject({ code: "zhengzhou-2023-2025", startYear: 2023, endYear: 2025 });
    expect(d.plan.belt).toEqual(["荥阳市", "高新区", "金水区", "郑东新区", "经开区", "航空港区"]);
    expect(d.targets).toHaveLength(19);
    expect(Object.fromEntries(d.targets.map((t) => [t.key, t.target]))).toMatchObject({
      navigation_bases: 30,
      pledge_financing: 12,
      service_agencies: 1500,
      patent_agencies: 120,
      patent_attorneys: 600,
      professionals: 100,
    });
  });

  it("computes actual values from registry rows: status, dates, qualifications, categories", () => {
    const d = plan.dashboard(city);
    expect(target(d, "patent_agencies")).toMatchObject({ actual: 2, ratio: 0.017, status: "behind" });
    expect(target(d, "patent_agencies").years).toEqual([
      { year: 2023, actual: 1, pace: 40, status: "behind" }, // 丙 closed in October, 乙 came in 2024
      { year: 2024, actual: 2, pace: 80, status: "behind" },
      { year: 2025, actual: null, pace: 120, status: "unavailable" },
    ]);
    expect(target(d, "service_agencies").actual).toBe(3);
    expect(target(d, "national_brand_agencies").actual).toBe(1);
    expect(target(d, "ip_strong_enterprises").actual).toBe(1);
    expect(target(d, "platforms_leading").actual).toBe(2);
    expect(target(d, "patent_attorneys").actual).toBe(2);
    expect(target(d, "navigation_bases")).toMatchObject({
      actual: 0,
      note: expect.stringContaining("registry not yet filled"),
    });
    expect(d.registryCounts).toEqual({ orgs: 7, people: 3, candidates: 1 });
  });

  it("counts by district and by zone, 郑东新区 by name", () => {
    const areas = target(plan.dashboard(city), "service_agencies").areas;
    const count = (k: string) => areas.find((a) => a.key === k)?.count;
    expect(count("金水区")).toBe(2);
    expect(count("郑东新区")).toBe(1);
    expect(count("高新区")).toBe(1);
    expect(areas.find((a) => a.key === "郑东新区")).toMatchObject({ code: null, hasPolygon: false, inBelt: true });
  });

  it("pledge financing: from the pledge register alone without the operations module, added to it when present", () => {
    expect(target(plan.dashboard(city), "pledge_financing")).toMatchObject({
      actual: 0,
      status: "behind",
      note: expect.stringContaining("no pledge financing registered"),
    });
    const withPledges = new PlanService(
      db,
      registry,
      new ReferenceService(db),
      new AuditService(db, systemClock),
      clock,
      {
        pledgeAmountYuan: (f) => (f.year === 2024 ? (f.district === "410172" ? 1e8 : 3e8) : 0),
      },
    );
    const p = target(withPledges.dashboard(city), "pledge_financing");
    expect(p).toMatchObject({ actual: 3, ratio: 0.25 });
    expect(p.years.map((y) => y.actual)).toEqual([0, 3, null]);
    expect(p.areas.find((a) => a.key === "高新区")?.count).toBe(1);
  });

  it("a district official sees its district's figures only", () => {
    const d = plan.dashboard(official("410172"));
    expect(d.scope).toBe("410172");
    expect(target(d, "patent_agencies").actual).toBe(1);
    expect(target(d, "patent_attorneys").actual).toBe(1);
    expect(d.registryCounts).toEqual({ orgs: 2, people: 1, candidates: 0 });
  });

  it("targets are editable data, by city-wide officials only", () => {
    const t = target(plan.dashboard(city), "patent_agencies");
    const {
      id,
      actual: _a,
      ratio: _r,
      status: _s,
      note: _n,
      years: _y,
      areas: _ar,
      paceBaseline: _b,
      surveySource: _ss,
      ...input
    } = t;
    expect(() => plan.updateTarget(official("410105"), id, { ...input, target: 150 })).toThrow(/市级/);
    plan.updateTarget(city, id, { ...input, target: 150 });
    expect(target(plan.dashboard(city), "patent_agencies")).toMatchObject({ target: 150, ratio: 0.013 });
  });

  it("loads another city's plan", () => {
    const loaded = plan.loadPlan(city, {
      code: "test-city-2026",
      name: "某市规划",
      city: "某市",
      cityCode: "4102",
      startYear: 2026,
      endYear: 2028,
      belt: [],
      activate: false,
      targets: [
        {
          key: "patent_agencies",
          labelZh: "专利代理机构",
          labelEn: "",
          unit: "家",
          target: 10,
          targetYear: 2028,
          metric: { subject: "org", categories: ["patent_agency"] },
          sort: 0,
        },
      ],
    });
    const d = plan.dashboard(city, loaded.code);
    expect(d.targets.map((t) => t.key)).toEqual(["patent_agencies"]);
    expect(plan.dashboard(city).plan.code).toBe("zhengzhou-2023-2025");
  });
});
