import { AppError } from "@zhichan/core";
import { recordInScope } from "@zhichan/core/registry/index.ts";
import {
  type Answers,
  aggregateAnswers,
  MIN_GROUP_SIZE,
  STANDARD_AGENCY_QUESTIONS,
  type SurveyDefinition,
  suppressedCells,
  validateAnswers,
  validateDefinition,
} from "@zhichan/core/survey/index.ts";
import {
  LABELS_ZH,
  type PublishedSurvey,
  type Survey,
  type SurveyAggregate,
  type SurveyInput,
  type SurveyResponseRow,
} from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../http/auth-context.js";
import { type Clock, isoNow } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import type { RegionDirectory } from "../reference/region-directory.js";
import type { OrgRecord, RegistryService } from "../registry/registry.service.js";
import { allowedSurveyActions, canMove } from "./survey-transitions.js";
import { answerTemplate, readAnswerSheet } from "./surveys.excel.js";
import * as repo from "./surveys.repository.js";

type Row = z.infer<typeof SurveyResponseRow>;

/**
 * Statistical surveys: officials define and open a survey, agencies answer online or with the Excel answer sheet,
 * officials see who has not answered, accept or return answers, and publish aggregates by district and category.
 */
export class SurveysService {
  constructor(
    private readonly db: Db,
    private readonly registry: RegistryService,
    private readonly regions: RegionDirectory,
    private readonly audit: AuditService,
    /** Dates a survey's creation, publication and each submitted answer. */
    private readonly clock: Clock,
    /** Cells with fewer contributors are never published (MIN_GROUP_SIZE, 3, unless a deployment sets more). */
    private readonly minGroupSize = MIN_GROUP_SIZE,
  ) {}

  list(ctx: RequestContext): Survey[] {
    return repo.listSurveys(this.db).map((s) => this.present(ctx, s));
  }

  standardQuestions(): SurveyDefinition {
    return STANDARD_AGENCY_QUESTIONS;
  }

  get(ctx: RequestContext, id: number): Survey {
    return this.present(ctx, this.survey(id));
  }

  create(ctx: RequestContext, input: z.infer<typeof SurveyInput>): Survey {
    this.cityWide(ctx, "发起统计调查 create surveys");
    const def: SurveyDefinition = {
      questions: input.questions ?? STANDARD_AGENCY_QUESTIONS.questions,
      rules: input.rules ?? (input.questions ? [] : STANDARD_AGENCY_QUESTIONS.rules),
    };
    const problems = validateDefinition(def);
    if (input.periodEnd < input.periodStart) problems.push("统计期结束早于开始 · period ends before it starts");
    if (problems.length) throw new AppError("BAD_REQUEST", problems.join("；"), { problems });
    const id = this.db.sqlite.transaction(() => {
      const newId = repo.insertSurvey(this.db, {
        title: input.title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        due_date: input.dueDate,
        categories_json: JSON.stringify(input.categories),
        definition_json: JSON.stringify(def),
        status: "draft",
        created_by: ctx.actor?.username ?? null,
        created_at: isoNow(this.clock),
      });
      this.record(ctx, "survey.created", newId);
      return newId;
    })();
    return this.get(ctx, id);
  }

  /** draft → open → closed → published (a closed survey may be reopened). */
  transition(ctx: RequestContext, id: number, to: "open" | "closed" | "published"): Survey {
    this.cityWide(ctx, "变更调查状态 change survey status");
    const s = this.survey(id);
    if (!canMove(s.status, to))
      throw new AppError("CONFLICT", `调查当前为 ${s.status}，不能变为 ${to} · cannot go from ${s.status} to ${to}`);
    this.db.sqlite.transaction(() => {
      repo.setSurveyStatus(this.db, id, to, to === "published" ? isoNow(this.clock) : null);
      this.record(ctx, `survey.${to}`, id);
    })();
    return this.get(ctx, id);
  }

