import type { OrgInput, PlanTargetInput } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { FakeClock, systemClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { allDivisions } from "../reference/reference.repository.js";
import { ReferenceService } from "../reference/reference.service.js";
import { RegionDirectory } from "../reference/region-directory.js";
import { RegistryService } from "../registry/registry.service.js";
import { official } from "../registry/registry.test-support.js";
import * as surveyRepo from "../surveys/surveys.repository.js";
import { SurveysService } from "../surveys/surveys.service.js";
import { PlanService } from "./plan.service.js";

/** Issue #17 item 7: qualification dates, baselines and survey figures behind the plan's targets. */
let db: Db;
let registry: RegistryService;
let surveys: SurveysService;
let plan: PlanService;
const city = official(null);
/** The plan's "today": 2025-06-10, noon UTC. */
const clock = new FakeClock(Date.UTC(2025, 5, 10, 12));

const org = (o: Partial<OrgInput>): OrgInput => ({
  name: "机构",
  category: "patent_agency",
  creditCode: null,
  districtCode: "410105",
  zone: null,
  address: null,
  qualifications: [],
  status: "active",
  since: "2019-04-01",
  ended: null,
  brand: "none",
  notes: null,
  ...o,
});

beforeAll(async () => {
  ({ db } = await freshDb());
  seedReference(db);
  const audit = new AuditService(db, systemClock);
  registry = new RegistryService(db, audit, clock);
  surveys = new SurveysService(db, registry, new RegionDirectory(allDivisions(db)), audit, clock);
  plan = new PlanService(db, registry, new ReferenceService(db), audit, clock, {
    surveyFigure: (f) => surveys.acceptedFigure(f),
  });
});
afterAll(async () => db.close());

const target = (key: string, code?: string) => plan.dashboard(city, code).targets.find((t) => t.key === key)!;

describe("qualifications count from their own dates", () => {
  it("a national brand granted on 2025-06-10 counts for 2025 only, not back to 2023 (the agency's own start)", () => {
    const made = registry.createOrg(city, org({ name: "甲代理" }));
    registry.setBrand(city, made.id, "national", "国家知识产权局认定文件", "2025-06-10");
    const brand = target("national_brand_agencies");
    expect(brand.years.map((y) => y.actual)).toEqual([0, 0, 1]);
    expect(brand.actual).toBe(1);
    // the agency itself still counts from 2019
    expect(target("patent_agencies").years.map((y) => y.actual)).toEqual([1, 1, 1]);
  });

  it("dates a qualification given without one on the day it is recorded, and keeps dates through later edits", () => {
    const made = registry.createOrg(
      city,
      org({ name: "乙企业", category: "enterprise", qualifications: ["ip_strong_enterprise"], qualificationSince: {} }),
    );
    const recorded = "2025-06-10"; // the injected clock's day, which the registry dates by as the plan does
    expect(made.qualificationSince).toEqual({ ip_strong_enterprise: recorded });
    const { id, source: _s, createdAt: _c, updatedAt: _u, patentFilings: _p, ...input } = made;
    const dated = registry.updateOrg(city, id, {
      ...input,
      qualifications: ["ip_strong_enterprise", "leading_enterprise"],
      qualificationSince: { leading_enterprise: "2024-03-01" },
    });
    expect(dated.qualificationSince).toEqual({ ip_strong_enterprise: recorded, leading_enterprise: "2024-03-01" });
    expect(target("platforms_leading").years.map((y) => y.actual)).toEqual([0, 1, 1]);
  });

  it("a qualification recorded before dates existed counts from the day its record was entered", () => {
    const made = registry.createOrg(
      city,
      org({
        name: "丙代理",
        qualifications: ["competitive_agency"],
        qualificationSince: { competitive_agency: "2020-01-01" },
      }),
    );
    db.sqlite
      .prepare("UPDATE registry_orgs SET qualification_dates = '{}', created_at = '2024-05-01T08:00:00Z' WHERE id = ?")
      .run(made.id);
    expect(target("competitive_agencies").years.map((y) => y.actual)).toEqual([0, 1, 1]);
  });
});

describe("baselines", () => {
  it("paces a stock target from the registry's count before the plan, or from a recorded baseline", () => {
    for (const n of [1, 2, 3]) registry.createOrg(city, org({ name: `丁代理${n}`, since: "2021-01-01" }));
    // 甲代理 (2019) and 丙代理 (2019) and 丁代理1–3 (2021) were all there at the end of 2022: 5 agencies
    const fromRegistry = target("patent_agencies");
    expect(fromRegistry.paceBaseline).toEqual({ value: 5, date: "2022-12-31", source: "registry" });
    expect(fromRegistry.years[0].pace).toBeCloseTo(5 + (120 - 5) / 3, 1);

    const id = fromRegistry.id;
    expect(() => plan.setBaseline(official("410105"), id, { value: 80, date: "2022-12-31" })).toThrow(/市级/);
    expect(() => plan.setBaseline(city, id, { value: 80, date: "2026-01-01" })).toThrow(/基数日期/);
    plan.setBaseline(city, id, { value: 80, date: "2022-12-31" });
    const recorded = target("patent_agencies");
    expect(recorded.paceBaseline).toEqual({ value: 80, date: "2022-12-31", source: "recorded" });
    expect(recorded.years.map((y) => y.pace)).toEqual([93.33, 106.67, 120]);
    const audit = db.sqlite
      .prepare("SELECT details_json FROM audit_log WHERE action = 'plan.baseline_set' ORDER BY seq DESC LIMIT 1")
      .get() as { details_json: string };
    expect(JSON.parse(audit.details_json)).toMatchObject({ key: "patent_agencies", to: { value: 80 } });
    plan.setBaseline(city, id, null);
    expect(target("patent_agencies").paceBaseline.source).toBe("registry");
  });
});

describe("targets that read an accepted survey figure", () => {
  const surveyTarget = (key: string, unit: string, question: string, targetValue: number): PlanTargetInput => ({
    key,
    labelZh: key,
    labelEn: key,
    unit,
    target: targetValue,
    targetYear: 2025,
    metric: { subject: "survey_figure", question },
    sort: 0,
  });

  it("sums the accepted 营业收入 and 从业人员 of each year's survey, in the target's unit", () => {
    const answered = (year: number, rows: [number, number, number][]) => {
      const s = surveys.create(city, {
        title: `${year} 年度服务机构统计`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        dueDate: `${year + 1}-01-31`,
        categories: ["patent_agency"],
      });
      rows.forEach(([revenue, staff, status], i) => {
        const o = registry.createOrg(city, org({ name: `${year} 调查机构${i}`, since: `${year}-01-01` }));
        surveyRepo.upsertResponse(db, {
          survey_id: s.id,
          org_id: o.id,
          answers_json: JSON.stringify({
            revenue,
            staff,
            attorneys: 1,
            cases_invention: 1,
            cases_utility: 0,
            cases_design: 0,
          }),
          problems_json: "[]",
          status: status ? "accepted" : "submitted",
          channel: "online",
          submitted_at: `${year + 1}-01-10T00:00:00Z`,
          submitted_by: null,
        });
      });
      surveyRepo.setSurveyStatus(db, s.id, "closed");
      return s.id;
    };
    answered(2022, [[4000, 30, 1]]);
    answered(2023, [
      [5000, 40, 1],
      [7000, 60, 1],
      [9999, 99, 0], // not accepted: not counted
    ]);
    const id2024 = answered(2024, [[15000, 120, 1]]);
    const loaded = plan.loadPlan(city, {
      code: "survey-figures",
      name: "调查数据目标",
      city: "郑州市",
      cityCode: "4101",
      startYear: 2023,
      endYear: 2025,
      belt: [],
      activate: false,
      targets: [surveyTarget("revenue", "亿元", "revenue", 3), surveyTarget("staff", "人", "staff", 300)],
    });
    const revenue = target("revenue", loaded.code);
    // 万元 → 亿元; the running year (2025) has no survey yet, so the latest figure is 2024's
    expect(revenue.years.map((y) => y.actual)).toEqual([1.2, 1.5, null]);
    expect(revenue).toMatchObject({ actual: 1.5, ratio: 0.5, surveySource: { surveyId: id2024, respondents: 1 } });
    expect(revenue.paceBaseline).toEqual({ value: 0.4, date: "2022-12-31", source: "survey" });
    const staff = target("staff", loaded.code);
    expect(staff.years.map((y) => y.actual)).toEqual([100, 120, null]);
    expect(staff.areas.find((a) => a.code === "410105")?.count).toBe(120);
  });

  it("refuses a survey-figure target without a question, and says when units do not convert", () => {
    expect(() =>
      plan.loadPlan(city, {
        code: "no-question",
        name: "缺问题",
        city: "郑州市",
        cityCode: "4101",
        startYear: 2023,
        endYear: 2025,
        belt: [],
        activate: false,
        targets: [{ ...surveyTarget("x", "亿元", "revenue", 1), metric: { subject: "survey_figure" } }],
      }),
    ).toThrow(/调查问题/);
    const loaded = plan.loadPlan(city, {
      code: "bad-unit",
      name: "单位不符",
      city: "郑州市",
      cityCode: "4101",
      startYear: 2023,
      endYear: 2025,
      belt: [],
      activate: false,
      targets: [surveyTarget("revenue_people", "人", "revenue", 1)],
    });
    expect(target("revenue_people", loaded.code)).toMatchObject({
      actual: null,
      note: expect.stringContaining("单位"),
    });
  });
});
