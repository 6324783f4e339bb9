/**
 * Fast path for the commonest queries: a word or an OR of words (each one index term), optionally ANDed with
 * date/keyword filters and NOT clauses — "一种", "教学 OR 功率", "控制 NOT 支付", "装置 AND AD>=2015".
 *
 * The hits are the union of the words' postings, so one merge over those lists yields every hit with its BM25
 * score. A search then needs only the count and the best few: the merge feeds a top-k collector and counts,
 * and writes hit lists only when facets need them. On a large list (一种: 575,000 postings) memory traffic is
 * the cost, so not writing 12 bytes per hit is most of the speed.
 *
 * Scores are summed term by term in scoringTerms() order, exactly as scoreHits() does, so every path gives
 * bit-identical scores (pages walked by cursor must agree with exports).
 */
import { termHasPositions } from "../analysis/analyzer.js";
import type { Segment } from "../index/segment.js";
import type { DateNode, FilterNode, QueryNode } from "../query/ast.js";
import type { SegmentExecutor } from "../query/executor.js";
import { datePredicate, filterDocList, filterPredicate } from "../query/filters.js";
import { nodeTokens } from "../query/terms.js";
import { EMPTY, gallop, unionMany } from "../util/setops.js";
import type { GlobalStats, ScoringTerm } from "./bm25.js";
import type { ScoreCollector } from "./collector.js";
import { K1 } from "./impacts.js";

/** A keyword filter's doc list is probed when at most this many times longer than the candidate hits. */
const LIST_FILTER_RATIO = 16;
/** Above this many lists the chain of merges loses to the general path's accumulator. */
const MAX_LISTS = 8;

export interface UnionPlan {
  filters: (DateNode | FilterNode)[];
  negatives: QueryNode[];
}

/** True when the node is a disjunction of single index terms (words, bigrams, truncations). */
function isPureDisjunction(node: QueryNode): boolean {
  if (node.kind === "or") return node.children.every(isPureDisjunction);
  if (node.kind !== "term") return false;
  if (node.prefix !== null) return true;
  const toks = nodeTokens(node);
  return toks.length === 1 && termHasPositions(toks[0].term);
}

/** The plan when the query has the shape above, else null. */
export function planScoredUnion(ast: QueryNode): UnionPlan | null {
  const children = ast.kind === "and" ? ast.children : [ast];
  const plan: UnionPlan = { filters: [], negatives: [] };
  let words = 0;
  for (const c of children) {
    if (c.kind === "date" || c.kind === "filter") plan.filters.push(c);
    else if (c.kind === "not") plan.negatives.push(c.child);
    else if (isPureDisjunction(c)) words++;
    else return null;
  }
  return words === 1 ? plan : null;
}

/** Where a merge's hits go: any of a hit list, a score list (aligned) and a top-k collector. */
export interface Sink {
  hits: Int32Array | null;
  scores: Float64Array | null;
  top: ScoreCollector | null;
}

interface List {
  docs: Int32Array;
  q: Float64Array; // impacts
  w: number; // weight · (K1 + 1)
}

/**
 * Runs the plan on one segment (deleted docs excluded) into `sink` and returns the hit count, or -1 when there
 * are too many lists for merging (the caller then takes the general path). `terms` are the query's scoring
 * terms in this segment: for this query shape their postings are exactly the lists whose union is the hit set.
 */
export function runScoredUnion(
  exec: SegmentExecutor,
  plan: UnionPlan,
  terms: ScoringTerm[],
  stats: GlobalStats,
  sink: Sink,
): number {
  const seg = exec.seg;
  if (terms.length > MAX_LISTS) return -1;
  if (terms.length === 0) return 0;
  const lists: List[] = terms.map((st) => {
    const docs = exec.postings(st.field, st.t).docs;
    return { docs, q: exec.impacts(st.field, st.t, stats.avgLen(st.field)), w: st.weight * (K1 + 1) };
  });
  let cap = 0;
  for (const l of lists) cap += l.docs.length;
  cap = Math.min(cap, seg.maxDoc);
  const g = gate(exec, plan, cap);
  if (lists.length === 1) {
    const prunable = sink.top !== null && sink.hits === null && sink.scores === null;
    return prunable && g.keep === null && g.exclude.length === 0
      ? singleTop(lists[0], sink.top!)
      : single(lists[0], g, sink);
  }
  if (lists.length === 2) return mergeLists(lists[0], lists[1], g, sink);
  // the first lists are merged into buffers (ping-pong), the last merge feeds the sink
  let cur = buffers(seg, cap, 0);
  let other = buffers(seg, cap, 1);
  let n = mergeLists(lists[0], lists[1], OPEN, { hits: cur.hits, scores: cur.scores, top: null });
  for (let j = 2; j < lists.length - 1; j++) {
    n = merge2(cur.hits, cur.scores, n, lists[j], OPEN, { hits: other.hits, scores: other.scores, top: null });
    [cur, other] = [other, cur];
  }
  return merge2(cur.hits, cur.scores, n, lists[lists.length - 1], g, sink);
}

