/**
 * A bitmap view of a long, dense postings list (a word in over 1/32 of the segment's docs: 一种, 用于): membership is
 * one bit test and a doc's index in the list one popcount, in arrays of a few hundred KB that stay in cache,
 * where probing the 4-byte-per-doc list itself makes a scattered memory access per probe.
 * Built once per list (lists are immutable) and kept while the list lives.
 */
const MIN_DENSITY = 32; // the list holds at least one doc in 32
const MIN_LENGTH = 4096;

export interface DenseView {
  bits: Uint32Array; // bit d set when d is in the list
  ranks: Uint32Array; // list index of the first doc of each 32-doc word
}

const views = new WeakMap<Int32Array, DenseView | null>();

export function denseOf(a: Int32Array): DenseView | null {
  if (a.length < MIN_LENGTH) return null; // short lists: no view, and no WeakMap entry per transient array
  let v = views.get(a);
  if (v === undefined) {
    v = null;
    const universe = a.length > 0 ? a[a.length - 1] + 1 : 0;
    if (a.length * MIN_DENSITY >= universe) {
      const words = (universe >> 5) + 1;
      const bits = new Uint32Array(words);
      for (let i = 0; i < a.length; i++) bits[a[i] >> 5] |= 1 << (a[i] & 31);
      const ranks = new Uint32Array(words);
      let r = 0;
      for (let w = 0; w < words; w++) {
        ranks[w] = r;
        r += popcount(bits[w]);
      }
      v = { bits, ranks };
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
  const w = d >> 5;
  if (w >= v.bits.length) return -1;
  const word = v.bits[w];
  const bit = 1 << (d & 31);
  if ((word & bit) === 0) return -1;
  return v.ranks[w] + popcount(word & (bit - 1));
}

export function denseHas(v: DenseView, d: number): boolean {
  const w = d >> 5;
  return w < v.bits.length && (v.bits[w] & (1 << (d & 31))) !== 0;
}
