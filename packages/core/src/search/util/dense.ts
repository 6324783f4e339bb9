/**
 * A bitmap view of a long, dense postings list (a word in over 1/32 of the segment's docs: 一种, 用于): membership is
 * one bit test and a doc's index in the list one popcount, in arrays of a few hundred KB that stay in cache,
 * where probing the 4-byte-per-doc list itself makes a scattered memory access per probe.
 * Built once per list (lists are immutable) and kept while the list lives.
 */
const MIN_DENSITY = 32; // the list holds at least one doc in 32
const MIN_LENGTH = 4096;

export interface DenseView {
  /**
   * Per 32-doc word w: words[2w] has bit d set when doc 32w + d is in the list, words[2w + 1] is the list index of
   * the word's first doc. Interleaved so that a lookup reads one cache line, not one in each of two arrays.
   */
  words: Uint32Array;
}

const views = new WeakMap<Int32Array, DenseView | null>();

export function denseOf(a: Int32Array): DenseView | null {
  if (a.length < MIN_LENGTH) return null; // short lists: no view, and no WeakMap entry per transient array
  let v = views.get(a);
  if (v === undefined) {
    v = null;
    const universe = a.length > 0 ? a[a.length - 1] + 1 : 0;
    if (a.length * MIN_DENSITY >= universe) {
      const n = (universe >> 5) + 1;
      const words = new Uint32Array(2 * n);
      for (let i = 0; i < a.length; i++) words[2 * (a[i] >> 5)] |= 1 << (a[i] & 31);
      let r = 0;
      for (let w = 0; w < n; w++) {
        words[2 * w + 1] = r;
        r += popcount(words[2 * w]);
      }
      v = { words };
    }
    views.set(a, v);
  }
  return v;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Index of doc d in the list, or -1 when absent. */
export function denseIndex(v: DenseView, d: number): number {
  const w = 2 * (d >> 5);
  if (w >= v.words.length) return -1;
  const word = v.words[w];
  const bit = 1 << (d & 31);
  if ((word & bit) === 0) return -1;
  return v.words[w + 1] + popcount(word & (bit - 1));
}

export function denseHas(v: DenseView, d: number): boolean {
  const w = 2 * (d >> 5);
  return w < v.words.length && (v.words[w] & (1 << (d & 31))) !== 0;
}
