/**
 * Which segments to merge next: log-structured size tiers, so a stream of small batches is merged with other small
 * segments and a large segment is rewritten only when its own tier fills up — not every few batches.
 *
 * A segment's tier is log_FACTOR of its live docs over FLOOR_DOCS: tier 0 below 512 docs, tier 1 below 4,096,
 * tier 2 below 32,768, … (an import batch of 1,000 rows sits in tier 1; eight of them merge into tier 2). When a tier
 * holds FACTOR segments they are merged into one of the next tier, so each doc is rewritten about once per tier
 * (log_8 of the index size over a batch) instead of once per compaction of everything, and at most FACTOR − 1
 * segments wait per tier: 8–30 segments between a thousand and two million docs. Each segment has fixed costs per
 * query (a dictionary lookup per term, a facet loop, a candidate list), which this keeps bounded.
 *
 * A segment whose docs are mostly deleted (a re-import updated them) is rewritten alone, so dead postings do not
 * slow queries for long. Pure: the engine decides when to run what this picks (engine.ts planMerge()).
 */

export interface SegmentSize {
  /** Live docs. */
  live: number;
  /** Docs including deleted ones. */
  maxDoc: number;
  /** An input of a merge already running: not picked again. */
  busy: boolean;
}

/** Segments per tier before they are merged; also the ratio between tiers. */
export const MERGE_FACTOR = 8;
/** Tier 0 holds segments below this many live docs. */
export const FLOOR_DOCS = 512;
/** A segment with more than this share of deleted docs is rewritten on its own. */
const RECLAIM_DELETED_SHARE = 0.5;

export function tierOf(live: number): number {
  let tier = 0;
  for (let bound = FLOOR_DOCS; live >= bound; bound *= MERGE_FACTOR) tier++;
  return tier;
}

/**
 * Indexes of the segments to merge into one next, or null when nothing needs merging. The lowest full tier comes
 * first (it holds the most segments per doc). A merge never yields a segment of over `maxDocs` live docs.
 */
export function pickMerge(segments: readonly SegmentSize[], maxDocs: number): number[] | null {
  const tiers = new Map<number, number[]>();
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.busy) continue;
    const t = tierOf(s.live);
    const list = tiers.get(t);
    if (list) list.push(i);
    else tiers.set(t, [i]);
  }
  for (const t of [...tiers.keys()].sort((a, b) => a - b)) {
    const members = tiers.get(t) as number[];
    if (members.length < MERGE_FACTOR) continue;
    // the smallest first, as many as fit (at most two tiers' worth, so one merge stays bounded)
    members.sort((a, b) => segments[a].live - segments[b].live || a - b);
    const pick: number[] = [];
    let docs = 0;
    for (const i of members) {
      if (pick.length >= 2 * MERGE_FACTOR - 1 || docs + segments[i].live > maxDocs) break;
      pick.push(i);
      docs += segments[i].live;
    }
    if (pick.length >= 2) return pick.sort((a, b) => a - b);
  }
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (!s.busy && s.maxDoc >= FLOOR_DOCS && s.maxDoc - s.live > RECLAIM_DELETED_SHARE * s.maxDoc) return [i];
  }
  return null;
}

/**
 * For when the index is idle: the segments not already being merged, into one — except a segment over
 * MERGE_FACTOR times the size of all smaller ones together (the large base), which is left alone until the rest has
 * grown to an eighth of it. So an idle index settles at one or two segments and queries pay those fixed costs
 * only, yet a trickle of small imports never rewrites a large base each time the server goes quiet. A lone segment
 * is rewritten only to drop a tenth or more of deleted docs. Null when there is nothing worth doing.
 */
export function pickTidy(segments: readonly SegmentSize[], maxDocs: number): number[] | null {
  const idle = segments.map((_, i) => i).filter((i) => !segments[i].busy);
  idle.sort((a, b) => segments[a].live - segments[b].live || a - b); // smallest first
  let rest = idle.reduce((n, i) => n + segments[i].live, 0);
  while (idle.length > 1) {
    const largest = segments[idle[idle.length - 1]].live;
    rest -= largest;
    if (largest <= MERGE_FACTOR * rest && rest + largest <= maxDocs) {
      rest += largest;
      break;
    }
    idle.pop();
  }
  if (idle.length >= 2) return idle.sort((a, b) => a - b);
  const one = idle.length === 1 ? segments[idle[0]] : null;
  return one && one.maxDoc - one.live >= one.maxDoc / 10 && one.maxDoc > 0 ? [idle[0]] : null;
}
