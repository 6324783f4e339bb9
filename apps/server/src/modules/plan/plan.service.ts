import { AppError } from "@zhichan/core";
import {
  countAt,
  countByArea,
  type MetricDefinition,
  progressStatus,
  type RegistryFact,
  ratio,
  yearlyProgress,
} from "@zhichan/core/plan/index.ts";
import { recordInScope, ZHENGZHOU_ZONES } from "@zhichan/core/registry/index.ts";
import type { Plan, PlanDashboard, PlanTargetInput, TargetProgress } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../http/auth-context.js";
import type { AuditService } from "../audit/audit.service.js";
import type { ReferenceService } from "../reference/reference.service.js";
import type { RegistryService } from "../registry/registry.service.js";
import * as repo from "./plan.repository.js";

export interface Area {
  key: string;
  name: string;
  code: string | null;
  zone: string | null;
}

const ZONE_NAME_BY_CODE = new Map(ZHENGZHOU_ZONES.filter((z) => z.code).map((z) => [z.code!, z.name]));

/** The plan's targets against figures counted live from the registry (never typed in), by year and by area. */
export class PlanService {
  constructor(
    private readonly db: Db,
    private readonly registry: RegistryService,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    private readonly sources: {
      /** Registered pledge financing in yuan (operations module); absent = not available on this platform. */
      pledgeAmountYuan?: (f: { year?: number; district?: string }) => number;
      today?: () => string;
    } = {},
  ) {}

  private today(): string {
    return this.sources.today?.() ?? new Date().toISOString().slice(0, 10);
  }

  plans(): Plan[] {
    return repo.listPlans(this.db).map(toPlan);
  }

  dashboard(ctx: RequestContext, planCode?: string): PlanDashboard {
    const plan = this.plan(planCode);
    const facts = this.registry.facts().filter((f) => recordInScope(ctx.district, f));
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
    return { plan: toPlan(plan), asOf: today, scope: ctx.district, registryCounts: counts, targets };
  }

  updateTarget(ctx: RequestContext, id: number, input: PlanTargetInput) {
    this.assertCityWide(ctx);
    const before = repo.findTarget(this.db, id);
    if (!before) throw new AppError("NOT_FOUND", `没有目标 ${id} · no target ${id}`);
    this.db.sqlite.transaction(() => {
      repo.updateTarget(this.db, id, toRecord(input));
      this.audit.record({
        action: "plan.target_updated",
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.username ?? null,
        target: `plan_target:${id}`,
        ip: ctx.ip,
        details: { from: before.target, to: input.target, key: input.key },
      });
    })();
    return { ok: true as const };
  }

  /** Loads another plan (another city, another period) with its targets; optionally makes it the active one. */
  loadPlan(ctx: RequestContext, p: Omit<Plan, "id"> & { targets: PlanTargetInput[]; activate: boolean }): Plan {
    this.assertCityWide(ctx);
    if (repo.findPlan(this.db, p.code)) throw new AppError("CONFLICT", `规划代码已存在 · plan ${p.code} exists`);
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
   * Pledge financing registered in each year (a yearly amount, in 亿元 when the target's unit says so), read from the
   * operations module's registered pledges — never typed in. Without that module: no figure at all.
   */
  private pledgeProgress(
    base: Omit<TargetProgress, "actual" | "ratio" | "status" | "note" | "years" | "areas">,
    t: repo.TargetRecord,
    plan: repo.PlanRecord,
    areas: Area[],
    polygons: Set<string>,
    belt: Set<string>,
    ctx: RequestContext,
    today: string,
  ): TargetProgress {
    const source = this.sources.pledgeAmountYuan;
    if (!source)
      return {
        ...base,
        actual: null,
        ratio: null,
        status: "unavailable",
        note: "质押融资业务模块尚未上线，暂无数据 · not yet available: pledge-financing cases are not recorded on the platform yet",
        years: yearlyProgressUnavailable(plan, t.target),
        areas: [],
      };
    const scale = t.unit === "亿元" ? 1e8 : t.unit === "万元" ? 1e4 : 1;
    const amount = (year: number, district?: string) =>
      Math.round((source({ year, district: district ?? ctx.district ?? undefined }) / scale) * 100) / 100;
    const thisYear = Number(today.slice(0, 4));
    const years = [];
    for (let y = plan.start_year; y <= plan.end_year; y++) {
      const actual = y > thisYear ? null : amount(y);
      // A yearly amount: each year is measured against the full target.
      years.push({ year: y, actual, pace: t.target, status: progressStatus(actual, t.target, t.target) });
    }
    const current = years.filter((y) => y.actual !== null).at(-1);
    const actual = current?.actual ?? 0;
    return {
      ...base,
      actual,
      ratio: ratio(actual, t.target),
      status: current?.status ?? "unavailable",
      note:
        actual === 0
          ? `${current?.year ?? thisYear} 年平台尚无登记的质押融资 · no pledge financing registered on the platform this year`
          : `${current?.year} 年登记的质押融资额 · amount registered in ${current?.year}`,
      years,
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
    const years = yearlyProgress(
      metric,
      facts,
      t.target,
      { startYear: plan.start_year, endYear: plan.end_year },
      today,
    );
    // The live figure: records in force today (after the plan's last year too, so new entries always show).
    const actual = countAt(metric, facts, today);
    const pace = years.filter((y) => y.actual !== null).at(-1)?.pace ?? 0;
    const byArea = countByArea(metric, facts, today, areas);
    return {
      ...base,
      actual,
      ratio: ratio(actual, t.target),
      status: progressStatus(actual, t.target, pace),
      note: actual === 0 ? "登记簿尚未填报 · registry not yet filled" : null,
      years,
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

  private plan(code?: string): repo.PlanRecord {
    const p = repo.findPlan(this.db, code);
    if (!p) throw new AppError("NOT_FOUND", `没有规划 ${code ?? ""} · no plan ${code ?? ""}`);
    return p;
  }

  private assertCityWide(ctx: RequestContext): void {
    if (ctx.district !== null)
      throw new AppError("FORBIDDEN", "仅市级管理人员可以修改规划目标 · only city-wide officials may edit the plan", {
        reason: "district scope",
      });
  }
}

function yearlyProgressUnavailable(plan: repo.PlanRecord, target: number) {
  const out = [];
  for (let y = plan.start_year; y <= plan.end_year; y++) {
    const pace = Math.round(((target * (y - plan.start_year + 1)) / (plan.end_year - plan.start_year + 1)) * 100) / 100;
    out.push({ year: y, actual: null, pace, status: "unavailable" as const });
  }
  return out;
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

function toRecord(t: PlanTargetInput): Omit<repo.TargetRecord, "id" | "plan_id"> {
  return {
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
