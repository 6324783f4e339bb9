import type { CountUnit, FacetName, SearchSort } from "@zhichan/shared";
import type { AssistedSearchResponse, ExportColumnKey } from "@zhichan/shared/search-assist.ts";
import { apiUrl, getJson } from "./client";

/** Cross-language search: on, and the added words the user removed (docs/QUERY.md). */
export interface CrossLanguage {
  on: boolean;
  drop: string[];
}

/** The query-string form of a CrossLanguage (nothing when off). */
export function crossLanguageParams(x?: CrossLanguage): { crossLanguage?: string; xlDrop?: string } {
  if (!x?.on) return {};
  return { crossLanguage: "1", xlDrop: x.drop.length > 0 ? x.drop.join(",") : undefined };
}

export interface SearchParams {
  q: string;
  sort?: SearchSort;
  limit?: number;
  cursor?: string;
  facets?: FacetName[];
  facetSize?: number;
  /** invention: one hit per application, counts in applications. */
  group?: CountUnit;
  crossLanguage?: CrossLanguage;
}

export function search(p: SearchParams, signal?: AbortSignal): Promise<AssistedSearchResponse> {
  return getJson<AssistedSearchResponse>(
    "/search",
    {
      q: p.q,
      sort: p.sort,
      limit: p.limit,
      cursor: p.cursor,
      facets: p.facets?.join(","),
      facetSize: p.facetSize,
      group: p.group === "invention" ? "invention" : undefined,
      ...crossLanguageParams(p.crossLanguage),
    },
    signal,
  );
}

export type ExportFormat = "csv" | "xlsx";

/** What else an export repeats of the page: its cross-language words and the chosen columns. */
export interface ExportChoice {
  crossLanguage?: CrossLanguage;
  columns?: readonly ExportColumnKey[];
}

export function exportUrl(
  q: string,
  format: ExportFormat,
  sort?: SearchSort,
  group?: CountUnit,
  choice: ExportChoice = {},
): string {
  return apiUrl("/search/export", {
    q,
    format,
    sort,
    group: group === "invention" ? group : undefined,
    ...crossLanguageParams(choice.crossLanguage),
    columns: choice.columns?.join(","),
  });
}
