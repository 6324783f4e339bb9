/**
 * Correctness gate: a peer's time for a query only counts when it found the same documents as ours — the same
 * exact total and, for facet queries, the same counts for our top buckets (and those really are its top buckets).
 */
import type { EngineResult, QueryOutcome } from "./job.ts";
import type { BenchQuery, QueryClass } from "./query-ast.ts";

export interface Mismatch {
  engine: string;
  queryId: string;
  problem: string;
}

/** null when the peer agrees with ours on this query. */
export function compareOutcome(ours: QueryOutcome, peer: QueryOutcome | undefined, facetSize: number): string | null {
  if (ours.error) return `our engine failed: ${ours.error}`;
  if (!peer) return "query missing from the peer's results";
  if (peer.error) return `failed: ${peer.error}`;
  if (peer.total !== ours.total) return `total ${peer.total}, ours ${ours.total}`;
  if (ours.facet) return compareFacet(ours.facet, peer.facet, facetSize);
  return null;
}

/** Ours returns its top `facetSize` buckets; the peer returns all of them. */
export function compareFacet(
  oursTop: Record<string, number>,
  peerAll: Record<string, number> | null,
  facetSize: number,
): string | null {
  if (!peerAll) return "peer returned no facet counts";
  for (const [value, count] of Object.entries(oursTop)) {
    if (peerAll[value] !== count) return `facet bucket ${value}: ${peerAll[value] ?? 0}, ours ${count}`;
  }
  const peerCounts = Object.values(peerAll)
    .filter((c) => c > 0)
    .sort((a, b) => b - a);
  const shown = Object.keys(oursTop).length;
  const expected = Math.min(facetSize, peerCounts.length);
  if (shown !== expected) return `ours shows ${shown} buckets, the peer has ${peerCounts.length}`;
  // equal counts for our values; now check no bigger bucket was left out (ties may pick either value)
  const oursSmallest = Math.min(...Object.values(oursTop));
  if (shown > 0 && peerCounts[shown - 1] !== oursSmallest) {
    return `top-${facetSize} differs: peer's #${shown} bucket has ${peerCounts[shown - 1]}, ours ${oursSmallest}`;
  }
  return null;
}

/** Every mismatch of the peer, and the classes where at least one query disagrees (their times do not count). */
export function gatePeer(
  queries: BenchQuery[],
  ours: EngineResult,
  peer: EngineResult,
  facetSize: number,
): { mismatches: Mismatch[]; invalidClasses: Set<QueryClass> } {
  const oursById = new Map(ours.queries.map((q) => [q.id, q]));
  const peerById = new Map(peer.queries.map((q) => [q.id, q]));
  const mismatches: Mismatch[] = [];
  const invalidClasses = new Set<QueryClass>();
  for (const query of queries) {
    const oursOutcome = oursById.get(query.id);
    if (!oursOutcome) continue;
    const problem = compareOutcome(oursOutcome, peerById.get(query.id), facetSize);
    if (problem) {
      mismatches.push({ engine: peer.engine, queryId: query.id, problem });
      invalidClasses.add(query.cls);
    }
  }
  return { mismatches, invalidClasses };
}