/**
 * The per-hit test for everything besides the words, or null when there is nothing to test: deleted docs, NOT
 * clauses and keyword filters as sorted doc lists probed with galloping cursors (hits arrive in doc order), and
 * date filters or keyword filters much larger than the hits as predicates (a doc-values lookup per hit is a
 * random memory access, so a filter's own doc list is preferred when it is not much longer than the hits).
 */
function gate(exec: SegmentExecutor, plan: UnionPlan, cap: number): Gate {
  const seg = exec.seg;
  const deleted = seg.deletedCount > 0 ? seg.d.deleted : null;
  const exclude =
    plan.negatives.length > 0
      ? unionMany(
          plan.negatives.map((n) => exec.eval(n)),
          seg.maxDoc,
        )
      : EMPTY;
  const require: Int32Array[] = [];
  const preds: ((d: number) => boolean)[] = [];
  for (const f of plan.filters) {
    if (f.kind === "date") {
      preds.push(datePredicate(seg, f));
      continue;
    }
    const list = filterDocList(seg, f);
    if (list.length <= cap * LIST_FILTER_RATIO) require.push(list);
    else preds.push(filterPredicate(seg, f));
  }
  if (deleted === null && require.length === 0 && preds.length === 0) return { exclude, keep: null };
  const at = new Int32Array(require.length);
  const keep = (d: number): boolean => {
    if (deleted !== null && deleted[d] !== 0) return false;
    for (let k = 0; k < require.length; k++) {
      const l = require[k];
      const i = gallop(l, at[k], d);
      at[k] = i;
      if (i === l.length || l[i] !== d) return false;
    }
    for (let k = 0; k < preds.length; k++) if (!preds[k](d)) return false;
    return true;
  };
  return { exclude, keep };
}

/** NOT docs (checked inline: NOT beside a frequent word is common) and the rest of the per-hit test. */
const OPEN: Gate = { exclude: EMPTY, keep: null };

interface Gate {
  exclude: Int32Array;
  keep: ((d: number) => boolean) | null;
}

/** Per-segment merge buffers, reused by every query on the segment (large fresh arrays cost page faults). */
function buffers(seg: Segment, cap: number, which: 0 | 1): { hits: Int32Array; scores: Float64Array } {
  const pair = seg.mergeBuffers[which];
  if (pair && pair.hits.length >= cap) return pair;
  const fresh = { hits: new Int32Array(seg.maxDoc), scores: new Float64Array(seg.maxDoc) };
  seg.mergeBuffers[which] = fresh;
  return fresh;
}

function single(l: List, g: Gate, sink: Sink): number {
  const { docs, q, w } = l;
  const { hits, scores, top } = sink;
  const { exclude, keep } = g;
  const exLen = exclude.length;
  let x = 0;
  let n = 0;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    if (x < exLen && exclude[x] <= d) {
      if (exclude[x] < d) x = gallop(exclude, x, d);
      if (x < exLen && exclude[x] === d) continue;
    }
    if (keep !== null && !keep(d)) continue;
    const s = w * q[i];
    if (hits !== null) hits[n] = d;
    if (scores !== null) scores[n] = s;
    n++;
    if (top !== null && s >= top.floor) top.offer(s, d);
  }
  return n;
}

/** Postings per block of the block maxima below. */
const BLOCK = 64;
/** Shorter lists are simply scanned. */
const PRUNE_MIN = 4 * BLOCK;
const blockMaxima = new WeakMap<Float64Array, Float64Array>();

