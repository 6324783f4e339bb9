/**
 * The search engine: a list of segments, each searched independently; hits merged by sort key, facets summed,
 * totals exact. See types.ts for the contract.
 *
 * Each segment is evaluated by segment-search.ts (a fast scored merge for word queries, the set-algebra executor
 * for the rest); see docs/ARCHITECTURE.md, "How the engine answers a query".
 */
import { analyzeQuery } from "./analysis/analyzer.js";
import { FacetOrdinals } from "./facets/ordinals.js";
import { AppNoRank } from "./grouping/app-no-rank.js";
import { type GroupingContext, groupedIds, searchGrouped } from "./grouping/grouped-search.js";
import { InventionGroups } from "./grouping/invention-groups.js";
import { SegmentBuilder } from "./index/builder.js";
import { corrupt } from "./index/corrupt.js";
import { type MergeOutcome, mergeSegments, mergeStepwise } from "./index/merge.js";
import { pickMerge, pickTidy } from "./index/merge-policy.js";
import type { Segment } from "./index/segment.js";
import { segmentFromBytes, segmentToBytes } from "./index/serialize.js";
import { lookupNumbers } from "./lookup.js";
import type { QueryNode, TermNode } from "./query/ast.js";
import { expandQuery } from "./query/expand.js";
import { parseQuery } from "./query/parser.js";
import { GlobalStats } from "./scoring/bm25.js";
import { highlightTermsOf, positiveTerms } from "./scoring/collect.js";
import { type CursorPos, decodeCursor, encodeCursor } from "./scoring/cursor.js";
import { type Candidate, compareCandidates, globalKey, localKeys, sortAll } from "./scoring/rank.js";
import { planScoredUnion } from "./scoring/scored-union.js";
import { type Evaluated, evaluateSegment, rankSegment, searchSegment } from "./segment-search.js";
import type {
  FacetField,
  Hit,
  IterateOptions,
  MergeTask,
  PatentDoc,
  RegionResolver,
  SearchEngineApi,
  SearchOptions,
  SearchResult,
  SegmentFile,
  SegmentView,
  SortOrder,
} from "./types.js";

/** A segment never holds more docs than this (keeps each segment file well under the 4 GB typed-array limit). */
export const MAX_SEGMENT_DOCS = 1 << 21;
/** addDocuments starts a new segment after this many docs, bounding build memory. */
export const BUILD_SEGMENT_DOCS = 1 << 20;

export class SearchEngine implements SearchEngineApi {
  /** Global facet ordinals per facet; valid while the segment list is unchanged (see segmentsChanged). */
  private facetOrdinals = new Map<FacetField, FacetOrdinals>();
  /** Term statistics over all segments (deletes do not change them); memoised df values live inside. */
  private statsMemo: GlobalStats | null = null;
  /** Global invention ordinals and application-number ranks for grouped queries; same lifetime as facetOrdinals. */
  private inventionGroups: InventionGroups | null = null;
  private appNoRank: AppNoRank | null = null;
  /** Inputs of the merges running now (planMerge picks other segments). */
  private merging = new Set<Segment>();
  /** The SegmentFile each loaded segment came from (segmentViews().origin). */
  private origins = new WeakMap<Segment, string>();
  private constructor(private segments: Segment[]) {}

  /** Call whenever the segment list changes (deletes do not change it: they only mark docs). */
  private segmentsChanged(): void {
    this.facetOrdinals.clear();
    this.statsMemo = null;
    this.inventionGroups = null;
    this.appNoRank = null;
  }

  private stats(): GlobalStats {
    this.statsMemo ??= new GlobalStats(this.segments);
    return this.statsMemo;
  }

  static create(): SearchEngine {
    return new SearchEngine([]);
  }

  static fromSegmentFiles(files: SegmentFile[]): SearchEngine {
    const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const segments = sorted.map((f) => {
      const seg = segmentFromBytes(f.data);
      if (f.deletedBits) applyDeletedBits(seg, f.deletedBits);
      return seg;
    });
    const engine = new SearchEngine(segments);
    for (let i = 0; i < sorted.length; i++) engine.origins.set(segments[i], sorted[i].name);
    return engine;
  }

