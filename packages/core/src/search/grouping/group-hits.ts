/**
 * One pass over a query's hits that folds them into inventions: per invention its best publication in the sort
 * order (the hit shown; smallest (key, id)) and its latest matching publication (largest (publication date,
 * id); the one grouped facets and invention counts use, so a granted B counts with its current status and
 * an invention is counted once per facet whatever the sort). Publications of inventions that have only one
 * (most of them) are their own best and latest and go straight to the entry list; the others meet in one
 * typed array of per-group records indexed by the global invention ordinal (invention-groups.ts). No per-hit
 * objects.
 */
import type { Segment } from "../index/segment.js";
import { type Candidate, topK, UNKNOWN } from "../scoring/rank.js";
import type { Evaluated } from "../segment-search.js";
import type { SortOrder } from "../types.js";
import type { AppNoRank } from "./app-no-rank.js";
import {
  BEST_ID,
  BEST_KEY,
  BEST_SCORE,
  type InventionGroups,
  LATEST_AT,
  LATEST_ID,
  LATEST_PD,
  STAMP,
  STRIDE,
} from "./invention-groups.js";

const SEG = 2 ** 32; // LATEST_AT = segment index * SEG + local doc

/** One entry per invention hit: the sort key and id of its best publication, and its group (−1: a single). */
export interface FoldedHits {
  n: number; // inventions
  keys: Float64Array;
  ids: Uint32Array;
  groups: Int32Array;
  rec: Float64Array; // the per-group records of the multi-publication inventions
  /** Per segment: whether any hit belongs to a multi-publication invention. */
  mixed: boolean[];
}

export function foldHits(
  evaluated: Evaluated[],
  sort: SortOrder,
  inv: InventionGroups,
  appNo: AppNoRank | null,
): FoldedHits {
  const sc = inv.scratchArrays();
  const epoch = sc.next();
  const rec = sc.rec;
  let total = 0;
  for (const ev of evaluated) total += ev.hits.length;
  const keys = new Float64Array(total);
  const ids = new Uint32Array(total);
  const groups = new Int32Array(total);
  const touched = new Int32Array(total);
  const mixed = evaluated.map(() => false);
  let n = 0;
  let m = 0;
  for (let s = 0; s < evaluated.length; s++) {
    const { seg, hits, scores } = evaluated[s];
    if (hits.length === 0) continue;
    const { ids: docIds, pd } = seg.d;
    const docGroup = inv.docGroups[s];
    const multi = inv.multi[s];
    const dates =
      sort === "date_desc" || sort === "date_asc" ? dateKeys(seg, hits, sort === "date_desc" ? -1 : 1) : null;
    for (let i = 0; i < hits.length; i++) {
      const doc = hits[i];
      const key = dates ? dates[i] : sort === "relevance" ? (scores ? -scores[i] : 0) : appNo!.key(s, seg, doc);
      const id = docIds[doc];
      if (multi[doc] === 0) {
        keys[n] = key;
        ids[n] = id;
        groups[n++] = -1;
        continue;
      }
      mixed[s] = true;
      const g = docGroup[doc];
      const r = g * STRIDE;
      const score = scores ? scores[i] : 0;
      const p = pd[doc];
      if (rec[r + STAMP] !== epoch) {
        rec[r + STAMP] = epoch;
        touched[m++] = g;
        rec[r + BEST_KEY] = key;
        rec[r + BEST_ID] = id;
        rec[r + BEST_SCORE] = score;
        rec[r + LATEST_PD] = p;
        rec[r + LATEST_ID] = id;
        rec[r + LATEST_AT] = s * SEG + doc;
        continue;
      }
      if (key < rec[r + BEST_KEY] || (key === rec[r + BEST_KEY] && id < rec[r + BEST_ID])) {
        rec[r + BEST_KEY] = key;
        rec[r + BEST_ID] = id;
        rec[r + BEST_SCORE] = score;
      }
      if (p > rec[r + LATEST_PD] || (p === rec[r + LATEST_PD] && id > rec[r + LATEST_ID])) {
        rec[r + LATEST_PD] = p;
        rec[r + LATEST_ID] = id;
        rec[r + LATEST_AT] = s * SEG + doc;
      }
    }
  }
  for (let j = 0; j < m; j++) {
    const g = touched[j];
    keys[n] = rec[g * STRIDE + BEST_KEY];
    ids[n] = rec[g * STRIDE + BEST_ID];
    groups[n++] = g;
  }
  return { n, keys, ids, groups, rec, mixed };
}

