import { z } from "zod";
import { ApplicantEntity } from "./data-quality.js";
import { LegalStatus, PatentType } from "./patent.js";

export const SEARCH_LIMITS = {
  maxQueryLength: 2000,
  maxPageSize: 100,
  defaultPageSize: 20,
  maxFacetSize: 200,
} as const;

export const SORTS = ["relevance", "date_desc", "date_asc", "app_no"] as const;
export const SearchSort = z.enum(SORTS);
export type SearchSort = z.infer<typeof SearchSort>;

/** Facets are counted from the engine's columnar doc values; counts are exact. */
export const FACETS = [
  "year",
  "type",
  "status",
  "ipc_section",
  "ipc_class",
  "ipc_subclass",
  "ipc_group",
  "applicant",
  "province",
  "city",
  "district",
  "sei",
  "agency",
] as const;
export const FacetName = z.enum(FACETS);
export type FacetName = z.infer<typeof FacetName>;

/**
 * What a hit and a count stand for: every publication record (the A and B of one application are two), or one
 * invention per application (publications grouped by application number, else simple family; docs/QUERY.md).
 */
export const COUNT_UNITS = ["publication", "invention"] as const;
export const CountUnit = z.enum(COUNT_UNITS);
export type CountUnit = z.infer<typeof CountUnit>;

export const SearchRequest = z.object({
  q: z.string().trim().min(1, "query is empty").max(SEARCH_LIMITS.maxQueryLength),
  sort: SearchSort.default("relevance"),
  limit: z.coerce.number().int().min(0).max(SEARCH_LIMITS.maxPageSize).default(SEARCH_LIMITS.defaultPageSize),
  /** Opaque cursor from the previous page's nextCursor; no cap on how deep a user can walk. */
  cursor: z.string().max(200).optional(),
  /** Comma-separated in GET, array in POST. */
  facets: z
    .preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(FacetName))
    .default([]),
  facetSize: z.coerce.number().int().min(1).max(SEARCH_LIMITS.maxFacetSize).default(10),
  /** invention: one hit per application; total and facets counted in inventions. */
  group: CountUnit.default("publication"),
});
export type SearchRequest = z.input<typeof SearchRequest>;
export type SearchRequestParsed = z.output<typeof SearchRequest>;

export const SearchHit = z.object({
  id: z.number().int(),
  publicationNumber: z.string(),
  applicationNumber: z.string().nullable(),
  title: z.string(),
  /** Title with matches wrapped in <em>…</em>; all other text HTML-escaped. */
  titleHighlight: z.string(),
  /** Best abstract/claims fragment with matches wrapped in <em>…</em>; HTML-escaped. */
  snippet: z.string(),
  applicants: z.array(z.object({ id: z.number().int(), name: z.string() })),
  applicationDate: z.string().nullable(),
  publicationDate: z.string().nullable(),
  type: PatentType,
  status: LegalStatus,
  ipcMain: z.string().nullable(),
  score: z.number(),
  /** group=invention: every publication of the hit's application (this one included), oldest first. */
  invention: z
    .object({
      publicationCount: z.number().int(),
      publications: z.array(
        z.object({
          id: z.number().int(),
          publicationNumber: z.string(),
          type: PatentType,
          publicationDate: z.string().nullable(),
        }),
      ),
    })
    .optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetBucket = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetBucket = z.infer<typeof FacetBucket>;

export const SearchResponse = z.object({
  /** What total and facet counts count. */
  unit: CountUnit,
  total: z.number().int(),
  hits: z.array(SearchHit),
  nextCursor: z.string().nullable(),
  facets: z.record(z.string(), z.array(FacetBucket)),
  tookMs: z.number(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export const ExportRequest = z.object({
  q: z.string().trim().min(1).max(SEARCH_LIMITS.maxQueryLength),
  format: z.enum(EXPORT_FORMATS).default("csv"),
  sort: SearchSort.default("relevance"),
  /** invention: one row per application (its best publication, as on the search page). */
  group: CountUnit.default("publication"),
});
export type ExportRequest = z.input<typeof ExportRequest>;

export const ApplicantProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  aliases: z.array(z.string()),
  regionCode: z.string().nullable(),
  /** Publication records naming the applicant. */
  patentCount: z.number().int(),
  /** Inventions (applications) among them: the A and B of one application count once. */
  inventionCount: z.number().int(),
  /** What the facets count. */
  unit: CountUnit,
  /** The query that lists this applicant's patents in the search page. */
  query: z.string(),
  facets: z.record(z.string(), z.array(FacetBucket)),
  /** The entity's merges, display-name source and, when an absorbed id was asked for, that id (data-quality.ts). */
  entity: ApplicantEntity.optional(),
});
export type ApplicantProfile = z.infer<typeof ApplicantProfile>;

export const HealthResponse = z.object({
  status: z.literal("ok"),
  version: z.string(),
  patents: z.number().int(),
  indexedDocs: z.number().int(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** GET /api/health/ready: whether this node should take traffic (a load balancer's readiness probe). */
export const ReadinessResponse = z.object({
  ready: z.boolean(),
  indexedDocs: z.number().int(),
  /** Rows written to the database and not yet in this node's index. */
  lagRows: z.number().int(),
  /** How long the index has trailed the database without a break (0 when level). */
  lagMs: z.number().int(),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponse>;

export { LegalStatus, PatentType };
