import { z } from "zod";
import { CountUnit } from "./search.js";

/**
 * Industry thematic databases and patent navigation reports (专利导航, GB/T 39551-2020).
 * The report's data types mirror packages/core/src/analytics/types.ts (the server checks they stay assignable).
 */

export const ANALYTICS_LIMITS = { maxListItems: 200, maxItemLength: 200, maxNotes: 4000 } as const;

const item = z.string().trim().min(1).max(ANALYTICS_LIMITS.maxItemLength);
const list = z.array(item).max(ANALYTICS_LIMITS.maxListItems).default([]);

export const IndustryInput = z.object({
  name: z.string().trim().min(1).max(100),
  seiCode: z
    .string()
    .trim()
    .regex(/^\d(\.\d{1,2})?$/, "SEI code like 1 or 1.2")
    .nullable()
    .default(null),
  ipcPrefixes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Ha-h](\d{2}([A-Za-z](\d{1,4}(\/\d{1,6})?)?)?)?$/, "IPC prefix like H01M or H01M10"),
    )
    .max(ANALYTICS_LIMITS.maxListItems)
    .default([]),
  keywords: list,
  exclusions: list,
  notes: z.string().max(ANALYTICS_LIMITS.maxNotes).default(""),
});
export type IndustryInput = z.infer<typeof IndustryInput>;

export const IndustryStats = z.object({
  /** What size, recent, previous, byYear and the applicants' counts count: inventions (one per application). */
  unit: CountUnit,
  size: z.number().int(),
  publications: z.number().int(), // the same set counted in publication records (A and B of one application: 2)
  recent: z.number().int(), // applications in the last 3 complete years
  previous: z.number().int(), // the 3 years before
  growth: z.number().nullable(),
  lastCompleteYear: z.number().int(),
  byYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  topApplicants: z.array(z.object({ key: z.string(), name: z.string(), count: z.number().int() })),
});
export type IndustryStats = z.infer<typeof IndustryStats>;

export const Industry = z.object({
  id: z.number().int(),
  name: z.string(),
  seiCode: z.string().nullable(),
  majorName: z.string().nullable(),
  ipcPrefixes: z.array(z.string()),
  keywords: z.array(z.string()),
  exclusions: z.array(z.string()),
  notes: z.string(),
  builtin: z.boolean(),
  /** The definition compiled to the search query language: its live document set is this search. */
  query: z.string(),
  updatedAt: z.string(),
  stats: IndustryStats.nullable(),
});
export type Industry = z.infer<typeof Industry>;
export const IndustryListQuery = z.object({ stats: z.enum(["0", "1"]).default("1") });
export const IndustryList = z.object({ items: z.array(Industry), dataSeq: z.number().int() });
export type IndustryList = z.infer<typeof IndustryList>;

export const ReportRequest = z
  .object({
    q: z.string().trim().max(2000).optional(),
    industryId: z.number().int().positive().optional(),
    /** Focus region: division code (41 = 河南, 4101 = 郑州, 410105 = 金水区). */
    focus: z
      .string()
      .trim()
      .regex(/^\d{2}(\d{2}(\d{2})?)?$/, "division code of 2, 4 or 6 digits")
      .nullable()
      .default(null),
    title: z.string().trim().max(200).optional(),
    /** Count inventions (one per application: the A and B of one application once) or publication records. */
    unit: CountUnit.optional(), // default: inventions
  })
  .refine((r) => !!r.q !== !!r.industryId, { message: "give exactly one of q or industryId" });
export type ReportRequest = z.infer<typeof ReportRequest>;

export const REPORT_STATUSES = ["queued", "running", "done", "failed"] as const;

export const ReportParams = z.object({
  q: z.string(),
  industryId: z.number().int().nullable(),
  industryName: z.string().nullable(),
  focus: z.string().nullable(),
  focusName: z.string().nullable(),
  /** Reports made before the unit existed counted publications. */
  unit: CountUnit.default("publication"),
});
export type ReportParams = z.infer<typeof ReportParams>;

