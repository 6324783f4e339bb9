import { z } from "zod";

export interface MetricDefinition {
  subject: "org" | "person" | "pledge_amount";
  categories?: string[];
  qualificationsAny?: string[];
  anyOf?: MetricDefinition[];
}
const MetricBase = z.object({
  subject: z.enum(["org", "person", "pledge_amount"]),
  categories: z.array(z.string().max(40)).max(20).optional(),
  qualificationsAny: z.array(z.string().max(40)).max(20).optional(),
});
/** Which registry records a target counts (one level of anyOf for "A or B" targets). */
export const MetricDefinition: z.ZodType<MetricDefinition> = MetricBase.extend({
  anyOf: z.array(MetricBase).max(10).optional(),
});

export const PlanTargetInput = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/),
  labelZh: z.string().trim().min(1).max(100),
  labelEn: z.string().trim().max(150).default(""),
  unit: z.string().max(20),
  target: z.number().min(0),
  targetYear: z.number().int(),
  metric: MetricDefinition,
  sort: z.number().int().default(0),
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
});
export type PlanDashboard = z.infer<typeof PlanDashboard>;
