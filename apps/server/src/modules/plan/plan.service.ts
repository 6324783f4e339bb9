import { AppError } from "@zhichan/core";
import {
  type Baseline,
  countAt,
  countByArea,
  type MetricDefinition,
  paceAt,
  progressStatus,
  type RegistryFact,
  ratio,
  yearlyProgress,
  zeroBaseline,
} from "@zhichan/core/plan/index.ts";
import { recordInScope, ZHENGZHOU_ZONES } from "@zhichan/core/registry/index.ts";
import type { Plan, PlanDashboard, PlanTargetInput, TargetBaseline, TargetProgress } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../http/auth-context.js";
import { type Clock, isoNow, isoToday } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import type { ReferenceService } from "../reference/reference.service.js";
import type { RegistryService } from "../registry/registry.service.js";
import * as repo from "./plan.repository.js";
import { type SurveyFigureSource, surveyFigureProgress } from "./plan.survey-figure.js";
import * as publication from "./plan-publication.repository.js";
import { PledgeRegisterService } from "./pledge-register.service.js";

export interface Area {
  key: string;
  name: string;
  code: string | null;
  zone: string | null;
}

const ZONE_NAME_BY_CODE = new Map(ZHENGZHOU_ZONES.filter((z) => z.code).map((z) => [z.code!, z.name]));

type Base = Omit<
  TargetProgress,
  "actual" | "ratio" | "status" | "note" | "years" | "areas" | "paceBaseline" | "surveySource"
>;

/**
 * The plan's targets against figures counted live from the registry, the pledge registrations and the accepted
 * survey answers (never typed in), by year and by area, each paced from its baseline.
 */
export class PlanService {
  /** Pledge registrations made outside the platform's pledge cases (an official's form or an imported list). */
  readonly pledges: PledgeRegisterService;

  constructor(
    private readonly db: Db,
    private readonly registry: RegistryService,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    /** Today for the live figures, the running plan year and the baseline check; publication times. */
    private readonly clock: Clock,
    private readonly sources: {
      /** Pledge financing registered by the platform's pledge cases, in yuan (operations module). */
      pledgeAmountYuan?: (f: { year?: number; district?: string }) => number;
      /** Registration numbers those cases hold, so a number in the register too is counted once. */
      caseRegistrationNos?: () => Set<string>;
      /** The GI register's entries as facts (modules/gi): GI-product targets count them. */
      giFacts?: () => RegistryFact[];
      /** One year's accepted survey figure (surveys module). */
      surveyFigure?: SurveyFigureSource;
    } = {},
  ) {
    this.pledges = new PledgeRegisterService(db, audit, clock, {
      caseRegistrationNos: sources.caseRegistrationNos,
      districtOfOrg: (name) => registry.orgDistrictByName(name),
    });
  }

  private today(): string {
    return isoToday(this.clock);
  }

  plans(): Plan[] {
    return repo.listPlans(this.db).map(toPlan);
  }

  dashboard(ctx: RequestContext, planCode?: string): PlanDashboard {
    const plan = this.plan(planCode);
    const facts = [...this.registry.facts(), ...this.giFactsOf(plan)].filter((f) => recordInScope(ctx.district, f));
    const areas = this.areas(plan);
    const polygons = this.polygonCodes();
    const today = this.today();
    const belt = new Set(JSON.parse(plan.belt_json) as string[]);
    const targets = repo
      .targetsOf(this.db, plan.id)
      .map((t) => this.progress(ctx, t, facts, plan, areas, polygons, belt, today));
    const counts = {
      orgs: facts.filter((f) => f.subject === "org" && f.status !== "candidate").length,
      people: facts.filter((f) => f.subject === "person" && f.status !== "candidate").length,
      candidates: facts.filter((f) => f.status === "candidate").length,
    };
    return {
      plan: toPlan(plan),
      asOf: today,
      scope: ctx.district,
      registryCounts: counts,
      targets,
      publishedAt: publication.publishedAt(this.db, plan.id),
    };
  }

