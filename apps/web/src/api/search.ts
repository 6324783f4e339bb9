import type { CountUnit, FacetName, SearchResponse, SearchSort } from "@zhichan/shared";
import { apiUrl, getJson } from "./client";

export interface SearchParams {
  q: string;
  sort?: SearchSort;
  limit?: number;
  cursor?: string;
  facets?: FacetName[];
  facetSize?: number;
  /** invention: one hit per application, counts in applications. */
  group?: CountUnit;
}

export function search(p: SearchParams, signal?: AbortSignal): Promise<SearchResponse> {
  return getJson<SearchResponse>(
    "/search",
    {
      q: p.q,
      sort: p.sort,
      limit: p.limit,
      cursor: p.cursor,
      facets: p.facets?.join(","),
      facetSize: p.facetSize,
      group: p.group === "invention" ? "invention" : undefined,
    },
    signal,
  );
}

export type ExportFormat = "csv" | "xlsx";

export function exportUrl(q: string, format: ExportFormat, sort?: SearchSort, group?: CountUnit): string {
  return apiUrl("/search/export", { q, format, sort, group: group === "invention" ? group : undefined });
}
