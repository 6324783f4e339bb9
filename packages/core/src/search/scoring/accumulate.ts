/**
 * Fast path for the most common query shapes: words (or ORs of words) ANDed together, optionally with date or
 * keyword filters and NOT clauses — "电池", "车辆 控制", "装置 AND AD>=2015", "TYPE=发明 AND 系统".
 *
 * One pass over the postings adds each BM25 contribution into a per-segment score accumulator and sets the
 * bit of its AND-group in a per-segment mark array; one sequential pass over the segment then yields the hits
 * (all group bits set, no NOT bit, filters pass, not deleted), their scores and an exact count, and zeroes both
 * arrays for the next query. The general path would union, intersect, then score in separate passes.
 */
import { termHasPositions } from "../analysis/analyzer.js";
import type { Segment } from "../index/segment.js";
import type { DateNode, FilterNode, QueryNode, TermNode } from "../query/ast.js";
import type { SegmentExecutor } from "../query/executor.js";
import { datePredicate, filterPredicate } from "../query/filters.js";
import { nodeTokens } from "../query/terms.js";
import { unionMany } from "../util/setops.js";
import { type GlobalStats, K1, normTable } from "./bm25.js";
import { positiveTerms, scoringTerms } from "./collect.js";

const NOT_BIT = 1 << 30;
const MAX_GROUPS = 30;
/** Below maxDoc / SPARSE_FACTOR postings, scanning the whole segment costs more than it saves. */
const SPARSE_FACTOR = 8;

export interface AccumulationPlan {
  groups: TermNode[][]; // AND of these; each group is an OR of single index terms
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

export function planAccumulation(ast: QueryNode): AccumulationPlan | null {
  const children = ast.kind === "and" ? ast.children : [ast];
  const plan: AccumulationPlan = { groups: [], filters: [], negatives: [] };
  for (const c of children) {
    if (c.kind === "date" || c.kind === "filter") plan.filters.push(c);
    else if (c.kind === "not") plan.negatives.push(c.child);
    else if (isPureDisjunction(c)) plan.groups.push(positiveTerms(c));
    else return null;
  }
  return plan.groups.length > 0 && plan.groups.length <= MAX_GROUPS ? plan : null;
}

function scratch(seg: Segment): { acc: Float64Array; mark: Int32Array } {
  if (!seg.scratch || seg.scratch.length !== seg.maxDoc) seg.scratch = new Float64Array(seg.maxDoc);
  if (!seg.markScratch || seg.markScratch.length !== seg.maxDoc) seg.markScratch = new Int32Array(seg.maxDoc);
  return { acc: seg.scratch, mark: seg.markScratch };
}

/**
 * Hits and scores, or null when the postings are too sparse for a pass over the whole segment to pay off
 * (the caller then uses the general path, which gives identical results).
 */
export function runAccumulation(
  exec: SegmentExecutor,
  plan: AccumulationPlan,
  stats: GlobalStats,
): { hits: Int32Array; scores: Float64Array } | null {
  const seg = exec.seg;
  // each distinct term once, in scoring order (so sums match the general path bit for bit), with the bits of
  // every group it belongs to
  const allTerms = plan.groups.flat();
  const scoring = scoringTerms(allTerms, exec, stats);
  let postings = 0;
  for (const st of scoring) postings += seg.d.text[st.field].df[st.t];
  if (postings * SPARSE_FACTOR < seg.maxDoc) return null;
  const { acc, mark } = scratch(seg);
  const bits = new Map<string, number>();
  plan.groups.forEach((group, g) => {
    for (const st of scoringTerms(group, exec, stats)) {
      const key = `${st.field}:${st.t}`;
      bits.set(key, (bits.get(key) ?? 0) | (1 << g));
    }
  });
  // one OR-group without NOT: every contribution is positive, so acc[d] !== 0 already means "hit"
  const useMark = plan.groups.length > 1 || plan.negatives.length > 0;
  let total = 0;
  for (const st of scoring) {
    const { docs, tfs } = exec.postings(st.field, st.t);
    const lens = seg.d.text[st.field].lens;
    const norm = normTable(stats.avgLen(st.field), lens);
    const w = st.weight * (K1 + 1);
    const b = bits.get(`${st.field}:${st.t}`)!;
    total += docs.length;
    if (!useMark) {
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        const tf = tfs[i];
        acc[d] += (w * tf) / (tf + norm[lens[d]]);
      }
      continue;
    }
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      const tf = tfs[i];
      acc[d] += (w * tf) / (tf + norm[lens[d]]);
      mark[d] |= b;
    }
  }
  if (plan.negatives.length > 0) {
    const neg = unionMany(
      plan.negatives.map((n) => exec.eval(n)),
      seg.maxDoc,
    );
    for (let i = 0; i < neg.length; i++) mark[neg[i]] |= NOT_BIT;
  }
  const full = plan.groups.length === 31 ? -1 : (1 << plan.groups.length) - 1;
  const preds = plan.filters.map((f) => (f.kind === "date" ? datePredicate(seg, f) : filterPredicate(seg, f)));
  const cap = Math.min(total, seg.maxDoc);
  const hits = new Int32Array(cap);
  const scores = new Float64Array(cap);
  const deleted = seg.deletedCount > 0 ? seg.d.deleted : null;
  let n = 0;
  if (!useMark) {
    for (let d = 0; d < acc.length; d++) {
      const v = acc[d];
      if (v === 0) continue;
      acc[d] = 0;
      if (deleted !== null && deleted[d] !== 0) continue;
      let ok = true;
      for (let k = 0; k < preds.length && ok; k++) ok = preds[k](d);
      if (!ok) continue;
      hits[n] = d;
      scores[n++] = v;
    }
    return { hits: hits.subarray(0, n), scores: scores.subarray(0, n) };
  }
  for (let d = 0; d < mark.length; d++) {
    const m = mark[d];
    if (m === 0) continue;
    const v = acc[d];
    mark[d] = 0; // leave both arrays zeroed for the next query
    acc[d] = 0;
    if (m !== full) continue;
    if (deleted !== null && deleted[d] !== 0) continue;
    let ok = true;
    for (let k = 0; k < preds.length && ok; k++) ok = preds[k](d);
    if (!ok) continue;
    hits[n] = d;
    scores[n++] = v;
  }
  return { hits: hits.subarray(0, n), scores: scores.subarray(0, n) };
}