  /** Every expected respondent in the caller's scope, answered or not. */
  responses(ctx: RequestContext, id: number): Row[] {
    const s = this.survey(id);
    const byOrg = new Map(repo.responsesOf(this.db, id).map((r) => [r.org_id, r]));
    return this.expected(ctx, s)
      .map((o) => {
        const r = byOrg.get(o.id);
        return {
          orgId: o.id,
          orgName: o.name,
          districtCode: o.district_code,
          category: o.category,
          status: (r?.status ?? "missing") as Row["status"],
          channel: r?.channel ?? null,
          submittedAt: r?.submitted_at ?? null,
          answers: r ? (JSON.parse(r.answers_json) as Answers) : null,
          problems: r ? (JSON.parse(r.problems_json) as Row["problems"]) : [],
          reviewNote: r?.review_note ?? null,
        };
      })
      .sort((a, b) => statusOrder(a.status) - statusOrder(b.status) || a.orgName.localeCompare(b.orgName));
  }

  /** The surveys an agency user is asked to answer, with its own response status. */
  forAgency(ownCreditCodes: string[]) {
    const orgs = ownCreditCodes
      .map((c) => this.registry.orgByCreditCode(c))
      .filter((o): o is OrgRecord => !!o && o.status === "active");
    const out: {
      survey: Survey;
      orgId: number;
      orgName: string;
      status: string;
      answers: Answers | null;
      problems: { key: string; message: string }[];
    }[] = [];
    for (const s of repo.listSurveys(this.db)) {
      if (s.status !== "open") continue;
      const cats = JSON.parse(s.categories_json) as string[];
      for (const o of orgs.filter((x) => cats.includes(x.category))) {
        const r = repo.findResponse(this.db, s.id, o.id);
        out.push({
          survey: this.present({ actor: null, ip: null, district: null }, s),
          orgId: o.id,
          orgName: o.name,
          status: r?.status ?? "missing",
          answers: r ? JSON.parse(r.answers_json) : null,
          problems: r ? JSON.parse(r.problems_json) : [],
        });
      }
    }
    return out;
  }

  /** An agency answers for its own organisation; answers with problems are refused with every problem named. */
  respond(
    ctx: RequestContext,
    id: number,
    orgId: number,
    raw: Answers,
    ownCreditCodes: string[],
    channel: "online" | "excel" = "online",
    rowOf?: Map<string, number>,
  ) {
    const { s, org } = this.answerTarget(id, orgId, ownCreditCodes);
    const def = JSON.parse(s.definition_json) as SurveyDefinition;
    const { answers, problems } = validateAnswers(def, raw);
    if (problems.length) {
      const withRows = problems.map((p) => ({ ...p, row: rowOf?.get(p.key) ?? null }));
      throw new AppError(
        "BAD_REQUEST",
        withRows.map((p) => (p.row ? `第 ${p.row} 行：${p.message}` : p.message)).join("；"),
        { problems: withRows },
      );
    }
    this.db.sqlite.transaction(() => {
      repo.upsertResponse(this.db, {
        survey_id: id,
        org_id: org.id,
        answers_json: JSON.stringify(answers),
        problems_json: "[]",
        status: "submitted",
        channel,
        submitted_at: isoNow(this.clock),
        submitted_by: ctx.actor?.username ?? null,
      });
      this.record(ctx, "survey.answered", id, { orgId: org.id, channel });
    })();
    return { ok: true as const };
  }

  /**
   * The survey and organisation an answer is for, checked: the survey is open, the organisation is one of the
   * caller's and the survey addresses its category. Checked before an uploaded answer sheet is read at all.
   */
  private answerTarget(id: number, orgId: number, ownCreditCodes: string[]) {
    const s = this.survey(id);
    if (s.status !== "open") throw new AppError("CONFLICT", "该调查未开放填报 · the survey is not open");
    const org = ownCreditCodes.map((c) => this.registry.orgByCreditCode(c)).find((o) => o?.id === orgId);
    if (!org)
      throw new AppError("NOT_FOUND", "登记簿中没有你所在机构的记录 · your organisation is not in the registry");
    if (!(JSON.parse(s.categories_json) as string[]).includes(org.category))
      throw new AppError("BAD_REQUEST", "本调查不面向该类别机构 · this survey is not addressed to your category");
    return { s, org };
  }

