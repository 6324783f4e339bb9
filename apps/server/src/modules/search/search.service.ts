import { highlight, snippet } from "@zhichan/core/search/index.ts";
import type { RegionResolver, SortOrder } from "@zhichan/core/search/types.ts";
import type { SearchHit, SearchRequestParsed, SearchResponse } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import { type LabelSources, labelFacets } from "./facet-labels.js";
import { type HitRow, hitRows } from "./hits.repository.js";
import type { SearchIndex } from "./search-index.js";

/** Rows fetched per SQLite query of an export: small, so one batch holds the event loop for a few ms only. */
const EXPORT_BATCH = 250;

export class SearchService {
  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
    private readonly regionResolver: RegionResolver,
    private readonly labels: LabelSources,
  ) {}

  get indexedDocs(): number {
    return this.index.engine.docCount;
  }

  search(req: SearchRequestParsed): SearchResponse {
    const started = performance.now();
    const result = this.index.engine.search(req.q, {
      sort: req.sort,
      limit: req.limit,
      cursor: req.cursor ?? null,
      facets: req.facets,
      facetSize: req.facetSize,
      regionResolver: this.regionResolver,
    });
    const rows = hitRows(
      this.db,
      result.hits.map((h) => h.id),
    );
    const scores = new Map(result.hits.map((h) => [h.id, h.score]));
    return {
      total: result.total,
      hits: rows.map((r) => toHit(r, scores.get(r.id) ?? 0, result.highlightTerms)),
      nextCursor: result.nextCursor,
      facets: labelFacets(result.facets, this.labels),
      tookMs: Math.round((performance.now() - started) * 10) / 10,
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
  ): { total: number; rows: Iterable<HitRow> } {
    const engine = this.index.engine;
    const { total } = engine.search(q, { limit: 0, regionResolver: this.regionResolver });
    const db = this.db;
    const ids = engine.iterateIds(q, { sort, regionResolver: this.regionResolver });
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

  /** Every hit id of a query, in application-number order, without scoring (analytics walk whole hit sets). */
  hitIds(q: string): Iterable<number> {
    return this.index.engine.iterateIds(q, { sort: "app_no", regionResolver: this.regionResolver });
  }

  /** Exact hit count of a query. */
  count(q: string): number {
    return this.index.engine.search(q, { limit: 0, regionResolver: this.regionResolver }).total;
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
