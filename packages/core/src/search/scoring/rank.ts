/**
 * Sort keys and top-k. Every order is a total order on (key asc, external id asc):
 *   relevance  key = -score (no scored words: key 0, so the order is by id)
 *   date_desc  key = -date, unknown dates last;  date_asc  key = date, unknown last  (date = ad, else pd)
 *   app_no     key = application number (string), empty last
 * Inside a segment app_no uses the dictionary ordinal (same order as the string) so the loops stay numeric.
 */
import type { Segment } from "../index/segment.js";
import type { SortOrder } from "../types.js";
import type { CursorPos } from "./cursor.js";

export const UNKNOWN = 1e15; // sorts after every real key

export interface Candidate {
  id: number;
  score: number;
  key: number | string;
}

/** Numeric in-segment sort keys of the hits for the date and application-number orders. */
export function localKeys(seg: Segment, hits: Int32Array, sort: Exclude<SortOrder, "relevance">): Float64Array {
  const keys = new Float64Array(hits.length);
  if (sort === "app_no") {
    const kf = seg.d.kw.an;
    const emptyOrd = kf.dict.size > 0 && kf.dict.compare(0, "") === 0 ? 0 : -1;
    for (let i = 0; i < hits.length; i++) {
      const o = kf.ords[hits[i]];
      keys[i] = o === emptyOrd ? UNKNOWN : o;
    }
  } else {
    const { ad, pd } = seg.d;
    const sign = sort === "date_desc" ? -1 : 1;
    for (let i = 0; i < hits.length; i++) {
      const d = hits[i];
      const date = ad[d] !== 0 ? ad[d] : pd[d];
      keys[i] = date > 0 ? sign * date : UNKNOWN;
    }
  }
  return keys;
}

/** The cursor's key in this segment's key space (app_no: between ordinals when the number is absent). */
export function localCursorKey(seg: Segment, sort: SortOrder, c: CursorPos): number {
  if (sort !== "app_no") return c.key as number;
  const s = c.key as string;
  if (s === "") return UNKNOWN;
  const dict = seg.d.kw.an.dict;
  const lb = dict.lowerBound(s);
  return lb < dict.size && dict.compare(lb, s) === 0 ? lb : lb - 0.5;
}

export function globalKey(seg: Segment, sort: SortOrder, doc: number, localKey: number): number | string {
  if (sort !== "app_no") return localKey;
  return localKey === UNKNOWN ? "" : seg.d.kw.an.dict.get(seg.d.kw.an.ords[doc]);
}

export function compareCandidates(sort: SortOrder, a: Candidate, b: Candidate): number {
  if (sort === "app_no") {
    const x = a.key as string;
    const y = b.key as string;
    if (x !== y) {
      if (x === "") return 1;
      if (y === "") return -1;
      return x < y ? -1 : 1;
    }
  } else if (a.key !== b.key) return (a.key as number) - (b.key as number);
  return a.id - b.id;
}

/**
 * Indexes (into hits) of the `k` first hits strictly after the cursor by (key asc, id asc), best first, and how
 * many hits lie after the cursor in total (date and number orders; relevance uses scoring/collector.ts). A
 * bounded max-heap keeps this O(n log k) with no per-hit allocation.
 */
export function topK(
  keys: Float64Array,
  ids: Uint32Array,
  hits: Int32Array,
  k: number,
  after: { key: number; id: number } | null,
): { order: Int32Array; afterCount: number } {
  const heap = new Int32Array(Math.max(1, Math.min(k, hits.length))); // k may exceed the hits
  let size = 0;
  let afterCount = 0;
  const worse = (a: number, b: number): boolean =>
    keys[a] > keys[b] || (keys[a] === keys[b] && ids[hits[a]] > ids[hits[b]]);
  // the heap root (worst kept hit), cached so most hits are rejected by two comparisons
  let rootKey = Number.POSITIVE_INFINITY;
  let rootId = 0;
  const afterKey = after ? after.key : Number.NEGATIVE_INFINITY;
  const afterId = after ? after.id : -1;
  for (let i = 0; i < hits.length; i++) {
    const key = keys[i];
    if (key < afterKey) continue;
    if (key === afterKey && ids[hits[i]] <= afterId) continue;
    afterCount++;
    if (size === k) {
      if (key > rootKey || (key === rootKey && ids[hits[i]] > rootId)) continue;
      if (k === 0) continue;
      heap[0] = i;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < size && worse(heap[l], heap[m])) m = l;
        if (r < size && worse(heap[r], heap[m])) m = r;
        if (m === c) break;
        const tmp = heap[c];
        heap[c] = heap[m];
        heap[m] = tmp;
        c = m;
      }
    } else {
      let c = size++;
      heap[c] = i;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(heap[c], heap[p])) break;
        const tmp = heap[c];
        heap[c] = heap[p];
        heap[p] = tmp;
        c = p;
      }
    }
    if (size === k && k > 0) {
      rootKey = keys[heap[0]];
      rootId = ids[hits[heap[0]]];
    }
  }
  const order = Array.from(heap.subarray(0, size)).sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  return { order: Int32Array.from(order), afterCount };
}

/**
 * Top-k when every hit has the same key (relevance without scored words, e.g. filters only): the order is by
 * external id. When the segment's ids ascend with doc order this is a binary search, not a pass over the hits.
 */
export function topKUnscored(
  seg: Segment,
  hits: Int32Array,
  k: number,
  after: { key: number; id: number } | null,
): { order: Int32Array; afterCount: number } {
  const ids = seg.d.ids;
  if (!seg.idsAscending) return topK(new Float64Array(hits.length), ids, hits, k, after);
  let start = 0;
  if (after && after.key > 0) start = hits.length;
  else if (after && after.key === 0) {
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[hits[mid]] <= after.id) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const n = Math.max(0, Math.min(k, hits.length - start));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = start + i;
  return { order, afterCount: hits.length - start };
}

/** All hits in order (exports). */
export function sortAll(keys: Float64Array, ids: Uint32Array, hits: Int32Array): Int32Array {
  const idx = Array.from({ length: hits.length }, (_, i) => i);
  idx.sort((a, b) => keys[a] - keys[b] || ids[hits[a]] - ids[hits[b]]);
  return Int32Array.from(idx);
}