  async respondExcel(ctx: RequestContext, id: number, orgId: number, bytes: Uint8Array, ownCreditCodes: string[]) {
    this.answerTarget(id, orgId, ownCreditCodes); // before a byte of the workbook is read
    const sheet = await readAnswerSheet(bytes);
    if (sheet.error) throw new AppError("BAD_REQUEST", sheet.error);
    return this.respond(ctx, id, orgId, sheet.answers, ownCreditCodes, "excel", sheet.rowOf);
  }

  answerTemplate(id: number): Promise<Buffer> {
    const s = this.survey(id);
    return answerTemplate(s.title, JSON.parse(s.definition_json));
  }

  review(ctx: RequestContext, id: number, orgId: number, accept: boolean, note: string) {
    this.survey(id);
    this.registry.orgRecord(ctx, orgId); // district scope
    const r = repo.findResponse(this.db, id, orgId);
    if (!r) throw new AppError("NOT_FOUND", "该机构尚未填报 · no answer from this organisation");
    this.db.sqlite.transaction(() => {
      repo.reviewResponse(this.db, id, orgId, accept ? "accepted" : "rejected", ctx.actor?.username ?? null, note);
      this.record(ctx, accept ? "survey.accepted" : "survey.returned", id, { orgId });
    })();
    return { ok: true as const };
  }

  /** Published surveys, newest first: what the public may read aggregates of. */
  published(): PublishedSurvey[] {
    return repo
      .listSurveys(this.db)
      .filter((s) => s.status === "published")
      .sort((a, b) => (b.published_at ?? "").localeCompare(a.published_at ?? "") || b.id - a.id)
      .map((s) => {
        const def = JSON.parse(s.definition_json) as SurveyDefinition;
        return {
          id: s.id,
          title: s.title,
          periodStart: s.period_start,
          periodEnd: s.period_end,
          publishedAt: s.published_at,
          categories: JSON.parse(s.categories_json) as string[],
          questions: def.questions as PublishedSurvey["questions"],
        };
      });
  }