  /** Publishes the plan's city-wide progress to the public, or withdraws it (city-wide officials; audited). */
  publish(ctx: RequestContext, published: boolean, planCode?: string): { publishedAt: string | null } {
    this.assertCityWide(ctx);
    const plan = this.plan(planCode);
    const at = published ? isoNow(this.clock) : null;
    this.db.sqlite.transaction(() => {
      publication.setPublished(this.db, plan.id, at);
      this.audit.record({
        action: published ? "plan.published" : "plan.withdrawn",
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.username ?? null,
        target: `plan:${plan.id}`,
        ip: ctx.ip,
        details: { code: plan.code },
      });
    })();
    return { publishedAt: at };
  }

  /** The city-wide progress as the public sees it, only while an official has it published. */
  publishedDashboard(planCode?: string): PlanDashboard {
    const plan = this.plan(planCode);
    if (!publication.publishedAt(this.db, plan.id))
      throw new AppError("NOT_FOUND", "规划进展尚未公开 · the plan's progress is not published");
    return this.dashboard({ actor: null, ip: null, district: null }, plan.code);
  }

  updateTarget(ctx: RequestContext, id: number, input: PlanTargetInput) {
    this.assertCityWide(ctx);
    const before = repo.findTarget(this.db, id);
    if (!before) throw new AppError("NOT_FOUND", `没有目标 ${id} · no target ${id}`);
    this.checkMetric(input);
    const baseline = input.baseline === undefined ? baselineOf(before) : input.baseline;
    this.db.sqlite.transaction(() => {
      repo.updateTarget(this.db, id, toRecord({ ...input, baseline }));
      this.audit.record({
        action: "plan.target_updated",
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.username ?? null,
        target: `plan_target:${id}`,
        ip: ctx.ip,
        details: { from: before.target, to: input.target, key: input.key, baseline },
      });
    })();
    return { ok: true as const };
  }

  /** Records (or clears, with null) where a target stood before the plan; pace runs from it. */
  setBaseline(ctx: RequestContext, id: number, baseline: TargetBaseline | null) {
    this.assertCityWide(ctx);
    const before = repo.findTarget(this.db, id);
    if (!before) throw new AppError("NOT_FOUND", `没有目标 ${id} · no target ${id}`);
    if (baseline && baseline.date > this.today())
      throw new AppError("BAD_REQUEST", "基数日期不能晚于今天 · the baseline date is in the future");
    this.db.sqlite.transaction(() => {
      repo.setBaseline(this.db, id, baseline?.value ?? null, baseline?.date ?? null);
      this.audit.record({
        action: "plan.baseline_set",
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.username ?? null,
        target: `plan_target:${id}`,
        ip: ctx.ip,
        details: { key: before.key, from: baselineOf(before), to: baseline },
      });
    })();
    return { ok: true as const };
  }

  /** Loads another plan (another city, another period) with its targets; optionally makes it the active one. */
  loadPlan(ctx: RequestContext, p: Omit<Plan, "id"> & { targets: PlanTargetInput[]; activate: boolean }): Plan {
    this.assertCityWide(ctx);
    if (repo.findPlan(this.db, p.code)) throw new AppError("CONFLICT", `规划代码已存在 · plan ${p.code} exists`);
    for (const t of p.targets) this.checkMetric(t);
    const id = this.db.sqlite.transaction(() => {
      const planId = repo.insertPlan(this.db, {
        code: p.code,
        name: p.name,
        city: p.city,
        city_code: p.cityCode,
        start_year: p.startYear,
        end_year: p.endYear,
        belt_json: JSON.stringify(p.belt),
      });
      for (const t of p.targets) repo.insertTarget(this.db, planId, toRecord(t));
      if (p.activate) repo.activatePlan(this.db, planId);
      this.audit.record({
        action: "plan.loaded",
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.username ?? null,
        target: `plan:${planId}`,
        ip: ctx.ip,
        details: { code: p.code },
      });
      return planId;
    })();
    return toPlan(repo.listPlans(this.db).find((x) => x.id === id)!);
  }

