/**
 * An LRU of decoded postings for long lists. Frequent terms (装置, 方法) recur across queries, and decoding a
 * list of hundreds of thousands of varints is the largest fixed cost of a query; short lists decode in
 * microseconds and are never cached. The budget bounds memory: docs + tfs = 6 bytes per posting, plus the
 * 8-byte impacts once a query has scored the list (see scoring/bm25.ts).
 */
import type { Postings } from "./postings.js";

export const CACHE_MIN_DF = 1024;
export const CACHE_BUDGET_BYTES = 256 * 1024 * 1024;

const lru = new Map<string, { p: Postings; bytes: number }>();
let bytes = 0;

function sizeOf(p: Postings): number {
  return p.docs.byteLength + p.tfs.byteLength + (p.impacts?.byteLength ?? 0) + (p.posStarts?.byteLength ?? 0);
}

export function cachedPostings(key: string): Postings | undefined {
  const e = lru.get(key);
  if (e) {
    lru.delete(key);
    lru.set(key, e);
  }
  return e?.p;
}

export function cachePostings(key: string, p: Postings): void {
  if (p.docs.length < CACHE_MIN_DF || lru.has(key)) return;
  const size = sizeOf(p);
  lru.set(key, { p, bytes: size });
  bytes += size;
  evict();
}

/** Re-counts a cached list after something was added to it (impacts, position offsets). */
export function recountPostings(key: string): void {
  const e = lru.get(key);
  if (!e) return;
  const size = sizeOf(e.p);
  bytes += size - e.bytes;
  e.bytes = size;
  evict();
}

function evict(): void {
  while (bytes > CACHE_BUDGET_BYTES && lru.size > 1) {
    const [k, old] = lru.entries().next().value as [string, { p: Postings; bytes: number }];
    lru.delete(k);
    bytes -= old.bytes;
  }
}
