/**
 * Replay mode (`npm run bench -- --replay 200`): the standard run times a few queries per class 30+ times each, so
 * after the first run every posting list it needs is decoded and cached. A city's users send thousands of different
 * queries. Here each class gets many distinct queries from the same selection rules; every other one is used only
 * for the global warm-up (JIT, page cache), and the rest are each run ONCE, cold for their own terms, and timed.
 */
import type { BenchQuery } from "./query-ast.ts";

export function replaySplit(queries: BenchQuery[]): BenchQuery[] {
  const seen = new Map<string, number>();
  return queries.map((q) => {
    const i = seen.get(q.cls) ?? 0;
    seen.set(q.cls, i + 1);
    // a class with one query (facet-100% per facet, lookup-10k) keeps it timed
    return i % 2 === 1 ? { ...q, id: `warm-${q.id}`, warmup: true } : q;
  });
}

export const isWarmup = (q: BenchQuery): boolean => q.warmup === true;