  /**
   * Pledge financing registered in each year (a yearly amount, in 亿元 when the target's unit says so): the
   * platform's pledge cases plus the register of pledges recorded outside them — never typed into the target.
   */
  private pledgeProgress(
    base: Base,
    t: repo.TargetRecord,
    plan: repo.PlanRecord,
    areas: Area[],
    polygons: Set<string>,
    belt: Set<string>,
    ctx: RequestContext,
    today: string,
  ): TargetProgress {
    const scale = t.unit === "亿元" ? 1e8 : t.unit === "万元" ? 1e4 : 1;
    const registered = (f: { year: number; district?: string }) =>
      (this.sources.pledgeAmountYuan?.(f) ?? 0) + this.pledges.amountYuan(f);
    const amount = (year: number, district?: string) =>
      Math.round((registered({ year, district: district ?? ctx.district ?? undefined }) / scale) * 100) / 100;
    const thisYear = Number(today.slice(0, 4));
    const years = [];
    for (let y = plan.start_year; y <= plan.end_year; y++) {
      const actual = y > thisYear ? null : amount(y);
      // A yearly amount: each year is measured against the full target.
      years.push({ year: y, actual, pace: t.target, status: progressStatus(actual, t.target, t.target) });
    }
    const current = years.filter((y) => y.actual !== null).at(-1);
    const actual = current?.actual ?? 0;
    const recorded = baselineOf(t);
    return {
      ...base,
      actual,
      ratio: ratio(actual, t.target),
      status: current?.status ?? "unavailable",
      note:
        actual === 0
          ? `${current?.year ?? thisYear} 年尚无登记的质押融资 · no pledge financing registered this year`
          : `${current?.year} 年登记的质押融资额 · amount registered in ${current?.year}`,
      years,
      // a yearly amount has no stock to grow from: the baseline (e.g. 2022's amount) is shown, not paced from
      paceBaseline: recorded
        ? { ...recorded, source: "recorded" }
        : { ...zeroBaseline(plan.start_year), source: "none" },
      surveySource: null,
      areas: areas
        .filter((a) => a.code !== null && (ctx.district === null || a.code.startsWith(ctx.district)))
        .map((a) => ({
          key: a.key,
          name: a.name,
          code: a.code,
          hasPolygon: polygons.has(a.code!),
          inBelt: belt.has(a.key),
          count: amount(current?.year ?? thisYear, a.code!),
        })),
    };
  }

  private progress(
    ctx: RequestContext,
    t: repo.TargetRecord,
    facts: RegistryFact[],
    plan: repo.PlanRecord,
    areas: Area[],
    polygons: Set<string>,
    belt: Set<string>,
    today: string,
  ): TargetProgress {
    const metric = JSON.parse(t.metric_json) as MetricDefinition;
    const base = {
      id: t.id,
      key: t.key,
      labelZh: t.label_zh,
      labelEn: t.label_en,
      unit: t.unit,
      target: t.target,
      targetYear: t.target_year,
      metric,
      sort: t.sort,
    };
    if (metric.subject === "pledge_amount")
      return this.pledgeProgress(base, t, plan, areas, polygons, belt, ctx, today);
    if (metric.subject === "survey_figure")
      return surveyFigureProgress(
        base,
        { target: t.target, unit: t.unit, baselineValue: t.baseline_value, baselineDate: t.baseline_date },
        metric.question ?? "",
        metric.categories,
        { startYear: plan.start_year, endYear: plan.end_year },
        today,
        ctx,
        areas.map((a) => ({ area: a, hasPolygon: a.code !== null && polygons.has(a.code), inBelt: belt.has(a.key) })),
        this.sources.surveyFigure,
      );
    // Pace runs from the recorded baseline, else from what the registry held the day before the plan began.
    const before = `${plan.start_year - 1}-12-31`;
    const recorded = baselineOf(t);
    const baseline: Baseline & { source: "recorded" | "registry" } = recorded
      ? { ...recorded, source: "recorded" }
      : { value: countAt(metric, facts, before), date: before, source: "registry" };
    const years = yearlyProgress(
      metric,
      facts,
      t.target,
      { startYear: plan.start_year, endYear: plan.end_year },
      today,
      { baseline, targetYear: t.target_year },
    );
    // The live figure: records in force today (after the plan's last year too, so new entries always show).
    const actual = countAt(metric, facts, today);
    const thisYear = Math.min(Number(today.slice(0, 4)), t.target_year);
    const pace = paceAt(thisYear, t.target, t.target_year, baseline);
    const byArea = countByArea(metric, facts, today, areas);
    return {
      ...base,
      actual,
      ratio: ratio(actual, t.target),
      status: progressStatus(actual, t.target, pace),
      note: actual === 0 ? "登记簿尚未填报 · registry not yet filled" : null,
      years,
      paceBaseline: baseline,
      surveySource: null,
      areas: areas.map((a) => ({
        key: a.key,
        name: a.name,
        code: a.code,
        hasPolygon: a.code !== null && polygons.has(a.code),
        inBelt: belt.has(a.key),
        count: byArea[a.key] ?? 0,
      })),
    };
  }