export const ReportSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(REPORT_STATUSES),
  progress: z.number(),
  message: z.string().nullable(),
  params: ReportParams,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When the data the report was computed from was taken (and the data sequence number). */
  snapshotAt: z.string().nullable(),
  snapshotSeq: z.number().int().nullable(),
  tookMs: z.number().nullable(),
  /** When an official published the report to everyone; null while it is private to its author. */
  publishedAt: z.string().nullable(),
  /** Whether the caller asked for this report (its author). */
  mine: z.boolean(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;
export const ReportList = z.object({ items: z.array(ReportSummary) });
export type ReportList = z.infer<typeof ReportList>;

export const RetrievalClause = z.object({ label: z.string(), query: z.string(), count: z.number().int() });
export const RetrievalStrategy = z.object({
  query: z.string(),
  clauses: z.array(RetrievalClause),
  notes: z.array(z.string()),
});
export type RetrievalStrategy = z.infer<typeof RetrievalStrategy>;

export const ReportDetail = ReportSummary.extend({
  strategy: RetrievalStrategy.nullable(),
  /** ReportData (see types below); validated on the server by construction. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type ReportDetail = Omit<z.infer<typeof ReportDetail>, "data"> & { data: ReportData | null };

export const IdParam = z.object({ id: z.coerce.number().int().positive() });

export const ReportPublishRequest = z.object({ published: z.boolean() });
export type ReportPublishRequest = z.infer<typeof ReportPublishRequest>;

// ---- report data (mirror of packages/core/src/analytics/types.ts) ----
export interface Named {
  code: string;
  name: string;
  count: number;
  share: number;
}
export type LifeStage = "emerging" | "growth" | "maturity" | "decline" | "unknown";
// a type alias (not an interface) so it is assignable to the response schema's record type
export type ReportData = {
  scope: {
    unit?: CountUnit;
    total: number;
    corpusTotal: number;
    yearMin: number;
    yearMax: number;
    lastCompleteYear: number;
    reading: string[];
  };
  trends: {
    years: number[];
    applications: number[];
    grants: number[];
    byType: { type: string; name: string; counts: number[] }[];
    focusApplications: number[] | null;
    reading: string[];
  };
  lifecycle: {
    years: number[];
    applications: number[];
    applicants: number[];
    stage: LifeStage;
    stageName: string;
    reading: string[];
  };
  ipc: { top: Named[]; heatmap: { codes: string[]; years: number[]; cells: number[][] }; reading: string[] };
  applicants: {
    top: {
      key: string;
      name: string;
      count: number;
      share: number;
      firstYear: number;
      recent: number;
      previous: number;
      growth: number | null;
      ipcMix: { code: string; count: number }[];
    }[];
    reading: string[];
  };
  newEntrants: {
    windowStart: number;
    total: number;
    byYear: { year: number; count: number }[];
    top: { key: string; name: string; firstYear: number; count: number }[];
    reading: string[];
  };
  concentration: { applicants: number; cr4: number; cr8: number; hhi: number; level: string; reading: string[] };
  cooperation: {
    coPatents: number;
    coShare: number;
    nodes: { key: string; name: string; count: number; degree: number }[];
    edges: { source: string; target: string; weight: number }[];
    reading: string[];
  };
  inventors: {
    withInventors: number;
    top: { name: string; count: number }[];
    teams: { members: string[]; size: number; patents: number }[];
    reading: string[];
  };
  regions: {
    located: number;
    provinces: Named[];
    cities: Named[];
    focus: {
      code: string;
      name: string;
      count: number;
      share: number;
      corpusCount: number;
      corpusShare: number;
      quotient: number | null;
      subregions: Named[];
      rta: { code: string; focusCount: number; totalCount: number; focusShare: number; rta: number }[];
    } | null;
    reading: string[];
  };
  legal: { byStatus: Named[]; decided: number; lapsed: number; lapseRate: number | null; reading: string[] };
  citations: {
    covered: number;
    top: { id: number; pubNo: string; title: string; citedBy: number }[];
    reading: string[];
  };
  agencies: { withAgency: number; share: number; top: Named[]; reading: string[] };
  /** Reports made before the matrix existed have none. */
  techEffect?: {
    branches: { label: string; query: string; total: number }[];
    effects: { label: string; terms: string[]; total: number }[];
    cells: number[][];
    blanks: number;
    sampled: number;
    reading: string[];
  };
  conclusions: string[];
};
