/**
 * Positional matching: phrases (consecutive tokens, e.g. the bigrams of a CJK word) and NEAR/PRE.
 * Candidates come from intersecting doc lists first; positions are decoded only for those candidates.
 */
import { termHasPositions } from "../analysis/analyzer.js";
import type { Postings } from "../index/postings.js";
import { decodePositions } from "../index/postings.js";
import type { TextField } from "../index/segment.js";
import { GrowableInt32 } from "../util/growable.js";
import { EMPTY, intersect } from "../util/setops.js";

export interface PhraseTerm {
  t: number; // dictionary index (-1: a single CJK character without its own unigram)
  rel: number; // position relative to the phrase start
  term: string;
  /** Single CJK character: the docs containing it (presence only, no positions). */
  docs?: Int32Array;
}

/** Docs plus, per doc, the start positions of the matches (CSR). starts === null: positions unknown. */
export interface Matches {
  docs: Int32Array;
  offs: Int32Array | null;
  starts: Int32Array | null;
}

export function phraseMatches(
  f: TextField,
  terms: PhraseTerm[],
  postings: (t: number) => Postings,
  restrict: Int32Array | null,
  wantStarts: boolean,
): Matches {
  const lists = terms.map((x) => x.docs ?? postings(x.t).docs).sort((a, b) => a.length - b.length);
  let cand = restrict ?? lists[0];
  for (const l of lists) {
    if (cand.length === 0) break;
    if (l !== cand) cand = intersect(cand, l);
  }
  const positional = terms.filter((x) => !x.docs && termHasPositions(x.term));
  // one-character CJK terms have no positions: they only require presence (documented approximation)
  if (positional.length === 0) return { docs: cand, offs: null, starts: null };
  if (positional.length === 1 && !wantStarts) return { docs: cand, offs: null, starts: null };
  if (cand.length === 0) return { docs: EMPTY, offs: new Int32Array(1), starts: EMPTY };
  const pos = positional.map((x) => decodePositions(f, x.t, postings(x.t), cand));
  const base = positional[0];
  const docs = new Int32Array(cand.length);
  const offs = new Int32Array(cand.length + 1);
  const starts = new GrowableInt32(Math.min(1024, cand.length * 2 + 8));
  let n = 0;
  for (let i = 0; i < cand.length; i++) {
    const p0 = pos[0];
    const before = starts.length;
    for (let a = p0.offs[i]; a < p0.offs[i + 1]; a++) {
      const start = p0.positions[a] - base.rel;
      let ok = true;
      for (let j = 1; j < positional.length && ok; j++) {
        ok = contains(pos[j].positions, pos[j].offs[i], pos[j].offs[i + 1], start + positional[j].rel);
      }
      if (ok) starts.push(start);
    }
    if (starts.length > before) {
      docs[n++] = cand[i];
      offs[n] = starts.length;
    }
  }
  return { docs: docs.slice(0, n), offs: offs.slice(0, n + 1), starts: starts.toArray() };
}

/** Whether sorted a[from .. to) holds x. */
export function contains(a: Int32Array, from: number, to: number, x: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && a[lo] === x;
}

/**
 * NEAR/n: at most n positions between the two matches, either order (overlap counts as near);
 * PRE/n: right starts after left ends, with at most n positions between.
 * Both say: right's start minus left's start lies in lo ..= hi. Unordered, right may end up to n positions
 * before left starts (lo = -(rightSpan + n)), overlap anywhere, or start up to n positions after left ends
 * (hi = leftSpan + n); ordered, it starts after left ends (lo = leftSpan).
 */
export function nearWindow(leftSpan: number, rightSpan: number, n: number, ordered: boolean): [number, number] {
  return [ordered ? leftSpan : -(rightSpan + n), leftSpan + n];
}

/** Whether some pb in b[bFrom .. bTo) and pa in a[aFrom .. aTo) (both ascending) have lo <= pb - pa <= hi. */
export function windowHit(
  a: Int32Array,
  aFrom: number,
  aTo: number,
  b: Int32Array,
  bFrom: number,
  bTo: number,
  lo: number,
  hi: number,
): boolean {
  let j = bFrom;
  for (let i = aFrom; i < aTo; i++) {
    // the first pb not too far left of this pa; as pa grows it only moves right
    const min = a[i] + lo;
    while (j < bTo && b[j] < min) j++;
    if (j === bTo) return false;
    if (b[j] <= a[i] + hi) return true;
  }
  return false;
}

export function nearMatches(
  left: Matches,
  leftSpan: number,
  right: Matches,
  rightSpan: number,
  n: number,
  ordered: boolean,
): Int32Array {
  const cand = intersect(left.docs, right.docs);
  if (!left.starts || !right.starts || !left.offs || !right.offs) return cand; // positions unknown
  const [lo, hi] = nearWindow(leftSpan, rightSpan, n, ordered);
  const out = new Int32Array(cand.length);
  let k = 0;
  let li = 0;
  let ri = 0;
  for (let c = 0; c < cand.length; c++) {
    const d = cand[c];
    while (left.docs[li] < d) li++;
    while (right.docs[ri] < d) ri++;
    const hit = windowHit(
      left.starts,
      left.offs[li],
      left.offs[li + 1],
      right.starts,
      right.offs[ri],
      right.offs[ri + 1],
      lo,
      hi,
    );
    if (hit) out[k++] = d;
  }
  return out.slice(0, k);
}
