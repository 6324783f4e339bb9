/**
 * One segment's part of a query. Word queries (scoring/scored-union.ts) count, score and collect the page in
 * one merge; everything else is evaluated by the set-algebra executor, scored, then ranked. Exports and
 * similar() take whole hit lists with scores (evaluateSegment); searches take the count, the page and, for
 * facets or a date/number order, the hits (searchSegment).
 */
import type { Segment } from "./index/segment.js";
import type { QueryNode, TermNode } from "./query/ast.js";
import { SegmentExecutor } from "./query/executor.js";
import { type GlobalStats, scoreHits } from "./scoring/bm25.js";
import { scoringTerms } from "./scoring/collect.js";
import { ScoreCollector } from "./scoring/collector.js";
import type { CursorPos } from "./scoring/cursor.js";
import { type Candidate, globalKey, localCursorKey, localKeys, topK, topKUnscored } from "./scoring/rank.js";
import { runScoredUnion, type UnionPlan } from "./scoring/scored-union.js";
import type { SortOrder } from "./types.js";
import { EMPTY } from "./util/setops.js";

export interface Evaluated {
  seg: Segment;
  hits: Int32Array; // live docs only
  scores: Float64Array | null; // aligned with hits, when the order is by relevance
}

export interface PreparedQuery {
  ast: QueryNode;
  terms: TermNode[]; // positive terms (scored)
  plan: UnionPlan | null; // the fast path's plan when the query has its shape
  stats: GlobalStats;
  scored: boolean; // relevance order with words to score
}

export interface PageSpec {
  sort: SortOrder;
  limit: number;
  cursor: CursorPos | null;
  facets: boolean;
}

export function evaluateSegment(seg: Segment, q: PreparedQuery): Evaluated {
  const exec = new SegmentExecutor(seg);
  if (q.plan) {
    const st = scoringTerms(q.terms, exec, q.stats);
    let cap = 0;
    for (const t of st) cap += seg.d.text[t.field].df[t.t];
    cap = Math.min(cap, seg.maxDoc);
    const sink = { hits: new Int32Array(cap), scores: q.scored ? new Float64Array(cap) : null, top: null };
    const n = runScoredUnion(exec, q.plan, st, q.stats, sink);
    if (n >= 0) return { seg, hits: sink.hits.slice(0, n), scores: sink.scores ? sink.scores.slice(0, n) : null };
  }
  return evaluateGeneral(exec, q);
}

function evaluateGeneral(exec: SegmentExecutor, q: PreparedQuery): Evaluated {
  const seg = exec.seg;
  let hits = exec.eval(q.ast);
  if (seg.deletedCount > 0) {
    const del = seg.d.deleted;
    hits = hits.filter((d) => del[d] === 0);
  }
  const scores = q.scored ? scoreHits(exec, hits, scoringTerms(q.terms, exec, q.stats), q.stats) : null;
  return { seg, hits, scores };
}

/**
 * The fast path writes a hit list only when facets or a non-relevance order need it, into the segment's
 * reusable buffer (consumed before the search returns).
 */
export function searchSegment(
  seg: Segment,
  q: PreparedQuery,
  page: PageSpec,
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
        return { hits, total: n, cands: top.candidates(), afterCount: n - top.before };
      }
      if (page.limit === 0 && page.sort === "relevance") return { hits, total: n, cands: [], afterCount: n };
      const { cands, afterCount } = rankSegment({ seg, hits, scores: null }, page.sort, page.limit, page.cursor);
      return { hits, total: n, cands, afterCount };
    }
  }
  const ev = evaluateGeneral(exec, q);
  if (ev.hits.length === 0) return { hits: ev.hits, total: 0, cands: [], afterCount: 0 };
  const { cands, afterCount } = rankSegment(ev, page.sort, page.limit, page.cursor);
  return { hits: ev.hits, total: ev.hits.length, cands, afterCount };
}

/** This segment's best `limit` hits after the cursor, and how many hits lie after it. */
export function rankSegment(
  ev: Evaluated,
  sort: SortOrder,
  limit: number,
  cursor: CursorPos | null,
): { cands: Candidate[]; afterCount: number } {
  const { seg, hits, scores } = ev;
  const ck = cursor ? { key: localCursorKey(seg, sort, cursor), id: cursor.id } : null;
  const ids = seg.d.ids;
  const cands: Candidate[] = [];
  if (sort === "relevance" && scores) {
    const top = new ScoreCollector(limit, ids, ck ? { score: -ck.key, id: ck.id } : null);
    for (let i = 0; i < hits.length; i++) if (scores[i] >= top.floor) top.offer(scores[i], hits[i]);
    return { cands: top.candidates(), afterCount: hits.length - top.before };
  }
  if (sort === "relevance") {
    const { order, afterCount } = topKUnscored(seg, hits, limit, ck);
    for (const i of order) cands.push({ id: ids[hits[i]], score: 0, key: 0 });
    return { cands, afterCount };
  }
  const keys = localKeys(seg, hits, sort);
  const { order, afterCount } = topK(keys, ids, hits, limit, ck);
  for (const i of order) cands.push({ id: ids[hits[i]], score: 0, key: globalKey(seg, sort, hits[i], keys[i]) });
  return { cands, afterCount };
}
