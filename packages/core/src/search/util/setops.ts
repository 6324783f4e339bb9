/**
 * Set algebra on sorted, duplicate-free Int32Arrays of segment-local doc ids. Every query node evaluates to one
 * of these, so they are the executor's hot loops: no allocation beyond the result array.
 */

import { denseHas, denseOf } from "./dense.js";

export const EMPTY = new Int32Array(0);

/** First index i >= from with a[i] >= x (a.length when none): exponential steps, then binary search. */
export function gallop(a: Int32Array, from: number, x: number): number {
  let lo = from;
  if (lo >= a.length || a[lo] >= x) return lo;
  let step = 1;
  let hi = lo + 1;
  while (hi < a.length && a[hi] < x) {
    lo = hi;
    step <<= 1;
    hi += step;
  }
  if (hi > a.length) hi = a.length;
  // a[lo] < x, and a[hi] >= x or hi === a.length
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Skip tables: the first doc of every 64-doc block of a long list, in an array small enough to stay in cache.
 * A seek gallops over the table, then scans one block (a few adjacent cache lines), where a plain gallop over a
 * 600,000-entry list makes a dozen scattered reads. Built once per list (lists are immutable) and kept while the
 * list lives.
 */
const BLOCK_SHIFT = 6;
const SKIP_MIN_LENGTH = 2048;
const skipTables = new WeakMap<Int32Array, Int32Array>();

export function skipsOf(a: Int32Array): Int32Array | null {
  if (a.length < SKIP_MIN_LENGTH) return null;
  let s = skipTables.get(a);
  if (!s) {
    s = new Int32Array(((a.length - 1) >> BLOCK_SHIFT) + 1);
    for (let b = 0; b < s.length; b++) s[b] = a[b << BLOCK_SHIFT];
    skipTables.set(a, s);
  }
  return s;
}

/** Like gallop(a, from, x), through the list's skip table when it has one. */
export function seek(a: Int32Array, skips: Int32Array | null, from: number, x: number): number {
  if (from >= a.length || a[from] >= x) return from;
  if (skips === null) return gallop(a, from, x);
  let start = from;
  const next = (from >> BLOCK_SHIFT) + 1;
  if (next < skips.length && skips[next] <= x) {
    // the last block that starts at or before x
    let lo = next;
    let step = 1;
    let hi = lo + 1;
    while (hi < skips.length && skips[hi] <= x) {
      lo = hi;
      step <<= 1;
      hi += step;
    }
    if (hi > skips.length) hi = skips.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (skips[mid] <= x) lo = mid;
      else hi = mid;
    }
    start = lo << BLOCK_SHIFT;
    if (a[start] >= x) return start;
  }
  // a[start] < x; the answer is in this block or is the next block's first doc (which is > x)
  const end = Math.min(a.length, ((start >> BLOCK_SHIFT) + 1) << BLOCK_SHIFT);
  let i = start + 1;
  while (i < end && a[i] < x) i++;
  return i;
}

/**
 * Docs of `cand` that are (keep = true) or are not (keep = false) in the union of `lists`, without building
 * the union: each list keeps a galloping cursor, so a short candidate list costs O(|cand| · log gap) per list
 * however long the lists are ("一种 AND 教学" checks 5,000 candidates against 600,000 postings).
 */
export function filterByLists(cand: Int32Array, lists: Int32Array[], keep: boolean): Int32Array {
  if (cand.length === 0) return cand;
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return keep ? EMPTY : cand;
  const cursors = new Int32Array(nonEmpty.length);
  const skips = nonEmpty.map(skipsOf);
  const dense = nonEmpty.map(denseOf);
  const out = new Int32Array(cand.length);
  let n = 0;
  for (let i = 0; i < cand.length; i++) {
    const x = cand[i];
    let found = false;
    for (let k = 0; k < nonEmpty.length; k++) {
      const dv = dense[k];
      if (dv !== null) {
        if (denseHas(dv, x)) {
          found = true;
          break;
        }
        continue;
      }
      const l = nonEmpty[k];
      const c = seek(l, skips[k], cursors[k], x);
      cursors[k] = c;
      if (c < l.length && l[c] === x) {
        found = true;
        break;
      }
    }
    if (found === keep) out[n++] = x;
  }
  return n === out.length ? out : out.slice(0, n);
}

/** Galloping intersection when one side is much shorter; a linear merge otherwise. */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  if (a.length === 0) return EMPTY;
  const out = new Int32Array(a.length);
  let n = 0;
  const dv = a.length * 16 < b.length ? denseOf(b) : null;
  if (dv !== null) {
    for (let i = 0; i < a.length; i++) if (denseHas(dv, a[i])) out[n++] = a[i];
  } else if (a.length * 16 < b.length) {
    const skips = skipsOf(b);
    let lo = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      lo = seek(b, skips, lo, x);
      if (lo >= b.length) break;
      if (b[lo] === x) out[n++] = x;
    }
  } else {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const x = a[i];
      const y = b[j];
      if (x === y) {
        out[n++] = x;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
  }
  return n === out.length ? out : out.slice(0, n);
}

export function union(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) {
      out[n++] = x;
      i++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out.slice(0, n);
}

/** Union of many lists: a byte mark per doc beats repeated pairwise merges once there are several big lists. */
export function unionMany(lists: Int32Array[], maxDoc: number): Int32Array {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0];
  let total = 0;
  for (const l of nonEmpty) total += l.length;
  if (total * 4 < maxDoc) {
    if (nonEmpty.length <= 4) {
      let acc = nonEmpty[0];
      for (let i = 1; i < nonEmpty.length; i++) acc = union(acc, nonEmpty[i]);
      return acc;
    }
    // many short lists (IPC ranges, truncation): concatenate, native sort, drop duplicates
    const all = new Int32Array(total);
    let n = 0;
    for (const l of nonEmpty) {
      all.set(l, n);
      n += l.length;
    }
    all.sort();
    let k = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[k++] = all[i];
    return all.subarray(0, k);
  }
  const mark = new Uint8Array(maxDoc);
  for (const l of nonEmpty) for (let i = 0; i < l.length; i++) mark[l[i]] = 1;
  return fromMask(mark, Math.min(total, maxDoc));
}

/** Docs d with mask[d] !== 0, ascending. */
export function fromMask(mask: Uint8Array, capacity: number): Int32Array {
  const out = new Int32Array(capacity);
  let n = 0;
  for (let d = 0; d < mask.length; d++) if (mask[d] !== 0) out[n++] = d;
  return n === out.length ? out : out.slice(0, n);
}

/** a minus b. */
export function difference(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0 || b.length === 0) return a;
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    while (j < b.length && b[j] < x) j++;
    if (j < b.length && b[j] === x) continue;
    out[n++] = x;
  }
  return n === out.length ? out : out.slice(0, n);
}

/** Keeps docs for which keep(doc) is true; the predicate is a typed-array test, so this stays cheap. */
export function filterDocs(docs: Int32Array, keep: (doc: number) => boolean): Int32Array {
  const out = new Int32Array(docs.length);
  let n = 0;
  for (let i = 0; i < docs.length; i++) if (keep(docs[i])) out[n++] = docs[i];
  return n === out.length ? out : out.slice(0, n);
}
