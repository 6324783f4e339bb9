/**
 * One pass over a query's hits that folds them into inventions: per invention its best publication in the sort
 * order (the hit shown; smallest (key, id)) and its latest matching publication (largest (publication date,
 * id); the one grouped facets and invention counts use, so a granted B counts with its current status and
 * an invention is counted once per facet whatever the sort). Everything lives in typed arrays indexed by the
 * global invention ordinal (invention-groups.ts); no per-hit objects.
 */
import type { Segment } from "../index/segment.js";
import { type Candidate, topK, UNKNOWN } from "../scoring/rank.js";
import type { Evaluated } from "../segment-search.js";
import type { SortOrder } from "../types.js";
import type { AppNoRank } from "./app-no-rank.js";
import type { GroupScratch, InventionGroups } from "./invention-groups.js";

export interface FoldedHits {
  scratch: GroupScratch;
  /** Global ordinals of the inventions hit, in first-seen order; its length is the invention count. */
  groups: Int32Array;
}

export function foldHits(
  evaluated: Evaluated[],
  sort: SortOrder,
  groups: InventionGroups,
  appNo: AppNoRank | null,
): FoldedHits {
  const sc = groups.scratchArrays();
  const epoch = sc.next();
  const { stamp, bestKey, bestId, bestScore, latestSeg, latestDoc, latestPd, latestId } = sc;
  let n = 0;
  for (const ev of evaluated) n += ev.hits.length;
  const touched = new Int32Array(n);
  n = 0;
  evaluated.forEach((ev, s) => {
    const { seg, hits, scores } = ev;
    const { ids, ad, pd } = seg.d;
    const invOrds = seg.d.kw.inv.ords;
    const map = groups.maps[s];
    const sign = sort === "date_desc" ? -1 : 1;
    for (let i = 0; i < hits.length; i++) {
      const doc = hits[i];
      const g = map[invOrds[doc]];
      const id = ids[doc];
      const score = scores ? scores[i] : 0;
      let key: number;
      if (sort === "relevance") key = -score;
      else if (sort === "app_no") key = appNo!.key(s, seg, doc);
      else {
        const date = ad[doc] !== 0 ? ad[doc] : pd[doc];
        key = date > 0 ? sign * date : UNKNOWN;
      }
      const p = pd[doc];
      if (stamp[g] !== epoch) {
        stamp[g] = epoch;
        touched[n++] = g;
        bestKey[g] = key;
        bestId[g] = id;
        bestScore[g] = score;
        latestSeg[g] = s;
        latestDoc[g] = doc;
        latestPd[g] = p;
        latestId[g] = id;
        continue;
      }
      if (key < bestKey[g] || (key === bestKey[g] && id < bestId[g])) {
        bestKey[g] = key;
        bestId[g] = id;
        bestScore[g] = score;
      }
      if (p > latestPd[g] || (p === latestPd[g] && id > latestId[g])) {
        latestSeg[g] = s;
        latestDoc[g] = doc;
        latestPd[g] = p;
        latestId[g] = id;
      }
    }
  });
  return { scratch: sc, groups: touched.subarray(0, n) };
}

/**
 * The page: the `limit` inventions whose best publication comes first strictly after the cursor (key, id), as
 * candidates carrying the group ordinal, and how many inventions lie after the cursor.
 */
export function pageOfGroups(
  folded: FoldedHits,
  sort: SortOrder,
  limit: number,
  after: { key: number; id: number } | null,
  appNo: AppNoRank | null,
): { cands: (Candidate & { group: number })[]; afterCount: number } {
  const { groups, scratch } = folded;
  const keys = new Float64Array(groups.length);
  const ids = new Uint32Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    keys[i] = scratch.bestKey[groups[i]];
    ids[i] = scratch.bestId[groups[i]];
  }
  const { order, afterCount } = topK(keys, ids, identity(groups.length), limit, after);
  const cands = Array.from(order, (i) => {
    const g = groups[i];
    const key = sort === "app_no" ? appNo!.valueOf(keys[i]) : keys[i];
    return { id: ids[i], score: scratch.bestScore[g], key, group: g };
  });
  return { cands, afterCount };
}

/** Every invention in the order of its best publication (exports), as group ordinals. */
export function orderedGroups(folded: FoldedHits): Int32Array {
  const { groups, scratch } = folded;
  const { bestKey, bestId } = scratch;
  return Int32Array.from(groups).sort((a, b) => bestKey[a] - bestKey[b] || bestId[a] - bestId[b]);
}

/** Per segment, the local docs of the inventions' latest matching publications, ascending (facet counting). */
export function latestPerSegment(folded: FoldedHits, segments: Segment[]): Int32Array[] {
  const { groups, scratch } = folded;
  const counts = new Int32Array(segments.length);
  for (let i = 0; i < groups.length; i++) counts[scratch.latestSeg[groups[i]]]++;
  const out = segments.map((_, s) => new Int32Array(counts[s]));
  counts.fill(0);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const s = scratch.latestSeg[g];
    out[s][counts[s]++] = scratch.latestDoc[g];
  }
  for (const docs of out) docs.sort();
  return out;
}

let identityMemo = new Int32Array(0);
function identity(n: number): Int32Array {
  if (identityMemo.length < n) {
    identityMemo = new Int32Array(Math.max(n, identityMemo.length * 2));
    for (let i = 0; i < identityMemo.length; i++) identityMemo[i] = i;
  }
  return identityMemo.subarray(0, n);
}
