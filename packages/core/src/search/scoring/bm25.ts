/**
 * BM25 per field, summed over fields with weights: a match in the title counts most.
 *   TI 3 · AB 1.5 · CL 1 · AP/IN/AGC 1;  k1 = 1.2, b = 0.75.
 * Statistics (doc count, df, average length) are global over all segments, so a document's score does not
 * depend on which segment it sits in.
 */
import type { Segment, TextFieldName } from "../index/segment.js";
import type { SegmentExecutor } from "../query/executor.js";
import { denseIndex, denseOf } from "../util/dense.js";
import { seek, skipsOf } from "../util/setops.js";
import { float64s } from "../util/slab.js";
import { K1 } from "./impacts.js";

export const FIELD_WEIGHTS: Record<TextFieldName, number> = { ti: 3, ab: 1.5, cl: 1, ap: 1, in: 1, agc: 1 };

/** A list more than this many times longer than the hits is searched per hit instead of merged. */
const GALLOP_RATIO = 8;
const DF_MEMO_MAX = 50_000;

export class GlobalStats {
  readonly docCount: number;
  private avg = new Map<TextFieldName, number>();
  private dfMemo = new Map<string, number>();
  constructor(private readonly segments: Segment[]) {
    this.docCount = segments.reduce((n, s) => n + s.maxDoc, 0);
  }

  avgLen(field: TextFieldName): number {
    let a = this.avg.get(field);
    if (a === undefined) {
      const total = this.segments.reduce((n, s) => n + s.d.text[field].totalLen, 0);
      a = this.docCount > 0 ? Math.max(1, total / this.docCount) : 1;
      this.avg.set(field, a);
    }
    return a;
  }

  idf(field: TextFieldName, term: string): number {
    const key = `${field}:${term}`;
    let df = this.dfMemo.get(key);
    if (df === undefined) {
      // the engine keeps one GlobalStats while its segments are unchanged: bound the memo
      if (this.dfMemo.size >= DF_MEMO_MAX) this.dfMemo.clear();
      df = 0;
      for (const s of this.segments) {
        const f = s.d.text[field];
        const t = f.dict.find(term);
        if (t >= 0) df += f.df[t];
      }
      this.dfMemo.set(key, df);
    }
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }
}

export interface ScoringTerm {
  field: TextFieldName;
  t: number; // dictionary index in the segment
  weight: number; // field weight × idf
}

/**
 * Scores of `hits` (sorted local docs), term at a time. When hits cover most postings a dense per-segment
 * accumulator is used (add every posting, read the hits, then zero what was touched); otherwise each postings
 * list is merged against the hit list so non-hits cost only a comparison.
 */
export function scoreHits(
  exec: SegmentExecutor,
  hits: Int32Array,
  terms: ScoringTerm[],
  stats: GlobalStats,
): Float64Array {
  const scores = float64s(hits.length);
  if (hits.length === 0 || terms.length === 0) return scores;
  const seg = exec.seg;
  // dense pays off only when most postings belong to hits (OR-like queries); for phrases and ANDs most
  // postings are misses, which the merge skips with a comparison instead of an add and a reset
  let postings = 0;
  for (const st of terms) postings += seg.d.text[st.field].df[st.t];
  const dense =
    hits.length * 2 >= postings && !(terms.length === 1 && exec.postings(terms[0].field, terms[0].t).docs === hits);
  let acc: Float64Array | null = null;
  if (dense) {
    if (!seg.scratch || seg.scratch.length !== seg.maxDoc) seg.scratch = new Float64Array(seg.maxDoc);
    acc = seg.scratch;
  }
  // every contribution (weight · (K1 + 1) · impact) is added term by term in `terms` order, whichever loop
  // runs, so a document's score is bit-identical however it was reached (pages walked by cursor must agree
  // with exports)
  for (const st of terms) {
    const { docs } = exec.postings(st.field, st.t);
    const q = exec.impacts(st.field, st.t, stats.avgLen(st.field));
    const w = st.weight * (K1 + 1);
    if (acc) addDense(acc, docs, q, w);
    else if (docs === hits) addAligned(scores, q, w);
    // a merge pays about one mispredicted branch per posting (~6 ns here), a seek a few comparisons per hit
    // (a dense list's bitmap: one cached read)
    else if (docs.length > hits.length * GALLOP_RATIO || (docs.length > hits.length * 2 && denseOf(docs) !== null))
      addGallop(scores, hits, docs, q, w);
    else addMerge(scores, hits, docs, q, w);
  }
  if (acc) {
    gather(scores, acc, hits);
    for (const st of terms) clear(acc, exec.postings(st.field, st.t).docs);
  }
  return scores;
}

// The loops below are separate small functions so each stays monomorphic and fully optimised.

function addDense(acc: Float64Array, docs: Int32Array, q: Float64Array, w: number): void {
  for (let i = 0; i < docs.length; i++) acc[docs[i]] += w * q[i];
}

/** A single word: the hits are its postings. */
function addAligned(scores: Float64Array, q: Float64Array, w: number): void {
  for (let i = 0; i < q.length; i++) scores[i] += w * q[i];
}

/** A long list against few hits: jump to each hit. */
function addGallop(scores: Float64Array, hits: Int32Array, docs: Int32Array, q: Float64Array, w: number): void {
  const dv = denseOf(docs);
  if (dv !== null) {
    for (let j = 0; j < hits.length; j++) {
      const i = denseIndex(dv, hits[j]);
      if (i >= 0) scores[j] += w * q[i];
    }
    return;
  }
  const skips = skipsOf(docs);
  let i = 0;
  for (let j = 0; j < hits.length; j++) {
    const d = hits[j];
    i = seek(docs, skips, i, d);
    if (i === docs.length) break;
    if (docs[i] === d) scores[j] += w * q[i];
  }
}

function addMerge(scores: Float64Array, hits: Int32Array, docs: Int32Array, q: Float64Array, w: number): void {
  const nHits = hits.length;
  let j = 0;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    while (j < nHits && hits[j] < d) j++;
    if (j === nHits) break;
    if (hits[j] === d) scores[j] += w * q[i];
  }
}

function gather(scores: Float64Array, acc: Float64Array, hits: Int32Array): void {
  for (let i = 0; i < hits.length; i++) scores[i] = acc[hits[i]];
}

function clear(acc: Float64Array, docs: Int32Array): void {
  for (let i = 0; i < docs.length; i++) acc[docs[i]] = 0;
}