  get docCount(): number {
    return this.segments.reduce((n, s) => n + s.liveCount, 0);
  }

  /** Segment count (tests, diagnostics). */
  get segmentCount(): number {
    return this.segments.length;
  }

  addDocuments(docs: Iterable<PatentDoc>): void {
    const writer = this.writer();
    for (const doc of docs) writer.add(doc);
    writer.close();
  }

  /**
   * addDocuments one document at a time, for a caller that yields to its event loop between batches (a long
   * rebuild must not keep a server deaf to signals); close() seals what was added. Same segments as addDocuments.
   */
  writer(): { add(doc: PatentDoc): void; close(): void } {
    let builder = new SegmentBuilder();
    const pending = new Set<number>(); // ids in the unsealed builder (duplicates inside one batch)
    return {
      add: (doc) => {
        this.deleteOne(doc.id);
        if (pending.has(doc.id) || builder.size >= BUILD_SEGMENT_DOCS) {
          this.seal(builder);
          builder = new SegmentBuilder();
          pending.clear();
          this.deleteOne(doc.id);
        }
        builder.add(doc);
        pending.add(doc.id);
      },
      close: () => this.seal(builder),
    };
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
    this.merging.clear(); // a merge still running finds its inputs gone and is dropped
    this.segmentsChanged();
  }

  /**
   * The next merge the tiered policy (index/merge-policy.ts) asks for, to be run with step() — or null when the
   * segments are tidy. Segments left with no live doc are dropped here at once (nothing to merge).
   */
  planMerge(options: { tidy?: boolean } = {}): MergeTask | null {
    const empty = this.segments.filter((s) => s.liveCount === 0 && !this.merging.has(s));
    if (empty.length > 0) {
      this.segments = this.segments.filter((s) => !empty.includes(s));
      this.segmentsChanged();
    }
    const sizes = this.segments.map((s) => ({ live: s.liveCount, maxDoc: s.maxDoc, busy: this.merging.has(s) }));
    const pick = options.tidy ? pickTidy(sizes, MAX_SEGMENT_DOCS) : pickMerge(sizes, MAX_SEGMENT_DOCS);
    return pick ? this.startMerge(pick.map((i) => this.segments[i])) : null;
  }

  private startMerge(inputs: Segment[]): MergeTask {
    for (const s of inputs) this.merging.add(s);
    const steps = mergeStepwise(inputs);
    let over = false;
    return {
      inputs: inputs.length,
      docs: inputs.reduce((n, s) => n + s.liveCount, 0),
      step: () => {
        if (over) return true;
        let r: IteratorResult<void, MergeOutcome>;
        try {
          r = steps.next();
        } catch (err) {
          over = true;
          for (const s of inputs) this.merging.delete(s);
          throw err;
        }
        if (!r.done) return false;
        over = true;
        for (const s of inputs) this.merging.delete(s);
        this.swapIn(inputs, r.value);
        return true;
      },
    };
  }

  /** Replaces the merge's inputs with its segment, in one synchronous step. */
  private swapIn(inputs: Segment[], { segment, docMaps }: MergeOutcome): void {
    if (!inputs.every((s) => this.segments.includes(s))) return; // compacted or replaced meanwhile
    // deletes since the merge started (updates of its docs, indexed as new segments) carry over
    inputs.forEach((s, si) => {
      const m = docMaps[si];
      for (let d = 0; d < s.maxDoc; d++) if (m[d] >= 0 && s.isDeleted(d)) segment.delete(m[d]);
    });
    const at = this.segments.indexOf(inputs[0]); // inputs are in list order: none stands before it
    const rest = this.segments.filter((s) => !inputs.includes(s));
    if (segment.liveCount > 0) rest.splice(at, 0, segment);
    this.segments = rest;
    this.segmentsChanged();
  }

