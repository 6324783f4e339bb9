import { type CountUnit, SEARCH_LIMITS, type SearchSort, SORTS } from "@zhichan/shared";
import { useCallback } from "react";
import { useLocation, useSearchParams } from "react-router-dom";

export type SearchTab = "list" | "stats" | "lookup" | "ipc";
const TABS: readonly SearchTab[] = ["list", "stats", "lookup", "ipc"];
export type SearchMode = "simple" | "advanced";
export const PAGE_SIZES = [10, 20, 50, 100] as const;
/** The query language's "every document" (docs/QUERY.md). */
export const MATCH_ALL = "*";

export interface SearchUrlState {
  q: string;
  sort: SearchSort;
  size: number;
  tab: SearchTab;
  mode: SearchMode;
  /** 1-based page of the result list. */
  page: number;
  /** The server cursor that fetches `page` (none on page 1). */
  cursor: string;
  /** Count unit chosen with the "group by application" toggle; absent: each tab's default. */
  group: CountUnit | undefined;
  /** Cross-language search on ("1" in the URL) and the added words removed (comma-separated). */
  xl: boolean;
  xlDrop: string;
  /** The IPC browser's open branch (tab=ipc): "" for the sections, else a section, class or subclass. */
  ipc: string;
}

/** Keys that say where in one result list the user is; any other change starts the list again. */
const PLACE_KEYS = new Set(["page", "cursor", "tab", "mode", "ipc"]);

/** What history keeps beside the URL: the cursors of the pages before this one, so "previous" needs no request. */
export interface SearchHistoryState {
  trail?: string[];
}

/**
 * The search page's state lives in the URL — query, sort, size, tab, mode, page and cursor — so back, reload,
 * bookmarks and shared links all land on the same page of the same list. Each change is a history entry.
 */
export function useSearchUrl(): [
  SearchUrlState,
  (patch: Partial<SearchUrlState>, history?: SearchHistoryState) => void,
  SearchHistoryState,
] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const sortParam = params.get("sort") as SearchSort | null;
  const sizeParam = Number(params.get("size"));
  const pageParam = Number(params.get("page"));
  const cursor = params.get("cursor") ?? "";
  const groupParam = params.get("group");
  const state: SearchUrlState = {
    q: (params.get("q") ?? "").trim(),
    sort: sortParam && SORTS.includes(sortParam) ? sortParam : "relevance",
    size: (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : SEARCH_LIMITS.defaultPageSize,
    tab: TABS.find((x) => x === params.get("tab")) ?? "list",
    mode: params.get("mode") === "advanced" ? "advanced" : "simple",
    // a page without its cursor cannot be fetched: such a link starts at page 1
    page: cursor && Number.isInteger(pageParam) && pageParam > 1 ? pageParam : 1,
    cursor,
    group: groupParam === "invention" || groupParam === "publication" ? groupParam : undefined,
    xl: params.get("xl") === "1",
    xlDrop: params.get("xlDrop") ?? "",
    ipc: /^[A-H](\d\d[A-Z]?)?$/.test(params.get("ipc") ?? "") ? params.get("ipc")! : "",
  };

  const update = useCallback(
    (patch: Partial<SearchUrlState>, history?: SearchHistoryState) => {
      const restart = Object.keys(patch).some((k) => !PLACE_KEYS.has(k));
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (restart) {
            next.delete("page");
            next.delete("cursor");
          }
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === "" || v === false || (k === "page" && v === 1)) next.delete(k);
            else if (v === true) next.set(k, "1");
            else next.set(k, String(v));
          }
          return next;
        },
        // switching tab or mode keeps the trail of the list the user is on
        { state: history ?? (restart ? null : location.state) },
      );
    },
    [setParams, location.state],
  );
  return [state, update, (location.state as SearchHistoryState | null) ?? {}];
}
