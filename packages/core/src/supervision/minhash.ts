/**
 * Near-duplicate detection: character shingles → MinHash signatures → LSH banding for candidate pairs → exact
 * Jaccard on the shingle sets to confirm. Candidates that LSH proposes are always checked exactly, so a reported pair
 * is never a false positive; a pair with Jaccard well above the threshold is missed only with tiny probability.
 */
export interface MinHashOptions {
  /** Shingle length in characters (3 suits Chinese and short English text). */
  k: number;
  bands: number;
  rows: number;
  seed: number;
}

export const DEFAULT_MINHASH: MinHashOptions = { k: 3, bands: 16, rows: 8, seed: 0x5eed };

/** Lower-case, punctuation and whitespace removed: wording differences in spacing or punctuation do not count. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** 32-bit FNV-1a of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed k-character shingles of the normalised text (a text shorter than k is one shingle). */
export function shingles(text: string, k: number = DEFAULT_MINHASH.k): Set<number> {
  const t = normaliseText(text);
  const out = new Set<number>();
  if (t.length === 0) return out;
  if (t.length < k) {
    out.add(fnv1a(t));
    return out;
  }
  for (let i = 0; i + k <= t.length; i++) out.add(fnv1a(t.slice(i, i + k)));
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The n per-permutation seeds, deterministic for one seed. */
function permutationSeeds(n: number, seed: number): Uint32Array {
  const s = new Uint32Array(n);
  for (let i = 0; i < n; i++) s[i] = mix32(seed + Math.imul(i + 1, 0x9e3779b9));
  return s;
}

export function signature(set: Set<number>, opts: MinHashOptions = DEFAULT_MINHASH): Uint32Array {
  const n = opts.bands * opts.rows;
  const seeds = permutationSeeds(n, opts.seed);
  const sig = new Uint32Array(n).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < n; i++) {
      const h = mix32(x ^ seeds[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

export interface NearDuplicatePair {
  a: number;
  b: number;
  jaccard: number;
}

export interface DocInput {
  id: number;
  text: string;
}

/**
 * An LSH index filled one document at a time (so a caller can yield between batches), then asked for every pair
 * whose shingle sets have Jaccard ≥ threshold — candidates from shared bands, each confirmed by exact Jaccard.
 * Documents with fewer than `minShingles` shingles are skipped (too short to judge).
 */
export class LshIndex {
  private readonly sets: Set<number>[] = [];
  private readonly ids: number[] = [];
  private readonly buckets = new Map<string, number[]>();

  constructor(
    private readonly opts: MinHashOptions = DEFAULT_MINHASH,
    private readonly minShingles = 8,
  ) {}

  get size(): number {
    return this.sets.length;
  }

  add(id: number, text: string): void {
    const { k, bands, rows } = this.opts;
    const set = shingles(text, k);
    if (set.size < this.minShingles) return;
    const idx = this.sets.length;
    this.sets.push(set);
    this.ids.push(id);
    const sig = signature(set, this.opts);
    for (let b = 0; b < bands; b++) {
      let key = `${b}:`;
      for (let r = 0; r < rows; r++) key += `${sig[b * rows + r].toString(36)},`;
      const list = this.buckets.get(key);
      if (list) list.push(idx);
      else this.buckets.set(key, [idx]);
    }
  }

  /** Confirmed pairs, highest similarity first (ties by ids). */
  pairs(threshold: number): NearDuplicatePair[] {
    const seen = new Set<number>();
    const out: NearDuplicatePair[] = [];
    const n = this.sets.length;
    for (const list of this.buckets.values()) {
      if (list.length < 2) continue;
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const [x, y] = list[i] < list[j] ? [list[i], list[j]] : [list[j], list[i]];
          const key = x * n + y;
          if (seen.has(key)) continue;
          seen.add(key);
          const s = jaccard(this.sets[x], this.sets[y]);
          if (s < threshold) continue;
          const [a, b] = this.ids[x] < this.ids[y] ? [this.ids[x], this.ids[y]] : [this.ids[y], this.ids[x]];
          out.push({ a, b, jaccard: s });
        }
    }
    return out.sort((p, q) => q.jaccard - p.jaccard || p.a - q.a || p.b - q.b);
  }
}

/** Every pair of documents with Jaccard ≥ threshold, through LSH (see LshIndex). */
export function nearDuplicates(
  docs: DocInput[],
  threshold: number,
  opts: MinHashOptions = DEFAULT_MINHASH,
  minShingles = 8,
): NearDuplicatePair[] {
  const index = new LshIndex(opts, minShingles);
  for (const d of docs) index.add(d.id, d.text);
  return index.pairs(threshold);
}

/** The same answer by comparing every pair: the reference the tests hold LSH to. */
export function nearDuplicatesBruteForce(
  docs: DocInput[],
  threshold: number,
  k = DEFAULT_MINHASH.k,
  minShingles = 8,
): NearDuplicatePair[] {
  const items = docs.map((d) => ({ id: d.id, set: shingles(d.text, k) })).filter((d) => d.set.size >= minShingles);
  const out: NearDuplicatePair[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const s = jaccard(items[i].set, items[j].set);
      if (s >= threshold) {
        const [a, b] = items[i].id < items[j].id ? [items[i].id, items[j].id] : [items[j].id, items[i].id];
        out.push({ a, b, jaccard: s });
      }
    }
  return out.sort((p, q) => q.jaccard - p.jaccard || p.a - q.a || p.b - q.b);
}
