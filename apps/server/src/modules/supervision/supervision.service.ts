import { AppError } from "@zhichan/core";
import {
  approvalNeedsReason,
  type BrandGrantLevel,
  brandAuthority,
  creditGrade,
  DEFAULT_CREDIT_RULES,
  openSeriousViolations,
  withinAuthority,
} from "@zhichan/core/registry/index.ts";
import type {
  AgencyProfile,
  BrandApplication,
  BrandApplicationInput,
  CreditListRow,
  CreditResponse,
  ViolationInput,
} from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../http/auth-context.js";
import { type Clock, isoNow, isoToday } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import type { RegionDirectory } from "../reference/region-directory.js";
import type { RegistryService } from "../registry/registry.service.js";
import * as repo from "./supervision.repository.js";

const SERVICE_CATEGORIES = ["patent_agency", "trademark_agency", "law_firm", "other_service_agency", "brand_agency"];
const TYPE_LABELS: Record<string, string> = {
  invention_application: "发明申请",
  invention_grant: "发明授权",
  utility_model: "实用新型",
  design: "外观设计",
};

/** Agency statistics from the patent data, credit grades with reasons, and brand-agency applications. */
export class SupervisionService {
  constructor(
    private readonly db: Db,
    private readonly registry: RegistryService,
    private readonly regions: RegionDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Today's date as credit grades, violation dates and brand grants read it: the injected clock's UTC day. */
  private today(): string {
    return isoToday(this.clock);
  }

  agencyStats(ctx: RequestContext, q: { q?: string; page: number; pageSize: number }) {
    const { total, rows } = repo.agencyAggregates(this.db, q.q, q.pageSize, (q.page - 1) * q.pageSize);
    return { total, items: rows.map((r) => this.statsRow(ctx, r)) };
  }

  agencyProfile(ctx: RequestContext, name: string): AgencyProfile {
    const agg = repo.agencyAggregate(this.db, name);
    if (!agg)
      throw new AppError("NOT_FOUND", `专利数据中没有代理机构「${name}」 · no agency "${name}" in the patent data`);
    const bucket = (rows: { key: string; count: number }[], label: (k: string) => string | null = () => null) =>
      rows.map((r) => ({ key: String(r.key), label: label(String(r.key)), count: r.count }));
    // 市辖区 / 县 (the municipalities' placeholder rows) mean nothing alone: name the province with them.
    const region = (k: string) => {
      const n = this.regions.name(k);
      if (!n) return null;
      return (n === "市辖区" || n === "县") && k.length > 2 ? `${this.regions.name(k.slice(0, 2)) ?? ""}${n}` : n;
    };
    return {
      ...this.statsRow(ctx, agg),
      byYear: bucket(repo.agencyGroup(this.db, name, "app_year", 60)).sort((a, b) => a.key.localeCompare(b.key)),
      byType: bucket(repo.agencyGroup(this.db, name, "type"), (k) => TYPE_LABELS[k] ?? k),
      byIpc: bucket(repo.agencyGroup(this.db, name, "substr(ipc_main, 1, 4)", 15)),
      byClientRegion: bucket(repo.agencyGroup(this.db, name, "coalesce(city_code, province_code)", 20), region),
      topAgents: top(repo.agencyColumn(this.db, name, "agent"), 15),
      topClients: top(
        repo.agencyColumn(this.db, name, "applicants_raw").map((v) => v?.split(/[;；]/)[0] ?? null),
        15,
      ),
    };
  }

  credit(ctx: RequestContext, orgId: number): CreditResponse {
    const org = this.registry.orgRecord(ctx, orgId);
    const violations = repo.violationsOf(this.db, orgId);
    const asOf = this.today();
    const r = creditGrade(
      {
        violations: violations.map((v) => ({ id: v.id, kind: v.kind, date: v.date, points: v.points })),
        brand: org.brand as "none" | BrandGrantLevel,
      },
      asOf,
    );
    return {
      orgId,
      orgName: org.name,
      score: r.score,
      grade: r.grade,
      asOf,
      reasons: r.reasons,
      violations: violations.map((v) => ({
        id: v.id,
        kind: v.kind,
        date: v.date,
        points: v.points,
        description: v.description,
        evidence: v.evidence,
        recordedBy: v.recorded_by,
      })),
    };
  }

  /** An agency's own credit grades: its registry records, matched through its account organisations' credit codes. */
  ownCredit(ownCreditCodes: string[]): CreditResponse[] {
    const city: RequestContext = { actor: null, ip: null, district: null };
    return ownCreditCodes
      .map((c) => this.registry.orgByCreditCode(c))
      .filter((o) => o !== undefined && o.status !== "candidate")
      .map((o) => this.credit(city, o!.id));
  }

  creditList(ctx: RequestContext): z.infer<typeof CreditListRow>[] {
    const orgs = this.registry
      .listOrgRecords(ctx, { categories: SERVICE_CATEGORIES })
      .filter((o) => o.status !== "candidate");
    return orgs
      .map((o) => {
        const c = this.credit(ctx, o.id);
        return {
          orgId: o.id,
          orgName: o.name,
          category: o.category,
          districtCode: o.district_code,
          score: c.score,
          grade: c.grade,
          violations: c.violations.length,
        };
      })
      .sort((a, b) => a.score - b.score || a.orgName.localeCompare(b.orgName));
  }

  rules() {
    return DEFAULT_CREDIT_RULES;
  }

  addViolation(ctx: RequestContext, orgId: number, v: z.infer<typeof ViolationInput>): CreditResponse {
    this.registry.orgRecord(ctx, orgId);
    if (!DEFAULT_CREDIT_RULES.violations.some((r) => r.kind === v.kind))
      throw new AppError("BAD_REQUEST", `未知违规类型 ${v.kind} · unknown violation kind`);
    if (v.date > this.today())
      throw new AppError("BAD_REQUEST", "违规日期不能晚于今天 · violation date is in the future");
    this.db.sqlite.transaction(() => {
      const id = repo.insertViolation(this.db, {
        org_id: orgId,
        kind: v.kind,
        date: v.date,
        points: v.points,
        description: v.description,
        evidence: v.evidence,
        recorded_by: ctx.actor?.username ?? null,
        recorded_at: isoNow(this.clock),
      });
      this.record(ctx, "supervision.violation_recorded", `org:${orgId}`, { violationId: id, kind: v.kind });
    })();
    return this.credit(ctx, orgId);
  }

  brandApplications(ctx: RequestContext): z.infer<typeof BrandApplication>[] {
    const out: z.infer<typeof BrandApplication>[] = [];
    const authority = brandAuthority(ctx);
    for (const b of repo.listBrandApplications(this.db)) {
      let name: string;
      try {
        name = this.registry.orgRecord(ctx, b.org_id).name;
      } catch {
        continue; // another district's agency
      }
      const standing = this.standing(ctx, b.org_id);
      out.push({
        id: b.id,
        orgId: b.org_id,
        orgName: name,
        level: b.level as BrandGrantLevel,
        statement: b.statement,
        status: b.status as "submitted",
        submittedAt: b.submitted_at,
        decidedAt: b.decided_at,
        decidedBy: b.decided_by,
        decisionNote: b.decision_note,
        grade: standing.grade,
        seriousOpen: standing.seriousOpen,
        needsReason: standing.needsReason,
        withinAuthority: withinAuthority(b.level as BrandGrantLevel, authority),
        overrideReason: b.override_reason,
      });
    }
    return out;
  }

  /**
   * An agency applies for brand grading for its own registry record (matched through its account organisation),
   * at a level the platform grants: provincial and national recognitions are applied for to those offices.
   */
  applyBrand(ctx: RequestContext, input: z.infer<typeof BrandApplicationInput>, ownCreditCodes: string[]) {
    const org = ownCreditCodes.map((c) => this.registry.orgByCreditCode(c)).find((o) => o?.id === input.orgId);
    if (!org)
      throw new AppError("NOT_FOUND", "登记簿中没有你所在机构的记录 · your organisation is not in the registry");
    if (!withinAuthority(input.level, brandAuthority({ district: null })))
      throw new AppError(
        "BAD_REQUEST",
        "本平台评定市级品牌服务机构；省级、国家级品牌机构请向省知识产权局、国家知识产权局申报 · the platform grants the municipal level; apply to the provincial office or CNIPA for the others",
        { level: input.level },
      );
    const id = this.db.sqlite.transaction(() => {
      const newId = repo.insertBrandApplication(this.db, {
        org_id: org.id,
        level: input.level,
        statement: input.statement,
        submitted_at: isoNow(this.clock),
        submitted_by: ctx.actor?.username ?? null,
      });
      this.record(ctx, "supervision.brand_applied", `org:${org.id}`, { applicationId: newId });
      return newId;
    })();
    return { id };
  }

  /**
   * Decides an application. Approving grants only levels within the approver's authority (a city official: the
   * municipal level), and approving an agency graded C or D or with a serious violation open needs a reason, which
   * is kept with the decision and in the audit row.
   */
  decideBrand(ctx: RequestContext, id: number, approve: boolean, note: string, overrideReason?: string) {
    const app = repo.findBrandApplication(this.db, id);
    if (!app) throw new AppError("NOT_FOUND", `没有申请 ${id} · no application ${id}`);
    this.registry.orgRecord(ctx, app.org_id); // scope
    if (app.status !== "submitted") throw new AppError("CONFLICT", "该申请已处理 · already decided");
    const level = app.level as BrandGrantLevel;
    const standing = this.standing(ctx, app.org_id);
    if (approve) {
      const authority = brandAuthority(ctx);
      if (!withinAuthority(level, authority))
        throw new AppError(
          "FORBIDDEN",
          authority
            ? `你可评定的品牌等级最高为市级，不能评定${level === "national" ? "国家级" : "省级"} · you may grant up to the municipal level`
            : "区县管理人员不能评定品牌机构 · district officials do not grant brand levels",
          { reason: "brand authority", level, authority },
        );
      if (standing.needsReason && !overrideReason)
        throw new AppError(
          "BAD_REQUEST",
          `该机构信用等级为 ${standing.grade}${standing.seriousOpen ? `，有 ${standing.seriousOpen} 项未过期的严重违规` : ""}：批准须填写理由 · approving needs a recorded reason`,
          { grade: standing.grade, seriousOpen: standing.seriousOpen, field: "overrideReason" },
        );
    }
    const reason = approve && standing.needsReason ? (overrideReason ?? null) : null;
    this.db.sqlite.transaction(() => {
      repo.decideBrandApplication(
        this.db,
        id,
        approve ? "approved" : "rejected",
        ctx.actor?.username ?? null,
        isoNow(this.clock),
        note,
        reason,
      );
      if (approve) this.registry.setBrand(ctx, app.org_id, level, `brand application ${id}`, this.today());
      this.record(ctx, "supervision.brand_decided", `org:${app.org_id}`, {
        applicationId: id,
        approve,
        level,
        grade: standing.grade,
        seriousOpen: standing.seriousOpen,
        ...(reason ? { overrideReason: reason } : {}),
      });
    })();
    return { ok: true as const };
  }

  /** The agency's grade and open serious violations today, and whether approving it needs a reason. */
  private standing(ctx: RequestContext, orgId: number) {
    const grade = this.credit(ctx, orgId).grade;
    const violations = repo.violationsOf(this.db, orgId).map((v) => ({ kind: v.kind, date: v.date }));
    const seriousOpen = openSeriousViolations(violations, this.today()).length;
    return { grade, seriousOpen, needsReason: approvalNeedsReason(grade, seriousOpen) };
  }

  private statsRow(ctx: RequestContext, r: repo.AgencyAgg) {
    const reg = this.registry.orgByAgencyName(r.agency);
    const visible = reg && this.registry.isVisible(ctx, reg);
    return {
      agency: r.agency,
      filings: r.filings,
      grants: r.grants,
      grantRate: r.filings ? Math.round((r.grants / r.filings) * 1000) / 1000 : null,
      inventionShare: r.filings ? Math.round((r.inventions / r.filings) * 1000) / 1000 : 0,
      firstYear: r.first_year,
      lastYear: r.last_year,
      registryOrgId: visible ? reg.id : null,
    };
  }

  private record(ctx: RequestContext, action: string, target: string, details: Record<string, unknown>): void {
    this.audit.record({
      action,
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.username ?? null,
      target,
      ip: ctx.ip,
      details,
    });
  }
}

function top(values: (string | null)[], n: number) {
  const counts = new Map<string, number>();
  for (const v of values)
    for (const part of (v ?? "")
      .split(/[;；]/)
      .map((s) => s.trim())
      .filter(Boolean))
      counts.set(part, (counts.get(part) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([key, count]) => ({ key, label: null, count }));
}
