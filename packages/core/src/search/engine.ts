/**
 * The search engine: a list of segments, each searched independently; hits merged by sort key, facets summed,
 * totals exact. See types.ts for the contract.
 *
 * Evaluation: the set-algebra executor (query/executor.ts) yields each segment's hits, which are then scored
 * (scoring/bm25.ts); a bounded heap picks the page after the cursor (scoring/rank.ts). Searching, exporting
 * and paging share this one path, so a document's score is the same wherever it is read.
 */
import { analyzeQuery } from "./analysis/analyzer.js";
import { FacetOrdinals } from "./facets/ordinals.js";
import { SegmentBuilder } from "./index/builder.js";
import { mergeSegments } from "./index/merge.js";
import type { Segment } from "./index/segment.js";
import { segmentFromBytes, segmentToBytes } from "./index/serialize.js";
import type { QueryNode, TermNode } from "./query/ast.js";
import { SegmentExecutor } from "./query/executor.js";
import { parseQuery } from "./query/parser.js";
import { GlobalStats, scoreHits } from "./scoring/bm25.js";
import { highlightTermsOf, positiveTerms, scoringTerms } from "./scoring/collect.js";
import { ScoreCollector } from "./scoring/collector.js";
import { type CursorPos, decodeCursor, encodeCursor } from "./scoring/cursor.js";
import {
  type Candidate,
  compareCandidates,
  globalKey,
  localCursorKey,
  localKeys,
  sortAll,
  topK,
  topKUnscored,
} from "./scoring/rank.js";
import { planScoredUnion, runScoredUnion, type UnionPlan } from "./scoring/scored-union.js";
import type {
  FacetField,
  Hit,
  PatentDoc,
  RegionResolver,
  SearchEngineApi,
  SearchOptions,
  SearchResult,
  SegmentFile,
  SortOrder,
} from "./types.js";
import { EMPTY } from "./util/setops.js";

/** A segment never holds more docs than this (keeps each segment file well under the 4 GB typed-array limit). */
export const MAX_SEGMENT_DOCS = 1 << 21;
/** addDocuments starts a new segment after this many docs, bounding build memory. */
export const BUILD_SEGMENT_DOCS = 1 << 20;

interface Evaluated {
  seg: Segment;
  hits: Int32Array; // live docs only
  scores: Float64Array | null; // aligned with hits, when the order is by relevance
}

export class SearchEngine implements SearchEngineApi {
  /** Global facet ordinals per facet; valid while the segment list is unchanged (see segmentsChanged). */
  private facetOrdinals = new Map<FacetField, FacetOrdinals>();
  private constructor(private segments: Segment[]) {}

  /** Call whenever the segment list changes (deletes do not change it: they only mark docs). */
  private segmentsChanged(): void {
    this.facetOrdinals.clear();
  }

  static create(): SearchEngine {
    return new SearchEngine([]);
  }

  static fromSegmentFiles(files: SegmentFile[]): SearchEngine {
    const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return new SearchEngine(sorted.map((f) => segmentFromBytes(f.data)));
  }

  get docCount(): number {
    return this.segments.reduce((n, s) => n + s.liveCount, 0);
  }

  /** Segment count (tests, diagnostics). */
  get segmentCount(): number {
    return this.segments.length;
  }

  addDocuments(docs: Iterable<PatentDoc>): void {
    let builder = new SegmentBuilder();
    const pending = new Set<number>(); // ids in the unsealed builder (duplicates inside one batch)
    for (const doc of docs) {
      this.deleteOne(doc.id);
      if (pending.has(doc.id) || builder.size >= BUILD_SEGMENT_DOCS) {
        this.seal(builder);
        builder = new SegmentBuilder();
        pending.clear();
        this.deleteOne(doc.id);
      }
      builder.add(doc);
      pending.add(doc.id);
    }
    this.seal(builder);
  }

  private seal(builder: SegmentBuilder): void {
    if (builder.size > 0) {
      this.segments.push(builder.finish());
      this.segmentsChanged();
    }
  }

  deleteDocuments(ids: Iterable<number>): void {
    for (const id of ids) this.deleteOne(id);
  }

  private deleteOne(id: number): void {
    for (const s of this.segments) {
      const d = s.findLive(id);
      if (d >= 0) s.delete(d);
    }
  }

  compact(): void {
    const groups: Segment[][] = [];
    let cur: Segment[] = [];
    let n = 0;
    for (const s of this.segments) {
      if (n + s.liveCount > MAX_SEGMENT_DOCS && cur.length > 0) {
        groups.push(cur);
        cur = [];
        n = 0;
      }
      cur.push(s);
      n += s.liveCount;
    }
    if (cur.length > 0) groups.push(cur);
    this.segments = groups.map((g) => mergeSegments(g)).filter((s) => s.maxDoc > 0);
    this.segmentsChanged();
  }

  toSegmentFiles(): SegmentFile[] {
    return this.segments.map((s, i) => ({
      name: `seg-${String(i + 1).padStart(6, "0")}.zcs`,
      data: segmentToBytes(s),
    }));
  }

