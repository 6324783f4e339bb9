/**
 * The engine's public contract. The server, the benchmark and the tests code against these types only;
 * everything else under search/ is internal.
 */

/** One patent as the engine sees it. Built by the server from SQLite rows (the system of record). */
export interface PatentDoc {
  /** External id: the database row id; unique, >= 0. */
  id: number;
  pn: string; // publication number, e.g. CN112345678A
  an: string; // application number, "" when unknown
  ti: string;
  ab: string;
  cl: string; // claims (main claim), "" when unknown
  ap: string[]; // applicant names as written (searched with AP=)
  in: string[]; // inventors
  agc: string[]; // agency names
  ipc: string[]; // canonical IPC codes, e.g. "H01M10/0525", first is the main one
  ad: number; // application date as yyyymmdd, 0 = unknown
  pd: number; // publication date as yyyymmdd, 0 = unknown
  type: string; // PatentType value
  status: string; // LegalStatus value
  region: string[]; // division codes, every level: ["41", "4101", "410105"]
  sei: string[]; // strategic emerging industry codes, e.g. ["1.2", "5.1"]
  applicantIds: string[]; // normalised applicant entity ids (facet "applicant")
  /**
   * Invention key: publications sharing it are one invention (group=invention). The server passes
   * patents/invention-key.ts's key (application number, else simple family, else the publication); absent, the
   * engine derives it from `an`, else `pn`.
   */
  invention?: string;
}

export type SortOrder = "relevance" | "date_desc" | "date_asc" | "app_no";

/** What a hit and a count stand for: every publication (default), or one invention (application) per hit. */
export type GroupBy = "invention";

export type FacetField =
  | "year"
  | "type"
  | "status"
  | "ipc_section"
  | "ipc_class"
  | "ipc_subclass"
  | "ipc_group"
  | "applicant"
  | "province"
  | "city"
  | "district"
  | "sei"
  | "agency";

/** Resolves REGION= values that are names (郑州, 金水区) to division codes; the server supplies it from the database. */
export type RegionResolver = (nameOrCode: string) => string[];

export interface SearchOptions {
  sort?: SortOrder; // default relevance
  limit?: number; // page size, default 20
  /** Opaque cursor returned as nextCursor by the previous page. */
  cursor?: string | null;
  facets?: FacetField[];
  facetSize?: number; // top-N buckets per facet, default 10
  /** Only facet values starting with this are buckets (the IPC browser: the children of one branch). */
  facetPrefix?: string;
  /**
   * Cross-language expansion (docs/QUERY.md, "跨语言"): a search term whose folded text is a key also matches each
   * listed word in the same fields, as if written `(term OR word1 OR word2)`. Phrases and truncations are kept.
   */
  expansions?: ReadonlyMap<string, readonly string[]>;
  regionResolver?: RegionResolver;
  /**
   * "invention": one hit per invention, its best publication in the sort order; total and facets count
   * inventions, each counted once with the values of its latest matching publication (docs/QUERY.md, "按申请合并").
   */
  group?: GroupBy;
}

export interface Hit {
  id: number; // PatentDoc.id
  score: number;
  /** Grouped searches: ids of every indexed publication of the hit's invention (matching or not), itself included. */
  publications?: number[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number; // exact
  hits: Hit[];
  nextCursor: string | null;
  facets: Partial<Record<FacetField, FacetCount[]>>;
  /** Terms the query matched, for highlighting snippets (analysed tokens and raw phrases). */
  highlightTerms: string[];
}

export interface IterateOptions {
  sort?: SortOrder;
  regionResolver?: RegionResolver;
  expansions?: ReadonlyMap<string, readonly string[]>;
  group?: GroupBy;
  pick?: "best" | "latest";
}

/** A malformed query: position is a 0-based character offset into the query text. */
export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly expected: string,
    readonly found: string,
  ) {
    super(message);
    this.name = "QuerySyntaxError";
  }
}

/** A persisted piece of the index: core has no file system, so the server writes these bytes to files. */
export interface SegmentFile {
  name: string; // e.g. "seg-000001.zcs"
  data: Uint8Array;
  /**
   * Docs deleted since `data` was written, one bit per local doc (bit d & 7 of byte d >> 3), saved beside the file
   * so that updating a few rows of a large segment does not rewrite it. Length ceil(maxDoc / 8).
   */
  deletedBits?: Uint8Array;
}

/** A segment as a saver sees it (engine.segmentViews()): what to write, and whether it changed since. */
export interface SegmentView {
  /** Stable while the segment lives; a merge makes a new segment with a new key. */
  key: number;
  /** The SegmentFile name it was loaded from (fromSegmentFiles), else null. */
  origin: string | null;
  maxDoc: number;
  /** Grows with every delete, and only then: an unchanged count means unchanged deletes. */
  deletedCount: number;
  /** The segment's file bytes, its deletes as of now included. */
  bytes(): Uint8Array;
  /** Its deletes as SegmentFile.deletedBits. */
  deletedBits(): Uint8Array;
}

/**
 * A merge of some segments into one, run a slice at a time while the engine keeps answering queries and taking
 * new segments (the inputs stay searchable until the merged segment replaces them). See engine.planMerge().
 */
export interface MergeTask {
  /** Segments merged and their live docs when the merge started. */
  readonly inputs: number;
  readonly docs: number;
  /**
   * Does the next slice of the work (about a millisecond). Returns true once the merge is over: its segment then
   * has replaced the inputs within this same call — carrying over deletes made meanwhile — so a query sees either
   * the inputs or the merged segment, never both; or it was dropped, when the inputs were replaced meanwhile.
   */
  step(): boolean;
}

/**
 * What `SearchEngine` (search/engine.ts) offers. Implemented in core; the server and the benchmark use only this.
 *
 *   const engine = SearchEngine.create();
 *   engine.addDocuments(docs);              // new segment; a doc whose id exists replaces the old version
 *   engine.search('TI=电池 AND AD>=2020', { facets: ["year"], limit: 10 });
 *   const files = engine.toSegmentFiles();   // persist; SearchEngine.fromSegmentFiles(files) loads them back
 */
export interface SearchEngineApi {
  readonly docCount: number; // live documents
  addDocuments(docs: Iterable<PatentDoc>): void;
  deleteDocuments(ids: Iterable<number>): void;
  /** Throws QuerySyntaxError for a malformed query. */
  search(query: string, options?: SearchOptions): SearchResult;
  /**
   * Every hit id in the given order, lazily: exports walk the whole hit set without a cap. Grouped: one id per
   * invention, in the order of its best publication; `pick` says which publication stands for it — the best
   * one (what search pages show) or the latest matching one (what grouped facets count).
   */
  iterateIds(query: string, options?: IterateOptions): Iterable<number>;
  /**
   * Batch lookup: for each publication or application number (kind code, country prefix and check digit
   * optional, as PN= and AN=), the ids of the live documents it names, ascending.
   */
  lookupNumbers(numbers: readonly string[]): (readonly number[])[];
  /** Ids of the documents most like this one (title+abstract terms), excluding itself. */
  similar(id: number, limit: number): Hit[];
  /** Merge all segments into one, at once (a rebuild, a benchmark). */
  compact(): void;
  /**
   * The next merge of the tiered policy (index/merge-policy.ts: small segments with each other, a large one only
   * when its tier fills), to be run in slices; null when nothing needs merging. `tidy`: merge every segment not
   * already being merged (when idle).
   */
  planMerge(options?: { tidy?: boolean }): MergeTask | null;
  toSegmentFiles(): SegmentFile[];
  segmentViews(): SegmentView[];
}