  /**
   * Sums and means of accepted answers by district or category. The public (ctx null) reads published surveys only,
   * and never a cell with fewer than `minGroupSize` contributors or its complement (core/survey/suppression.ts):
   * those are null and marked. Officials get every figure with the same marks, as a preview of what publishing hides.
   */
  aggregates(ctx: RequestContext | null, id: number, by: "district" | "category"): SurveyAggregate {
    const s = this.survey(id);
    if (ctx === null && s.status !== "published")
      throw new AppError("NOT_FOUND", `没有已发布的调查 ${id} · no published survey ${id}`);
    const def = JSON.parse(s.definition_json) as SurveyDefinition;
    const scope = ctx?.district ?? null;
    const rows = repo
      .responsesOf(this.db, id)
      .filter((r) => r.status === "accepted")
      .flatMap((r) => {
        const o = this.registry.orgRecordUnscoped(r.org_id);
        if (!o || !recordInScope(scope, { districtCode: o.district_code, zone: o.zone })) return [];
        const group = by === "district" ? (o.zone ?? o.district_code ?? "unknown") : o.category;
        return [{ group, answers: JSON.parse(r.answers_json) as Answers }];
      });
    const groups = aggregateAnswers(def, rows);
    const numeric = def.questions.filter((q) => q.type === "integer" || q.type === "number").map((q) => q.key);
    const marks = suppressedCells(groups, numeric, this.minGroupSize);
    const withheld = ctx === null;
    const hide = (values: Record<string, number>, mark: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, withheld && mark[k] ? null : v]));
    return {
      by,
      minGroupSize: this.minGroupSize,
      withheld,
      rows: groups.map((g, i) => ({
        group: g.group,
        label: this.label(g.group),
        responses: g.responses,
        sums: hide(g.sums, marks[i]),
        means: hide(g.means, marks[i]),
        suppressed: marks[i],
      })),
    };
  }

  /**
   * One question's accepted answers summed (a plan target's survey figure: 营业收入, 从业人员), from the latest
   * closed or published survey whose period ends in `year`; null when there is none or it does not ask the question.
   * `district`: a division code prefix (the zone's code for a coded zone).
   */
  acceptedFigure(f: { question: string; year: number; district: string | null; categories?: string[] }) {
    const s = repo
      .listSurveys(this.db)
      .filter((x) => (x.status === "closed" || x.status === "published") && x.period_end.startsWith(`${f.year}-`))
      .sort((a, b) => b.period_end.localeCompare(a.period_end) || b.id - a.id)
      .find((x) => (JSON.parse(x.definition_json) as SurveyDefinition).questions.some((q) => q.key === f.question));
    if (!s) return null;
    const q = (JSON.parse(s.definition_json) as SurveyDefinition).questions.find((x) => x.key === f.question)!;
    if (q.type !== "integer" && q.type !== "number") return null;
    let value = 0;
    let respondents = 0;
    for (const r of repo.responsesOf(this.db, s.id)) {
      if (r.status !== "accepted") continue;
      const o = this.registry.orgRecordUnscoped(r.org_id);
      if (!o || !recordInScope(f.district, { districtCode: o.district_code, zone: o.zone })) continue;
      if (f.categories?.length && !f.categories.includes(o.category)) continue;
      const v = (JSON.parse(r.answers_json) as Answers)[f.question];
      if (typeof v !== "number") continue;
      value += v;
      respondents++;
    }
    return { value: Math.round(value * 100) / 100, unit: q.unit ?? null, surveyId: s.id, title: s.title, respondents };
  }

  private label(group: string): string {
    if (group === "unknown") return "未填区县";
    return LABELS_ZH[group] ?? this.regions.name(group) ?? group;
  }

  private expected(ctx: RequestContext, s: repo.SurveyRecord): OrgRecord[] {
    return this.registry.listOrgRecords(ctx, { categories: JSON.parse(s.categories_json), status: "active" });
  }

  private present(ctx: RequestContext, s: repo.SurveyRecord): Survey {
    const def = JSON.parse(s.definition_json) as SurveyDefinition;
    const expected = this.expected(ctx, s);
    const ids = new Set(expected.map((o) => o.id));
    const answered = repo.responsesOf(this.db, s.id).filter((r) => ids.has(r.org_id)).length;
    return {
      id: s.id,
      title: s.title,
      periodStart: s.period_start,
      periodEnd: s.period_end,
      dueDate: s.due_date,
      categories: JSON.parse(s.categories_json),
      questions: def.questions as Survey["questions"],
      rules: (def.rules ?? []) as Survey["rules"],
      status: s.status as Survey["status"],
      actions: allowedSurveyActions(ctx, s.status),
      createdAt: s.created_at,
      publishedAt: s.published_at,
      expected: expected.length,
      answered,
    };
  }

  private survey(id: number): repo.SurveyRecord {
    const s = repo.findSurvey(this.db, id);
    if (!s) throw new AppError("NOT_FOUND", `没有调查 ${id} · no survey ${id}`);
    return s;
  }

  private cityWide(ctx: RequestContext, what: string): void {
    if (ctx.district !== null)
      throw new AppError("FORBIDDEN", `仅市级管理人员可以${what}`, { reason: "district scope" });
  }

  private record(ctx: RequestContext, action: string, id: number, details?: Record<string, unknown>): void {
    this.audit.record({
      action,
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.username ?? null,
      target: `survey:${id}`,
      ip: ctx.ip,
      details: details ?? null,
    });
  }
}

function statusOrder(s: string): number {
  return ["missing", "submitted", "rejected", "accepted"].indexOf(s);
}