  toSegmentFiles(): SegmentFile[] {
    return this.segments.map((s, i) => ({
      name: `seg-${String(i + 1).padStart(6, "0")}.zcs`,
      data: segmentToBytes(s),
    }));
  }

  segmentViews(): SegmentView[] {
    return this.segments.map((s) => ({
      key: s.uid,
      origin: this.origins.get(s) ?? null,
      maxDoc: s.maxDoc,
      deletedCount: s.deletedCount,
      bytes: () => segmentToBytes(s),
      deletedBits: () => deletedBitsOf(s),
    }));
  }

  /** Each segment's live hits, with their scores when `scored` (relevance order with words to score). */
  private evaluate(ast: QueryNode, stats: GlobalStats, scored: boolean): Evaluated[] {
    const terms = positiveTerms(ast);
    const plan = planScoredUnion(ast);
    return this.segments.map((seg) => evaluateSegment(seg, { ast, terms, plan, stats, scored }));
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const sort: SortOrder = options.sort ?? "relevance";
    const limit = Number.isFinite(options.limit) ? Math.max(0, Math.floor(options.limit!)) : 20;
    const cursor: CursorPos | null = options.cursor ? decodeCursor(sort, options.cursor) : null;
    const ast = expandQuery(parseQuery(query, { regionResolver: options.regionResolver }), options.expansions);
    const terms = positiveTerms(ast);
    const stats = this.stats();
    const scored = sort === "relevance" && terms.length > 0 && limit > 0; // limit 0: counts only
    const facetFields = options.facets ?? [];
    if (options.group === "invention") {
      const page = {
        sort,
        limit,
        cursor,
        facets: facetFields,
        facetSize: options.facetSize ?? 10,
        facetPrefix: options.facetPrefix,
      };
      const r = searchGrouped(this.grouping(sort), this.evaluate(ast, stats, scored), page);
      return { ...r, highlightTerms: highlightTermsOf(terms) };
    }
    const q = { ast, terms, plan: planScoredUnion(ast), stats, scored };
    const pageSpec = { sort, limit, cursor, facets: facetFields.length > 0 };
    let total = 0;
    let after = 0;
    const cands: Candidate[] = [];
    const hits: Int32Array[] = [];
    let contributing = 0;
    for (const seg of this.segments) {
      const r = searchSegment(seg, q, pageSpec);
      total += r.total;
      after += r.afterCount;
      if (r.cands.length > 0) contributing++;
      for (const c of r.cands) cands.push(c);
      hits.push(r.hits);
    }
    // each segment's candidates come ranked; only several segments' need merging
    if (contributing > 1) cands.sort((a, b) => compareCandidates(sort, a, b));
    const page = cands.length > limit ? cands.slice(0, limit) : cands;
    const last = page[page.length - 1];
    const nextCursor = after > page.length && last ? encodeCursor(sort, { key: last.key, id: last.id }) : null;
    return {
      total,
      hits: page.map((c): Hit => ({ id: c.id, score: c.score })),
      nextCursor,
      facets: this.facets(hits, facetFields, options.facetSize ?? 10, options.facetPrefix),
      highlightTerms: highlightTermsOf(terms),
    };
  }

  private facets(hits: Int32Array[], fields: FacetField[], size: number, prefix?: string): SearchResult["facets"] {
    const out: SearchResult["facets"] = {};
    for (const f of fields) out[f] = this.ordinalsOf(f).top(this.segments, f, hits, size, prefix);
    return out;
  }

  private ordinalsOf(f: FacetField): FacetOrdinals {
    let ords = this.facetOrdinals.get(f);
    if (!ords) {
      ords = FacetOrdinals.build(this.segments, f);
      this.facetOrdinals.set(f, ords);
    }
    return ords;
  }

