import { SearchEngine } from "@zhichan/core/search/engine.ts";
import type { RegionResolver } from "@zhichan/core/search/types.ts";
import type { Db } from "../../db/connection.js";
import { docsInIdRange } from "./patent-docs.repository.js";

export interface BatchQuery {
  key: number;
  q: string;
}
/** The patents one import batch inserted: ids (after, upTo], contiguous (one writer, rowids max + 1). */
export interface InsertedRange {
  after: number;
  upTo: number;
}
/** Which of a batch's inserted patents each query matches (query key → patent ids). */
export type BatchMatcher = (range: InsertedRange, queries: readonly BatchQuery[]) => Promise<Map<number, number[]>>;

/**
 * Each query over exactly the range's documents in `engine` (SearchEngine.matcherAmong): a watched search costs
 * in proportion to the batch, not to its whole hit set (`TYPE=发明` would otherwise walk 49k hits per batch). A
 * query that no longer parses (the language changed since it was saved) matches nothing rather than stopping the
 * others.
 */
export function matchInEngine(
  engine: SearchEngine,
  range: InsertedRange,
  queries: readonly BatchQuery[],
  regionResolver?: RegionResolver,
): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (range.upTo <= range.after || queries.length === 0) return out;
  const ids = {
    *[Symbol.iterator]() {
      for (let id = range.after + 1; id <= range.upTo; id++) yield id;
    },
  };
  const match = engine.matcherAmong(ids);
  for (const { key, q } of queries) {
    let hits: number[];
    try {
      hits = match(q, regionResolver);
    } catch {
      continue;
    }
    if (hits.length > 0) out.set(key, hits);
  }
  return out;
}

/**
 * For a process without the live index (the CLI importer): the range's documents indexed into a throwaway engine
 * first. The server uses its live index instead (SearchService.matchInserted), which indexes the batch anyway.
 */
export function throwawayMatcher(db: Db, regionResolver?: RegionResolver): BatchMatcher {
  return async (range, queries) => {
    if (range.upTo <= range.after || queries.length === 0) return new Map();
    const engine = SearchEngine.create();
    engine.addDocuments(docsInIdRange(db, range.after, range.upTo));
    return matchInEngine(engine, range, queries, regionResolver);
  };
}
