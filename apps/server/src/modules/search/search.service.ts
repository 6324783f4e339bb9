import { highlight, snippet } from "@zhichan/core/search/index.ts";
import type { FacetField, GroupBy, Hit, RegionResolver, SortOrder } from "@zhichan/core/search/types.ts";
import type { CountUnit, SearchHit, SearchRequestParsed } from "@zhichan/shared";
import type { AssistedSearchResponse } from "@zhichan/shared/search-assist.ts";
import type { Db } from "../../db/connection.js";
import { type BatchQuery, type InsertedRange, matchInEngine } from "./batch-match.js";
import { type LabelSources, labelFacets } from "./facet-labels.js";
import { type HitRow, hitRows, publicationRows } from "./hits.repository.js";
import { LookupService } from "./lookup.service.js";
import { maxUpdatedSeq } from "./patent-docs.repository.js";
import { type AssistSources, QueryAssist } from "./query-assist.js";
import type { SearchIndex } from "./search-index.js";

/**
 * Matching an import batch's patents against watched queries, for modules outside search: the server passes
 * SearchService.matchInserted; a process without the live index (the CLI importer) uses the throwaway matcher.
 */
export { type BatchMatcher, throwawayMatcher } from "./batch-match.js";

/** Rows fetched per SQLite query of an export: small, so one batch holds the event loop for a few ms only. */
const EXPORT_BATCH = 250;

/** Publications listed per grouped hit (a simple family can be large); publicationCount stays exact. */
const MAX_LISTED = 50;

/** Cross-language switch and removed words (an export or a count repeats the search page's). */
export interface Expansion {
  crossLanguage?: boolean;
  xlDrop?: readonly string[];
}

/** Every IPC main group fits (7,468 in IPC 2026.01): the browser counts all children of a branch. */
const IPC_BUCKETS = 20_000;

/** The engine's grouping for a count unit (publications: none). */
const groupOf = (unit: CountUnit | undefined): GroupBy | undefined => (unit === "invention" ? "invention" : undefined);

