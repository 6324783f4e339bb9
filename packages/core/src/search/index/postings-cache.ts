/**
 * An LRU of decoded postings for long lists. Frequent terms (装置, 方法) recur across queries, and decoding a
 * list of hundreds of thousands of varints is the largest fixed cost of a query; short lists decode in
 * microseconds and are never cached. The budget bounds memory (docs + tfs = 6 bytes per posting).
 */
import type { Postings } from "./postings.js";

export const CACHE_MIN_DF = 4096;
export const CACHE_BUDGET_BYTES = 256 * 1024 * 1024;

const lru = new Map<string, Postings>();
let bytes = 0;

export function cachedPostings(key: string): Postings | undefined {
  const p = lru.get(key);
  if (p) {
    lru.delete(key);
    lru.set(key, p);
  }
  return p;
}

export function cachePostings(key: string, p: Postings): void {
  if (p.docs.length < CACHE_MIN_DF || lru.has(key)) return;
  lru.set(key, p);
  bytes += p.docs.byteLength + p.tfs.byteLength;
  while (bytes > CACHE_BUDGET_BYTES && lru.size > 0) {
    const [k, old] = lru.entries().next().value as [string, Postings];
    lru.delete(k);
    bytes -= old.docs.byteLength + old.tfs.byteLength;
  }
}