  /** Each segment's live hits, with their scores when `scored` (relevance order with words to score). */
  private evaluate(ast: QueryNode, stats: GlobalStats, scored: boolean): Evaluated[] {
    const terms = positiveTerms(ast);
    const plan = planScoredUnion(ast);
    return this.segments.map((seg) => {
      const exec = new SegmentExecutor(seg);
      if (plan) {
        const st = scoringTerms(terms, exec, stats);
        let cap = 0;
        for (const t of st) cap += seg.d.text[t.field].df[t.t];
        cap = Math.min(cap, seg.maxDoc);
        const sink = { hits: new Int32Array(cap), scores: scored ? new Float64Array(cap) : null, top: null };
        const n = runScoredUnion(exec, plan, st, stats, sink);
        if (n >= 0) return { seg, hits: sink.hits.slice(0, n), scores: sink.scores ? sink.scores.slice(0, n) : null };
      }
      return this.evaluateGeneral(seg, exec, ast, terms, stats, scored);
    });
  }

  private evaluateGeneral(
    seg: Segment,
    exec: SegmentExecutor,
    ast: QueryNode,
    terms: TermNode[],
    stats: GlobalStats,
    scored: boolean,
  ): Evaluated {
    let hits = exec.eval(ast);
    if (seg.deletedCount > 0) {
      const del = seg.d.deleted;
      hits = hits.filter((d) => del[d] === 0);
    }
    const scores = scored ? scoreHits(exec, hits, scoringTerms(terms, exec, stats), stats) : null;
    return { seg, hits, scores };
  }

  /**
   * One segment of a search: the fast path counts and collects the page in its merge, writing a hit list only
   * when facets or a non-relevance order need it (into the segment's reusable buffer: consumed before search
   * returns); otherwise the general path evaluates, then ranks.
   */
  private searchSegment(
    seg: Segment,
    q: { ast: QueryNode; terms: TermNode[]; plan: UnionPlan | null; stats: GlobalStats; scored: boolean },
    page: { sort: SortOrder; limit: number; cursor: CursorPos | null; facets: boolean },
  ): { hits: Int32Array; total: number; cands: Candidate[]; afterCount: number } {
    const exec = new SegmentExecutor(seg);
    const ids = seg.d.ids;
    if (q.plan) {
      const relevanceOnly = page.sort === "relevance" && (q.scored || page.limit === 0);
      const wantHits = page.facets || !relevanceOnly;
      const ck = page.cursor && q.scored ? { score: -(page.cursor.key as number), id: page.cursor.id } : null;
      const top = q.scored ? new ScoreCollector(page.limit, ids, ck) : null;
      const sink = { hits: wantHits ? seg.hitBuffer() : null, scores: null, top };
      const n = runScoredUnion(exec, q.plan, scoringTerms(q.terms, exec, q.stats), q.stats, sink);
      if (n >= 0) {
        const hits = sink.hits ? sink.hits.subarray(0, n) : EMPTY;
        if (top) {
          const cands = top.results().map((r) => ({ id: ids[r.doc], score: r.score, key: -r.score }));
          return { hits, total: n, cands, afterCount: n - top.before };
        }
        if (page.limit === 0 && page.sort === "relevance") return { hits, total: n, cands: [], afterCount: n };
        return { hits, total: n, ...this.rankSegment({ seg, hits, scores: null }, page.sort, page.limit, page.cursor) };
      }
    }
    const ev = this.evaluateGeneral(seg, exec, q.ast, q.terms, q.stats, q.scored);
    if (ev.hits.length === 0) return { hits: ev.hits, total: 0, cands: [], afterCount: 0 };
    return { hits: ev.hits, total: ev.hits.length, ...this.rankSegment(ev, page.sort, page.limit, page.cursor) };
  }

