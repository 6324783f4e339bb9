/**
 * BM25's per-posting factor without the query weight: tf / (tf + K1·(1 − b + b·len/avgLen)). A term's score in
 * a doc is weight · (K1 + 1) · impact. Every scoring loop multiplies the same stored impacts, so scores are
 * bit-identical on every path, and the loops read one sequential array instead of each doc's length (a random
 * memory access per hit).
 */
import { CACHE_MIN_DF, type Postings } from "../index/postings.js";
import { float64s } from "../util/slab.js";

export const K1 = 1.2;
export const B = 0.75;

/** The last table built per field's lengths (the average changes only when segments change). */
const tables = new WeakMap<Uint16Array, { avg: number; table: Float64Array }>();

/** K1 · (1 − b + b · len / avgLen) for every length that occurs: one table lookup per posting. */
function normTable(avg: number, lens: Uint16Array): Float64Array {
  const memo = tables.get(lens);
  if (memo && memo.avg === avg) return memo.table;
  let max = 0;
  for (let i = 0; i < lens.length; i++) if (lens[i] > max) max = lens[i];
  const table = new Float64Array(max + 1);
  for (let l = 0; l <= max; l++) table[l] = K1 * (1 - B + (B * l) / avg);
  tables.set(lens, { avg, table });
  return table;
}

export function computeImpacts(p: Postings, lens: Uint16Array, avgLen: number): Float64Array {
  const { docs, tfs } = p;
  const norm = normTable(avgLen, lens);
  // a list too short for the postings LRU is scored once per query: carve its impacts (util/slab.ts)
  const out = docs.length < CACHE_MIN_DF ? float64s(docs.length) : new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const tf = tfs[i];
    out[i] = tf / (tf + norm[lens[docs[i]]]);
  }
  return out;
}
