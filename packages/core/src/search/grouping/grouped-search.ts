/**
 * group=invention: one hit per invention, the total and facets in inventions (see group-hits.ts for which
 * publication stands for an invention where). The ungrouped path never comes here, so grouping costs it nothing.
 * This path evaluates whole hit lists (like exports) rather than the pruned top-k merge: which publication of
 * an invention is best, and how many inventions there are, depend on every hit.
 */
import type { FacetOrdinals } from "../facets/ordinals.js";
import type { Segment } from "../index/segment.js";
import type { CursorPos } from "../scoring/cursor.js";
import { encodeCursor } from "../scoring/cursor.js";
import type { Evaluated } from "../segment-search.js";
import type { FacetField, Hit, SearchResult, SortOrder } from "../types.js";
import type { AppNoRank } from "./app-no-rank.js";
import { foldHits, latestPerSegment, orderedIds, pageOfGroups } from "./group-hits.js";
import type { InventionGroups } from "./invention-groups.js";

export interface GroupingContext {
  segments: Segment[];
  groups: InventionGroups;
  appNo: AppNoRank | null; // present for the app_no order
  facetOrdinals: (f: FacetField) => FacetOrdinals;
}

export function searchGrouped(
  ctx: GroupingContext,
  evaluated: Evaluated[],
  page: {
    sort: SortOrder;
    limit: number;
    cursor: CursorPos | null;
    facets: FacetField[];
    facetSize: number;
    facetPrefix?: string;
  },
): Omit<SearchResult, "highlightTerms"> {
  const { sort, limit, cursor } = page;
  const folded = foldHits(evaluated, sort, ctx.groups, ctx.appNo);
  const after = cursor ? { key: cursorKey(ctx, sort, cursor), id: cursor.id } : null;
  const { cands, afterCount } = pageOfGroups(folded, sort, limit, after, ctx.appNo);
  const last = cands[cands.length - 1];
  const nextCursor = afterCount > cands.length && last ? encodeCursor(sort, { key: last.key, id: last.id }) : null;
  const facets: SearchResult["facets"] = {};
  if (page.facets.length > 0) {
    const reps = latestPerSegment(folded, evaluated, ctx.groups);
    for (const f of page.facets)
      facets[f] = ctx.facetOrdinals(f).top(ctx.segments, f, reps, page.facetSize, page.facetPrefix);
  }
  const hits = cands.map(
    (c): Hit => ({
      id: c.id,
      score: c.score,
      publications: c.group >= 0 ? ctx.groups.members(ctx.segments, c.group) : [c.id],
    }),
  );
  return { total: folded.n, hits, nextCursor, facets };
}

/** Grouped exports and invention counts: one id per invention, in the order of its best publication. */
export function groupedIds(ctx: GroupingContext, evaluated: Evaluated[], sort: SortOrder, pick: "best" | "latest") {
  // copied out now: the scratch records belong to the next grouped query as soon as this one returns
  return orderedIds(foldHits(evaluated, sort, ctx.groups, ctx.appNo), pick);
}

function cursorKey(ctx: GroupingContext, sort: SortOrder, cursor: CursorPos): number {
  return sort === "app_no" ? ctx.appNo!.cursorKey(cursor.key as string) : (cursor.key as number);
}