/** Date sort keys (application date, else publication date; unknown last), as scoring/rank.ts's localKeys. */
function dateKeys(seg: Segment, hits: Int32Array, sign: number): Float64Array {
  const { ad, pd } = seg.d;
  const keys = new Float64Array(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const d = hits[i];
    const date = ad[d] !== 0 ? ad[d] : pd[d];
    keys[i] = date > 0 ? sign * date : UNKNOWN;
  }
  return keys;
}

/**
 * The page: the `limit` inventions whose best publication comes first strictly after the cursor (key, id), as
 * candidates carrying the group ordinal (−1: a single), and how many inventions lie after the cursor.
 */
export function pageOfGroups(
  f: FoldedHits,
  sort: SortOrder,
  limit: number,
  after: { key: number; id: number } | null,
  appNo: AppNoRank | null,
): { cands: (Candidate & { group: number })[]; afterCount: number } {
  const { order, afterCount } = topK(f.keys.subarray(0, f.n), f.ids, identity(f.n), limit, after);
  const cands = Array.from(order, (i) => {
    const g = f.groups[i];
    const key = f.keys[i];
    // a single's score is its key negated (relevance), as the ungrouped path reports it; other orders score 0
    const score = g >= 0 ? f.rec[g * STRIDE + BEST_SCORE] : sort === "relevance" && key !== 0 ? -key : 0;
    return { id: f.ids[i], score, key: sort === "app_no" ? appNo!.valueOf(key) : key, group: g };
  });
  return { cands, afterCount };
}

/** Every invention in the order of its best publication (exports): the best or the latest publication's id. */
export function orderedIds(f: FoldedHits, pick: "best" | "latest"): Uint32Array {
  const { keys, ids, groups, rec } = f;
  const order = Int32Array.from(identity(f.n)).sort((a, b) => keys[a] - keys[b] || ids[a] - ids[b]);
  return Uint32Array.from(order, (i) =>
    pick === "latest" && groups[i] >= 0 ? rec[groups[i] * STRIDE + LATEST_ID] : ids[i],
  );
}

/**
 * Per segment, the local docs that stand for the inventions in counts (each one's latest matching publication),
 * ascending: a segment whose hits are all singles gives its hit list as it is.
 */
export function latestPerSegment(f: FoldedHits, evaluated: Evaluated[], inv: InventionGroups): Int32Array[] {
  return evaluated.map(({ hits }, s) => {
    if (!f.mixed[s]) return hits;
    const multi = inv.multi[s];
    const docGroup = inv.docGroups[s];
    const out = new Int32Array(hits.length);
    let k = 0;
    for (let i = 0; i < hits.length; i++) {
      const doc = hits[i];
      if (multi[doc] === 0 || f.rec[docGroup[doc] * STRIDE + LATEST_AT] === s * SEG + doc) out[k++] = doc;
    }
    return out.subarray(0, k);
  });
}

let identityMemo = new Int32Array(0);
function identity(n: number): Int32Array {
  if (identityMemo.length < n) {
    identityMemo = new Int32Array(Math.max(n, identityMemo.length * 2));
    for (let i = 0; i < identityMemo.length; i++) identityMemo[i] = i;
  }
  return identityMemo.subarray(0, n);
}