/** The largest impact of every BLOCK postings, built once per (cached) impacts array and kept while it lives. */
function blockMaxOf(q: Float64Array): Float64Array {
  let m = blockMaxima.get(q);
  if (!m) {
    m = new Float64Array(Math.ceil(q.length / BLOCK));
    for (let b = 0; b < m.length; b++) {
      let x = 0;
      const end = Math.min(q.length, (b + 1) * BLOCK);
      for (let i = b * BLOCK; i < end; i++) if (q[i] > x) x = q[i];
      m[b] = x;
    }
    blockMaxima.set(q, m);
  }
  return m;
}

/**
 * One word with nothing to filter, when only the count and the page are wanted (TI=使用): the count is the
 * list's length, and a block of postings whose best score is below the collector's floor is skipped unread
 * (block-max pruning, as Lucene's WAND does). Safe because such hits rank after the k kept so far and, the
 * floor never exceeding the cursor, after the cursor too: they would be neither kept nor counted as before it.
 * Scores are the same products as in single(), so pages agree with the other paths.
 */
function singleTop(l: List, top: ScoreCollector): number {
  const { docs, q, w } = l;
  if (docs.length < PRUNE_MIN) {
    for (let i = 0; i < docs.length; i++) {
      const s = w * q[i];
      if (s >= top.floor) top.offer(s, docs[i]);
    }
    return docs.length;
  }
  const maxima = blockMaxOf(q);
  for (let b = 0; b < maxima.length; b++) {
    // w · max ≥ w · q[i] for every posting of the block (rounding is monotonic), so nothing skipped could reach the floor
    if (w * maxima[b] < top.floor) continue;
    const end = Math.min(docs.length, (b + 1) * BLOCK);
    for (let i = b * BLOCK; i < end; i++) {
      const s = w * q[i];
      if (s >= top.floor) top.offer(s, docs[i]);
    }
  }
  return docs.length;
}

/** Scored docs (a) merged with a list (b): a doc in both gets a's sum plus b's contribution, in that order. */
function merge2(aDocs: Int32Array, aScores: Float64Array, aLen: number, b: List, g: Gate, sink: Sink): number {
  const { docs: bDocs, q, w } = b;
  const { hits, scores, top } = sink;
  const { exclude, keep } = g;
  const exLen = exclude.length;
  let x = 0;
  const bLen = bDocs.length;
  let i = 0;
  let j = 0;
  let n = 0;
  for (;;) {
    let d: number;
    let s: number;
    if (i < aLen && (j >= bLen || aDocs[i] < bDocs[j])) {
      d = aDocs[i];
      s = aScores[i++];
    } else if (j < bLen) {
      d = bDocs[j];
      const c = w * q[j++];
      if (i < aLen && aDocs[i] === d) s = aScores[i++] + c;
      else s = c;
    } else return n;
    if (x < exLen && exclude[x] <= d) {
      if (exclude[x] < d) x = gallop(exclude, x, d);
      if (x < exLen && exclude[x] === d) continue;
    }
    if (keep !== null && !keep(d)) continue;
    if (hits !== null) hits[n] = d;
    if (scores !== null) scores[n] = s;
    n++;
    if (top !== null && s >= top.floor) top.offer(s, d);
  }
}

/** Two lists merged directly (a word in title and abstract): no intermediate buffer. */
function mergeLists(a: List, b: List, g: Gate, sink: Sink): number {
  const { docs: aDocs, q: aQ, w: aW } = a;
  const { docs: bDocs, q: bQ, w: bW } = b;
  const { hits, scores, top } = sink;
  const { exclude, keep } = g;
  const exLen = exclude.length;
  let x = 0;
  const aLen = aDocs.length;
  const bLen = bDocs.length;
  let i = 0;
  let j = 0;
  let n = 0;
  for (;;) {
    let d: number;
    let s: number;
    if (i < aLen && (j >= bLen || aDocs[i] <= bDocs[j])) {
      d = aDocs[i];
      s = aW * aQ[i++];
      if (j < bLen && bDocs[j] === d) s += bW * bQ[j++];
    } else if (j < bLen) {
      d = bDocs[j];
      s = bW * bQ[j++];
    } else return n;
    if (x < exLen && exclude[x] <= d) {
      if (exclude[x] < d) x = gallop(exclude, x, d);
      if (x < exLen && exclude[x] === d) continue;
    }
    if (keep !== null && !keep(d)) continue;
    if (hits !== null) hits[n] = d;
    if (scores !== null) scores[n] = s;
    n++;
    if (top !== null && s >= top.floor) top.offer(s, d);
  }
}