  /** This segment's best `limit` hits after the cursor, and how many hits lie after it. */
  private rankSegment(
    ev: Evaluated,
    sort: SortOrder,
    limit: number,
    cursor: CursorPos | null,
  ): { cands: Candidate[]; afterCount: number } {
    const { seg, hits, scores } = ev;
    const ck = cursor ? { key: localCursorKey(seg, sort, cursor), id: cursor.id } : null;
    const ids = seg.d.ids;
    const cands: Candidate[] = [];
    if (sort === "relevance") {
      const { order, afterCount } = scores
        ? topK(scores, -1, ids, hits, limit, ck)
        : topKUnscored(seg, hits, limit, ck);
      for (const i of order) {
        const score = scores ? scores[i] : 0;
        cands.push({ id: ids[hits[i]], score, key: scores ? -score : 0 });
      }
      return { cands, afterCount };
    }
    const keys = localKeys(seg, hits, sort);
    const { order, afterCount } = topK(keys, 1, ids, hits, limit, ck);
    for (const i of order) cands.push({ id: ids[hits[i]], score: 0, key: globalKey(seg, sort, hits[i], keys[i]) });
    return { cands, afterCount };
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const sort: SortOrder = options.sort ?? "relevance";
    const limit = Number.isFinite(options.limit) ? Math.max(0, Math.floor(options.limit!)) : 20;
    const cursor: CursorPos | null = options.cursor ? decodeCursor(sort, options.cursor) : null;
    const ast = parseQuery(query, { regionResolver: options.regionResolver });
    const terms = positiveTerms(ast);
    const stats = new GlobalStats(this.segments);
    const scored = sort === "relevance" && terms.length > 0 && limit > 0; // limit 0: counts only
    const facetFields = options.facets ?? [];
    const q = { ast, terms, plan: planScoredUnion(ast), stats, scored };
    const pageSpec = { sort, limit, cursor, facets: facetFields.length > 0 };
    let total = 0;
    let after = 0;
    const cands: Candidate[] = [];
    const hits: Int32Array[] = [];
    for (const seg of this.segments) {
      const r = this.searchSegment(seg, q, pageSpec);
      total += r.total;
      after += r.afterCount;
      cands.push(...r.cands);
      hits.push(r.hits);
    }
    cands.sort((a, b) => compareCandidates(sort, a, b));
    const page = cands.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = after > page.length && last ? encodeCursor(sort, { key: last.key, id: last.id }) : null;
    return {
      total,
      hits: page.map((c): Hit => ({ id: c.id, score: c.score })),
      nextCursor,
      facets: this.facets(hits, facetFields, options.facetSize ?? 10),
      highlightTerms: highlightTermsOf(terms),
    };
  }

  private facets(hits: Int32Array[], fields: FacetField[], size: number): SearchResult["facets"] {
    const out: SearchResult["facets"] = {};
    for (const f of fields) {
      let ords = this.facetOrdinals.get(f);
      if (!ords) {
        ords = FacetOrdinals.build(this.segments, f);
        this.facetOrdinals.set(f, ords);
      }
      out[f] = ords.top(this.segments, f, hits, size);
    }
    return out;
  }

  iterateIds(query: string, options: { sort?: SortOrder; regionResolver?: RegionResolver } = {}): Iterable<number> {
    const sort = options.sort ?? "relevance";
    const ast = parseQuery(query, { regionResolver: options.regionResolver });
    // evaluate eagerly so a bad query throws here, not on first iteration
    const terms = positiveTerms(ast);
    const stats = new GlobalStats(this.segments);
    const runs = this.evaluate(ast, stats, sort === "relevance" && terms.length > 0)
      .filter((ev) => ev.hits.length > 0)
      .map((ev) => {
        const keys =
          sort !== "relevance"
            ? localKeys(ev.seg, ev.hits, sort)
            : ev.scores
              ? ev.scores.map((x) => -x)
              : new Float64Array(ev.hits.length);
        return { ev, keys, order: sortAll(keys, ev.seg.d.ids, ev.hits) };
      });
    return {
      *[Symbol.iterator]() {
        const pos = runs.map(() => 0);
        const head = (r: number): Candidate => {
          const { ev, keys, order } = runs[r];
          const i = order[pos[r]];
          const doc = ev.hits[i];
          return { id: ev.seg.d.ids[doc], score: 0, key: globalKey(ev.seg, sort, doc, keys[i]) };
        };
        const heads = runs.map((_, r) => head(r));
        for (;;) {
          let best = -1;
          for (let r = 0; r < runs.length; r++) {
            if (pos[r] >= runs[r].order.length) continue;
            if (best < 0 || compareCandidates(sort, heads[r], heads[best]) < 0) best = r;
          }
          if (best < 0) return;
          yield heads[best].id;
          pos[best]++;
          if (pos[best] < runs[best].order.length) heads[best] = head(best);
        }
      },
    };
  }

  similar(id: number, limit: number): Hit[] {
    let title = "";
    for (const s of this.segments) {
      const d = s.findLive(id);
      if (d >= 0) title = s.title(d);
    }
    if (title === "" || limit <= 0) return [];
    const stats = new GlobalStats(this.segments);
    // the title's rarest terms, searched in title and abstract
    const words = [...new Set(analyzeQuery(title).map((t) => t.term))]
      .map((term) => ({ term, idf: stats.idf("ti", term) }))
      .sort((a, b) => b.idf - a.idf || (a.term < b.term ? -1 : 1))
      .slice(0, 24);
    const children: TermNode[] = words.map((w) => ({
      kind: "term",
      fields: ["ti", "ab"],
      text: w.term,
      prefix: null,
      position: 0,
      exact: true,
    }));
    if (children.length === 0) return [];
    const ast: QueryNode = { kind: "or", children };
    const cands: Candidate[] = [];
    for (const ev of this.evaluate(ast, stats, true)) {
      if (ev.hits.length > 0) cands.push(...this.rankSegment(ev, "relevance", limit + 1, null).cands);
    }
    return cands
      .filter((c) => c.id !== id)
      .sort((a, b) => compareCandidates("relevance", a, b))
      .slice(0, limit)
      .map((c) => ({ id: c.id, score: c.score }));
  }
}