export class SearchService {
  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
    private readonly regionResolver: RegionResolver,
    private readonly labels: LabelSources,
    assistSources: AssistSources = { inIpcTitles: () => false },
  ) {
    this.assist = new QueryAssist(() => this.index.engine, regionResolver, assistSources);
  }

  /** Cross-language expansion and no-hit suggestions (query-assist.ts). */
  readonly assist: QueryAssist;

  /** The expansions a request asks for (none unless crossLanguage is on). */
  expansionsOf(q: string, x: Expansion = {}): Map<string, string[]> | undefined {
    return this.assist.expand(q, x.crossLanguage ?? false, x.xlDrop ?? []).map;
  }

  get indexedDocs(): number {
    return this.index.engine.docCount;
  }

  /** The database's newest write and the newest one in the index (readiness, /metrics). */
  indexPosition(): { dbSeq: number; indexedSeq: number } {
    return { dbSeq: maxUpdatedSeq(this.db), indexedSeq: this.index.indexedSeq };
  }

  /** Batch lookup of patent numbers over the same index and database (POST /api/patents/lookup). */
  get lookup(): LookupService {
    this.lookupService ??= new LookupService(this.db, this.index);
    return this.lookupService;
  }
  private lookupService: LookupService | null = null;

  search(req: SearchRequestParsed & Expansion): AssistedSearchResponse {
    const started = performance.now();
    const expanded = this.assist.expand(req.q, req.crossLanguage ?? false, req.xlDrop ?? []);
    const result = this.index.engine.search(req.q, {
      expansions: expanded.map,
      sort: req.sort,
      limit: req.limit,
      cursor: req.cursor ?? null,
      facets: req.facets,
      facetSize: req.facetSize,
      regionResolver: this.regionResolver,
      group: groupOf(req.group),
    });
    const rows = hitRows(
      this.db,
      result.hits.map((h) => h.id),
    );
    const byId = new Map(result.hits.map((h) => [h.id, h]));
    const inventions = req.group === "invention" ? this.inventionsOf(result.hits) : null;
    const suggestions =
      result.total === 0 && !req.cursor && req.limit > 0
        ? this.assist.suggest(req.q, groupOf(req.group), expanded.map)
        : undefined;
    return {
      unit: req.group ?? "publication",
      total: result.total,
      hits: rows.map((r) => {
        const hit = toHit(r, byId.get(r.id)?.score ?? 0, result.highlightTerms);
        return inventions ? { ...hit, invention: inventions(byId.get(r.id)!) } : hit;
      }),
      nextCursor: result.nextCursor,
      facets: labelFacets(result.facets, this.labels),
      ...(req.crossLanguage ? { crossLanguage: expanded.words } : {}),
      ...(suggestions ? { suggestions } : {}),
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  /** Each grouped hit's publications (number, kind, date), read in one query for the whole page. */
  private inventionsOf(hits: Hit[]): (hit: Hit) => NonNullable<SearchHit["invention"]> {
    const listed = (h: Hit) => (h.publications ?? [h.id]).slice(0, MAX_LISTED);
    const rows = new Map(publicationRows(this.db, hits.flatMap(listed)).map((r) => [r.id, r]));
    return (hit) => {
      const publications = listed(hit)
        .map((id) => rows.get(id))
        .filter((r) => r !== undefined)
        .sort((a, b) => (a.pub_date ?? "").localeCompare(b.pub_date ?? "") || a.id - b.id)
        .map((r) => ({
          id: r.id,
          publicationNumber: r.pub_no,
          type: r.type as SearchHit["type"],
          publicationDate: r.pub_date,
        }));
      return { publicationCount: hit.publications?.length ?? 1, publications };
    };
  }

  /** Documents most like one patent, as search hits (no highlighting: there is no query). */
  similar(patentId: number, limit: number): SearchHit[] {
    const hits = this.index.engine.similar(patentId, limit);
    const scores = new Map(hits.map((h) => [h.id, h.score]));
    return hitRows(
      this.db,
      hits.map((h) => h.id),
    ).map((r) => toHit(r, scores.get(r.id) ?? 0, []));
  }

  /**
   * Exact number of hits, and every hit's row in order (at most `maxRows` when given), fetched in batches so
   * memory stays flat.
   */
  exportHits(
    q: string,
    sort: SortOrder,
    maxRows = Number.POSITIVE_INFINITY,
    unit: CountUnit = "publication",
    expansion: Expansion = {},
  ): { total: number; rows: Iterable<HitRow> } {
    const engine = this.index.engine;
    const group = groupOf(unit);
    const expansions = this.expansionsOf(q, expansion);
    const { total } = engine.search(q, { limit: 0, regionResolver: this.regionResolver, group, expansions });
    const db = this.db;
    const ids = engine.iterateIds(q, { sort, regionResolver: this.regionResolver, group, expansions });
    function* rows(): Generator<HitRow> {
      let batch: number[] = [];
      let taken = 0;
      for (const id of ids) {
        if (taken++ >= maxRows) break;
        batch.push(id);
        if (batch.length === EXPORT_BATCH) {
          yield* hitRows(db, batch);
          batch = [];
        }
      }
      yield* hitRows(db, batch);
    }
    return { total, rows: rows() };
  }

  /**
   * Every hit id of a query, in application-number order, without scoring (analytics walk whole hit sets). In
   * inventions: one id per invention, its latest matching publication (the one grouped facets count).
   */
  hitIds(q: string, unit: CountUnit = "publication"): Iterable<number> {
    const group = groupOf(unit);
    return this.index.engine.iterateIds(q, {
      sort: "app_no",
      regionResolver: this.regionResolver,
      group,
      pick: "latest",
    });
  }

  /**
   * Hits of a query under each IPC code of the given levels (exact facet counts, every bucket), only codes under
   * `prefix`; and the query's total. The IPC browser's numbers.
   */
  ipcCounts(
    q: string,
    facets: FacetField[],
    prefix: string,
    unit: CountUnit,
    expansion: Expansion = {},
  ): { total: number; counts: Map<string, number> } {
    const r = this.index.engine.search(q, {
      limit: 0,
      regionResolver: this.regionResolver,
      group: groupOf(unit),
      facets,
      facetSize: IPC_BUCKETS,
      facetPrefix: prefix,
      expansions: this.expansionsOf(q, expansion),
    });
    const counts = new Map<string, number>();
    for (const f of facets) for (const b of r.facets[f] ?? []) counts.set(b.value, b.count);
    return { total: r.total, counts };
  }

  /** Exact hit count of a query, in publications or inventions. */
  count(q: string, unit: CountUnit = "publication"): number {
    return this.index.engine.search(q, { limit: 0, regionResolver: this.regionResolver, group: groupOf(unit) }).total;
  }

  /** Picks up rows imported since the index last looked (called after an import). */
  refresh(): number {
    return this.index.catchUp();
  }

  /**
   * Picks up rows written since the index last looked without stopping queries (between pages they are answered,
   * each document seen in one version): an import calls it after each committed batch. Resolves with the rows indexed.
   */
  refreshLive(): Promise<number> {
    return this.index.refreshLive();
  }

  /**
   * Which of one import batch's inserted patents each watched query matches (modules/watches), over the live index
   * once it has caught up with the batch — it indexes every batch anyway, so nothing is indexed twice.
   */
  async matchInserted(range: InsertedRange, queries: readonly BatchQuery[]): Promise<Map<number, number[]>> {
    await this.index.refreshLive();
    return matchInEngine(this.index.engine, range, queries, this.regionResolver);
  }

  /** refreshLive for callers that do not wait (an import's batch hook); a failure is logged, the poll retries. */
  refreshSoon(): void {
    this.index.refreshLive().catch((err) => console.warn(`Search index refresh failed: ${String(err)}`));
  }
}

function toHit(r: HitRow, score: number, terms: string[]): SearchHit {
  const text = r.abstract || r.claims || "";
  return {
    id: r.id,
    publicationNumber: r.pub_no,
    applicationNumber: r.app_no,
    title: r.title,
    titleHighlight: highlight(r.title, terms),
    snippet: text ? snippet(text, terms, 160) : "",
    applicants: r.applicants,
    applicationDate: r.app_date,
    publicationDate: r.pub_date,
    type: r.type as SearchHit["type"],
    status: r.status as SearchHit["status"],
    ipcMain: r.ipc_main,
    score: Math.round(score * 1000) / 1000,
  };
}
