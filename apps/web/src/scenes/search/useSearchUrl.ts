import { SEARCH_LIMITS, type SearchSort, SORTS } from "@zhichan/shared";
import { useCallback } from "react";
import { useSearchParams } from "react-router-dom";

export type SearchTab = "list" | "stats";
export type SearchMode = "simple" | "advanced";
export const PAGE_SIZES = [10, 20, 50, 100] as const;

export interface SearchUrlState {
  q: string;
  sort: SearchSort;
  size: number;
  tab: SearchTab;
  mode: SearchMode;
}

/** The search page's state lives in the URL so it can be shared, bookmarked and navigated back to. */
export function useSearchUrl(): [SearchUrlState, (patch: Partial<SearchUrlState>) => void] {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get("sort") as SearchSort | null;
  const sizeParam = Number(params.get("size"));
  const state: SearchUrlState = {
    q: (params.get("q") ?? "").trim(),
    sort: sortParam && SORTS.includes(sortParam) ? sortParam : "relevance",
    size: (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : SEARCH_LIMITS.defaultPageSize,
    tab: params.get("tab") === "stats" ? "stats" : "list",
    mode: params.get("mode") === "advanced" ? "advanced" : "simple",
  };

  const update = useCallback(
    (patch: Partial<SearchUrlState>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === "") next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      });
    },
    [setParams],
  );
  return [state, update];
}
