/**
 * An LRU of decoded postings for long lists. Frequent terms (装置, 方法) recur across queries, and decoding a
 * list of hundreds of thousands of varints is the largest fixed cost of a query; short lists decode in
 * microseconds and are never cached. The budget bounds memory: docs + tfs = 6 bytes per posting, plus the
 * 8-byte impacts once a query has scored the list (see scoring/bm25.ts).
 */
import { CACHE_MIN_DF, POS_INDEX_MIN_DF, type Postings } from "./postings.js";

export const CACHE_BUDGET_BYTES = 256 * 1024 * 1024;

const lru = new Map<string, { p: Postings; bytes: number }>();
let bytes = 0;

/** Position offsets of a long list are charged up front: they are built later, inside phrase matching. */
function sizeOf(p: Postings): number {
  const posStarts = p.docs.length >= POS_INDEX_MIN_DF ? (p.docs.length + 1) * 4 : 0;
  return p.docs.byteLength + p.tfs.byteLength + (p.impacts?.byteLength ?? 0) + posStarts;
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

/** Re-counts a cached list after its impacts were added. */
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