  private grouping(sort: SortOrder): GroupingContext {
    this.inventionGroups ??= InventionGroups.build(this.segments);
    if (sort === "app_no") this.appNoRank ??= AppNoRank.build(this.segments);
    return {
      segments: this.segments,
      groups: this.inventionGroups,
      appNo: sort === "app_no" ? this.appNoRank : null,
      facetOrdinals: (f) => this.ordinalsOf(f),
    };
  }

  iterateIds(query: string, options: IterateOptions = {}): Iterable<number> {
    const sort = options.sort ?? "relevance";
    const ast = expandQuery(parseQuery(query, { regionResolver: options.regionResolver }), options.expansions);
    // evaluate eagerly so a bad query throws here, not on first iteration
    const terms = positiveTerms(ast);
    const stats = this.stats();
    if (options.group === "invention") {
      const scored = sort === "relevance" && terms.length > 0;
      return groupedIds(this.grouping(sort), this.evaluate(ast, stats, scored), sort, options.pick ?? "best");
    }
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

  /**
   * Which of `ids` each query matches, unscored: watches evaluated against one import batch's documents (docs/
   * ARCHITECTURE.md, watches). The ids are placed once — only the segments holding one of them take part (a
   * batch's documents sit in the newest, small segments) — and each query is evaluated in those segments alone,
   * its hits kept where they are among the ids. Use the returned function before the segment list changes (in the
   * same synchronous run).
   */
  matcherAmong(ids: Iterable<number>): (query: string, regionResolver?: RegionResolver) => number[] {
    const list = [...ids];
    const parts: { seg: Segment; wanted: Uint8Array }[] = [];
    for (const seg of this.segments) {
      let wanted: Uint8Array | null = null;
      for (const id of list) {
        const d = seg.findLive(id);
        if (d < 0) continue;
        wanted ??= new Uint8Array(seg.maxDoc);
        wanted[d] = 1;
      }
      if (wanted) parts.push({ seg, wanted });
    }
    const stats = this.stats();
    return (query, regionResolver) => {
      const ast = parseQuery(query, { regionResolver });
      const q = { ast, terms: positiveTerms(ast), plan: planScoredUnion(ast), stats, scored: false };
      const out: number[] = [];
      for (const { seg, wanted } of parts) {
        const { hits } = evaluateSegment(seg, q);
        for (const d of hits) if (wanted[d] === 1) out.push(seg.d.ids[d]);
      }
      return out;
    };
  }

  lookupNumbers(numbers: readonly string[]): (readonly number[])[] {
    return lookupNumbers(this.segments, numbers);
  }

  similar(id: number, limit: number): Hit[] {
    let title = "";
    for (const s of this.segments) {
      const d = s.findLive(id);
      if (d >= 0) title = s.title(d);
    }
    if (title === "" || limit <= 0) return [];
    const stats = this.stats();
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
      if (ev.hits.length > 0) cands.push(...rankSegment(ev, "relevance", limit + 1, null).cands);
    }
    return cands
      .filter((c) => c.id !== id)
      .sort((a, b) => compareCandidates("relevance", a, b))
      .slice(0, limit)
      .map((c) => ({ id: c.id, score: c.score }));
  }
}

/** The segment's deletes, one bit per doc (SegmentFile.deletedBits). */
function deletedBitsOf(seg: Segment): Uint8Array {
  const bits = new Uint8Array((seg.maxDoc + 7) >> 3);
  for (let d = 0; d < seg.maxDoc; d++) if (seg.isDeleted(d)) bits[d >> 3] |= 1 << (d & 7);
  return bits;
}

/** Deletes saved beside a segment file; a wrong length or a bit past the last doc is damage, as in the file. */
function applyDeletedBits(seg: Segment, bits: Uint8Array): void {
  if (bits.length !== (seg.maxDoc + 7) >> 3) corrupt("deletes do not match their segment's size");
  for (let d = seg.maxDoc; d < bits.length * 8; d++)
    if (bits[d >> 3] & (1 << (d & 7))) corrupt("a delete past the last doc");
  for (let d = 0; d < seg.maxDoc; d++) if (bits[d >> 3] & (1 << (d & 7))) seg.delete(d);
}
