import { z } from "zod";
import { CountUnit, SEARCH_LIMITS } from "./search.js";

/**
 * Technology–effect matrix (技术功效矩阵) and applicant comparison (issue #16 items 4, 5). The matrix's cells are
 * exact counts of the base query AND a branch AND any of an effect's phrases (packages/core/src/analytics).
 */
export const MATRIX_LIMITS = {
  /** Branches and effects a matrix may have each; beyond it the server answers 400. */
  maxSide: 12,
  /** What a request body may carry at all (the 400 above names the real limit). */
  bodySide: 50,
  maxTerms: 10,
  maxTermLength: 40,
  maxLabelLength: 60,
  maxBranchQueryLength: 500,
  maxBodyBytes: 64 * 1024,
} as const;

const label = z.string().trim().min(1).max(MATRIX_LIMITS.maxLabelLength);
const query = z.string().trim().min(1).max(SEARCH_LIMITS.maxQueryLength);

export const MatrixBranchInput = z.object({
  label,
  query: z.string().trim().min(1).max(MATRIX_LIMITS.maxBranchQueryLength),
});
export const MatrixEffectInput = z.object({
  label,
  terms: z.array(z.string().trim().min(1).max(MATRIX_LIMITS.maxTermLength)).min(1).max(MATRIX_LIMITS.maxTerms),
});
export type MatrixBranchInput = z.infer<typeof MatrixBranchInput>;
export type MatrixEffectInput = z.infer<typeof MatrixEffectInput>;

export const MatrixRequest = z.object({
  /** The hit set: the search page's query with its filters (`*` for every document). */
  q: query,
  group: CountUnit.default("publication"),
  branches: z.array(MatrixBranchInput).min(1).max(MATRIX_LIMITS.bodySide),
  effects: z.array(MatrixEffectInput).min(1).max(MATRIX_LIMITS.bodySide),
});
export type MatrixRequest = z.input<typeof MatrixRequest>;

export const MatrixExportRequest = MatrixRequest.extend({ lang: z.enum(["zh", "en"]).default("zh") });
export type MatrixExportRequest = z.input<typeof MatrixExportRequest>;

export const MatrixCell = z.object({ count: z.number().int(), query: z.string() });
export const MatrixResponse = z.object({
  unit: CountUnit,
  /** Hits of the base query. */
  total: z.number().int(),
  branches: z.array(MatrixBranchInput.extend({ total: z.number().int() })),
  effects: z.array(MatrixEffectInput.extend({ total: z.number().int() })),
  /** cells[branch][effect]: its count and the query that lists its hits. */
  cells: z.array(z.array(MatrixCell)),
  /** Cells with no hits: white space (空白点). */
  blanks: z.number().int(),
  tookMs: z.number(),
});
export type MatrixResponse = z.infer<typeof MatrixResponse>;

export const MatrixSuggestRequest = z.object({
  q: query,
  group: CountUnit.default("publication"),
  limit: z.coerce.number().int().min(1).max(MATRIX_LIMITS.maxSide).default(8),
});
export type MatrixSuggestRequest = z.input<typeof MatrixSuggestRequest>;

export const MatrixSuggestResponse = z.object({
  total: z.number().int(),
  /** Hits whose titles and abstracts the effects were mined from (the first ones in application-number order). */
  sampled: z.number().int(),
  effects: z.array(z.object({ label: z.string(), terms: z.array(z.string()), docs: z.number().int() })),
  /** The hit set's largest IPC main groups, as branches. */
  branches: z.array(z.object({ label: z.string(), query: z.string(), count: z.number().int() })),
});
export type MatrixSuggestResponse = z.infer<typeof MatrixSuggestResponse>;

// ---- applicant comparison ----

export const COMPARE_LIMITS = { min: 2, max: 5 } as const;

export const CompareRequest = z.object({
  /** Entity ids, comma-separated: two to five. */
  ids: z
    .string()
    .trim()
    .max(200)
    .transform((s) =>
      s
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number),
    )
    .pipe(z.array(z.number().int().min(1).max(2_147_483_647)).min(COMPARE_LIMITS.min).max(COMPARE_LIMITS.max)),
  unit: CountUnit.default("invention"),
});
export type CompareRequest = z.input<typeof CompareRequest>;

const Counted = z.object({ code: z.string(), count: z.number().int() });
const NamedCount = z.object({ id: z.number().int(), name: z.string(), count: z.number().int() });

export const ComparedApplicant = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string().nullable(),
  /** The search that lists this entity's documents. */
  query: z.string(),
  total: z.number().int(),
  byYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  /** Main-IPC subclass of each document. */
  ipc: z.array(Counted),
  status: z.array(Counted),
  /** City (else province) division code of each document's applicant. */
  regions: z.array(Counted.extend({ name: z.string().nullable() })),
  inventors: z.array(Counted),
  coApplicants: z.array(NamedCount),
  citations: z.object({
    covered: z.number().int(),
    citedBy: z.number().int(),
    cited: z.number().int(),
    top: z.array(z.object({ id: z.number().int(), pubNo: z.string(), title: z.string(), citedBy: z.number().int() })),
  }),
});
export type ComparedApplicant = z.infer<typeof ComparedApplicant>;

export const CompareResponse = z.object({
  /** What every count counts: inventions (one per application) or publication records. */
  unit: CountUnit,
  applicants: z.array(ComparedApplicant),
});
export type CompareResponse = z.infer<typeof CompareResponse>;
