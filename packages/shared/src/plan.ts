import { z } from "zod";
import { IpAssetType, parsePledgedNumber } from "./ip-assets.js";

export interface MetricDefinition {
  subject: "org" | "person" | "pledge_amount" | "survey_figure" | "gi_product";
  /** survey_figure: the survey question whose accepted answers are summed (revenue 营业收入, staff 从业人员). */
  question?: string;
  categories?: string[];
  qualificationsAny?: string[];
  anyOf?: MetricDefinition[];
}
const MetricBase = z.object({
  subject: z.enum(["org", "person", "pledge_amount", "survey_figure", "gi_product"]),
  question: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .optional(),
  categories: z.array(z.string().max(40)).max(20).optional(),
  qualificationsAny: z.array(z.string().max(40)).max(20).optional(),
});
/** Which registry records a target counts (one level of anyOf for "A or B" targets). */
export const MetricDefinition: z.ZodType<MetricDefinition> = MetricBase.extend({
  anyOf: z.array(MetricBase).max(10).optional(),
});

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
/** Where a target stood before the plan (e.g. agencies at 2022-12-31): pace runs from it. */
export const TargetBaseline = z.object({ value: z.number().min(0), date: DateText });
export type TargetBaseline = z.infer<typeof TargetBaseline>;

export const PlanTargetInput = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/),
  labelZh: z.string().trim().min(1).max(100),
  labelEn: z.string().trim().max(150).default(""),
  unit: z.string().max(20),
  target: z.number().min(0),
  targetYear: z.number().int(),
  metric: MetricDefinition,
  sort: z.number().int().default(0),
  /** Absent: left as it is; null: none recorded (pace then runs from the registry's count before the plan). */
  baseline: TargetBaseline.nullable().optional(),
});
export type PlanTargetInput = z.infer<typeof PlanTargetInput>;

export const YearProgress = z.object({
  year: z.number().int(),
  actual: z.number().nullable(),
  pace: z.number(),
  status: z.enum(["met", "on_track", "behind", "unavailable"]),
});
export const AreaCount = z.object({
  key: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  hasPolygon: z.boolean(),
  inBelt: z.boolean(),
  count: z.number(),
});
export const TargetProgress = PlanTargetInput.extend({
  id: z.number().int(),
  actual: z.number().nullable(),
  ratio: z.number().nullable(),
  status: z.enum(["met", "on_track", "behind", "unavailable"]),
  /** Why there is no actual value, or why it is small, in plain words. */
  note: z.string().nullable(),
  years: z.array(YearProgress),
  areas: z.array(AreaCount),
  /** The baseline pace runs from: recorded by an official, or counted/read for the day before the plan. */
  paceBaseline: TargetBaseline.extend({ source: z.enum(["recorded", "registry", "survey", "none"]) }),
  /** survey_figure targets: the survey each figure comes from. */
  surveySource: z.object({ surveyId: z.number().int(), title: z.string(), respondents: z.number().int() }).nullable(),
});
export type TargetProgress = z.infer<typeof TargetProgress>;

export const Plan = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  city: z.string(),
  cityCode: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  belt: z.array(z.string()),
});
export type Plan = z.infer<typeof Plan>;

export const PlanDashboard = z.object({
  plan: Plan,
  asOf: z.string(),
  scope: z.string().nullable(),
  registryCounts: z.object({ orgs: z.number().int(), people: z.number().int(), candidates: z.number().int() }),
  targets: z.array(TargetProgress),
  /** When an official published the plan's progress to the public (GET /api/plan/published), or null. */
  publishedAt: z.string().nullable().default(null),
});
export type PlanDashboard = z.infer<typeof PlanDashboard>;
export const PlanPublishRequest = z.object({ published: z.boolean(), plan: z.string().max(60).optional() });

// —— pledges registered outside the platform's pledge cases (registered by officials, or imported) ——
const PATENT_NUMBER = /^(CN)?(\d{8}|\d{12})(\.[\dX])?$|^CN\d{6,9}[A-Z]\d?$/;
/** A pledged right's number as the register keeps it: a patent's without ZL, a trademark's class after a slash. */
function pledgedNumber(type: IpAssetType, raw: string): { ok: true; value: string } | { ok: false; message: string } {
  if (type === "patent") {
    const s = raw.toUpperCase().replace(/\s+/g, "").replace(/^ZL/, "");
    return PATENT_NUMBER.test(s)
      ? { ok: true, value: s }
      : { ok: false, message: "专利号或公开号 patent or publication number" };
  }
  const r = parsePledgedNumber(type, raw);
  return r.ok ? { ok: true, value: r.niceClass === null ? r.number : `${r.number}/${r.niceClass}` } : r;
}
/**
 * A pledge registered outside the platform's cases: one kind of right (a patent pledge and a trademark pledge are
 * registered separately), its numbers checked by that kind's format. `patents` keeps its name from before other
 * kinds: it lists the pledged rights' numbers.
 */
export const PledgeRegistrationInput = z
  .object({
    registrationNo: z.string().trim().min(4).max(60),
    registeredOn: DateText,
    pledgor: z.string().trim().min(2).max(200),
    pledgee: z.string().trim().min(2).max(200),
    assetType: IpAssetType.default("patent"),
    patents: z.array(z.string().trim().min(1).max(40)).min(1).max(500),
    amountYuan: z.number().int().min(1).max(1e13).nullable(),
    districtCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) =>
    v.patents.forEach((n, i) => {
      const r = pledgedNumber(v.assetType, n);
      if (!r.ok) ctx.addIssue({ code: "custom", path: ["patents", i], message: r.message });
    }),
  )
  .transform((v) => ({
    ...v,
    patents: v.patents.map((n) => {
      const r = pledgedNumber(v.assetType, n);
      return r.ok ? r.value : n;
    }),
  }));
export type PledgeRegistrationInput = z.input<typeof PledgeRegistrationInput>;
export const PledgeRegistration = z.object({
  id: z.number().int(),
  registrationNo: z.string(),
  registeredOn: z.string(),
  pledgor: z.string(),
  pledgee: z.string(),
  assetType: IpAssetType,
  patents: z.array(z.string()),
  amountYuan: z.number().nullable(),
  districtCode: z.string().nullable(),
  source: z.string(),
  fileName: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type PledgeRegistration = z.infer<typeof PledgeRegistration>;
export const PledgeImportResult = z.object({
  layout: z.enum(["bank", "cnipa"]).nullable(),
  inserted: z.number().int(),
  /** Registrations already recorded (here or by a pledge case): left as they are. */
  skipped: z.number().int(),
  withoutAmount: z.number().int(),
  /** Each problem with its Excel row and column, a code and values (for the UI's language) and the Chinese message. */
  errors: z.array(
    z.object({
      row: z.number().int(),
      column: z.string().nullable(),
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      message: z.string(),
    }),
  ),
  rejected: z.boolean(),
});
export type PledgeImportResult = z.infer<typeof PledgeImportResult>;
