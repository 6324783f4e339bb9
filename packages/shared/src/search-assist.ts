/**
 * The search page's helpers (issue #16 items 6–9): cross-language expansion, no-hit suggestions, the IPC browser
 * with hit counts, and the export's column choice. Kept beside search.ts as extensions of its contracts.
 */
import { z } from "zod";
import { ExportRequest, SearchRequest, SearchResponse } from "./search.js";

/** "1"/"true" in a query string, or a JSON boolean. */
const Flag = z
  .union([z.boolean(), z.enum(["1", "0", "true", "false"])])
  .transform((v) => v === true || v === "1" || v === "true")
  .default(false);

/** Words the user removed from the expansion (chips closed): comma-separated in GET, an array in POST. */
const WordList = z
  .preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(z.string().trim().min(1).max(60)).max(100),
  )
  .default([]);

export const CrossLanguageParams = z.object({
  /** Opt-in: English words also search their Chinese dictionary equivalents and back (docs/QUERY.md). */
  crossLanguage: Flag,
  /** Added words not wanted (any term's). */
  xlDrop: WordList,
});

export const AssistedSearchRequest = SearchRequest.extend(CrossLanguageParams.shape);
export type AssistedSearchRequest = z.input<typeof AssistedSearchRequest>;

/** One query word and the words the dictionary added for it. */
export const CrossLanguageWord = z.object({ word: z.string(), added: z.array(z.string()) });
export type CrossLanguageWord = z.infer<typeof CrossLanguageWord>;

/** A sub-query that does hit, offered when a query finds nothing. */
export const QuerySuggestion = z.object({
  query: z.string(),
  count: z.number().int(),
  /** drop: the query without one part; widen: TI/AB/CL searched as TX. */
  kind: z.enum(["drop", "widen"]),
  part: z.string(),
});
export type QuerySuggestion = z.infer<typeof QuerySuggestion>;

export const AssistedSearchResponse = SearchResponse.extend({
  /** With crossLanguage: each expanded word and what was added (shown as removable chips). */
  crossLanguage: z.array(CrossLanguageWord).optional(),
  /** Only when total is 0 on a first page: sub-queries with their exact counts, most hits first. */
  suggestions: z.array(QuerySuggestion).optional(),
});
export type AssistedSearchResponse = z.infer<typeof AssistedSearchResponse>;

/** Columns an export can hold, in their default order; the ones after `abstract` are chosen on request. */
export const EXPORT_COLUMN_KEYS = [
  "pub_no",
  "app_no",
  "title",
  "applicants",
  "inventors",
  "app_date",
  "pub_date",
  "grant_date",
  "type",
  "status",
  "status_raw",
  "ipc_main",
  "ipc_all",
  "region",
  "agency",
  "agent",
  "abstract",
  "title_en",
  "abstract_en",
  "cpc",
  "priority_nos",
  "cited_refs",
  "cites_count",
  "cited_by_count",
  "family_id",
  "family_members",
  "family_count",
] as const;
export type ExportColumnKey = (typeof EXPORT_COLUMN_KEYS)[number];
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumnKey[] = EXPORT_COLUMN_KEYS.slice(
  0,
  EXPORT_COLUMN_KEYS.indexOf("abstract") + 1,
);

const KNOWN_COLUMNS = new Set<string>(EXPORT_COLUMN_KEYS);

/** `columns=pub_no,title_en,cpc`: the columns in that order; an unknown name is a 400 naming it. */
export const ExportColumns = z
  .preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z
      .array(z.string())
      .min(1, "choose at least one column")
      .max(EXPORT_COLUMN_KEYS.length * 2)
      .superRefine((cols, ctx) => {
        const unknown = cols.filter((c) => !KNOWN_COLUMNS.has(c));
        if (unknown.length > 0)
          ctx.addIssue({
            code: "custom",
            message: `unknown column ${unknown.join(", ")}; known: ${EXPORT_COLUMN_KEYS.join(", ")}`,
          });
      }),
  )
  .transform((cols) => [...new Set(cols)] as ExportColumnKey[])
  .optional();

export const AssistedExportRequest = ExportRequest.extend({ ...CrossLanguageParams.shape, columns: ExportColumns });
export type AssistedExportRequest = z.input<typeof AssistedExportRequest>;

/** GET /api/ipc/browse: one level of the IPC tree with hit counts under a query. */
export const IpcBrowseRequest = z.object({
  /** Empty: the eight sections. A section, class, subclass (H, H01, H01M) lists its children. */
  parent: z
    .string()
    .trim()
    .regex(/^([A-Ha-h](\d\d[A-Za-z]?)?)?$/, "a section, class or subclass such as H, H01 or H01M")
    .default(""),
  q: z.string().trim().max(2000).default("*"),
  group: SearchRequest.shape.group,
  ...CrossLanguageParams.shape,
});
export type IpcBrowseRequest = z.input<typeof IpcBrowseRequest>;

export const IpcBrowseNode = z.object({
  code: z.string(),
  level: z.enum(["section", "class", "subclass", "maingroup"]),
  titleZh: z.string(),
  hasChildren: z.boolean(),
  /** Hits of the query under this code (exact; a hit with codes in two branches counts in both). */
  count: z.number().int(),
});
export type IpcBrowseNode = z.infer<typeof IpcBrowseNode>;

export const IpcBrowseResponse = z.object({
  parent: z.string().nullable(),
  /** The branch's ancestors from the section down (for the breadcrumb), titles included. */
  path: z.array(z.object({ code: z.string(), titleZh: z.string() })),
  total: z.number().int(),
  items: z.array(IpcBrowseNode),
});
export type IpcBrowseResponse = z.infer<typeof IpcBrowseResponse>;

/** GET /api/ipc/find: codes (down to main groups) whose Chinese title holds every word, with counts. */
export const IpcFindRequest = z.object({
  words: z.string().trim().min(1, "type a word of a title").max(100),
  q: z.string().trim().max(2000).default("*"),
  group: SearchRequest.shape.group,
  ...CrossLanguageParams.shape,
});
export type IpcFindRequest = z.input<typeof IpcFindRequest>;

export const IpcFindResponse = z.object({
  items: z.array(IpcBrowseNode),
  /** More codes matched than listed. */
  truncated: z.boolean(),
});
export type IpcFindResponse = z.infer<typeof IpcFindResponse>;