  /** County-level divisions of the plan's city, with functional zones named as zones (郑东新区 has no code). */
  areas(plan: repo.PlanRecord): Area[] {
    const out: Area[] = [];
    for (const d of repo.cityDivisions(this.db, plan.city_code)) {
      const zone = ZONE_NAME_BY_CODE.get(d.code);
      if (zone) out.push({ key: zone, name: zone, code: d.code, zone });
      else out.push({ key: d.name, name: d.name, code: d.code, zone: null });
    }
    if (plan.city_code === "4101")
      for (const z of ZHENGZHOU_ZONES)
        if (!out.some((a) => a.key === z.name)) out.push({ key: z.name, name: z.name, code: z.code, zone: z.name });
    return out;
  }

  private polygonCodes(): Set<string> {
    try {
      const geo = this.reference.geoJson("zhengzhou_districts") as { features?: { id?: string | number }[] };
      return new Set((geo.features ?? []).map((f) => String(f.id ?? "")));
    } catch {
      return new Set();
    }
  }

  /** The GI register's entries in the plan's city (the register holds the province's). */
  private giFactsOf(plan: repo.PlanRecord): RegistryFact[] {
    return (this.sources.giFacts?.() ?? []).filter((f) => f.districtCode?.startsWith(plan.city_code));
  }

  private plan(code?: string): repo.PlanRecord {
    const p = repo.findPlan(this.db, code);
    if (!p) throw new AppError("NOT_FOUND", `没有规划 ${code ?? ""} · no plan ${code ?? ""}`);
    return p;
  }

  /** A survey-figure target names its question; the other subjects take none. */
  private checkMetric(t: PlanTargetInput): void {
    if (t.metric.subject === "survey_figure" && !t.metric.question)
      throw new AppError("BAD_REQUEST", "调查数据目标须指定调查问题 · a survey-figure target names its question", {
        key: t.key,
      });
  }

  private assertCityWide(ctx: RequestContext): void {
    if (ctx.district !== null)
      throw new AppError("FORBIDDEN", "仅市级管理人员可以修改规划目标 · only city-wide officials may edit the plan", {
        reason: "district scope",
      });
  }
}

function toPlan(p: repo.PlanRecord): Plan {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    city: p.city,
    cityCode: p.city_code,
    startYear: p.start_year,
    endYear: p.end_year,
    belt: JSON.parse(p.belt_json) as string[],
  };
}

function baselineOf(t: repo.TargetRecord): TargetBaseline | null {
  return t.baseline_value !== null && t.baseline_date !== null
    ? { value: t.baseline_value, date: t.baseline_date }
    : null;
}

function toRecord(t: PlanTargetInput): Omit<repo.TargetRecord, "id" | "plan_id"> {
  return {
    baseline_value: t.baseline?.value ?? null,
    baseline_date: t.baseline?.date ?? null,
    key: t.key,
    label_zh: t.labelZh,
    label_en: t.labelEn,
    unit: t.unit,
    target: t.target,
    target_year: t.targetYear,
    metric_json: JSON.stringify(t.metric),
    sort: t.sort,
  };
}
