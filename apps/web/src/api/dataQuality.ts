import type {
  DataQuality,
  EntityActionResult,
  KeepApartBody,
  MergeApplicantBody,
  MergeSuggestions,
  RenameApplicantBody,
  SearchResponse,
  SplitApplicantBody,
} from "@zhichan/shared";
import { getJson, send } from "./client";

/** GET /api/data-quality: coverage, unknown statuses, regions, merges and import runs (officials with data:import). */
export const getDataQuality = (signal?: AbortSignal) => getJson<DataQuality>("/data-quality", undefined, signal);

/** GET /api/data-quality/merge-suggestions: entity pairs the data hints are one company, strongest first. */
export const getMergeSuggestions = (signal?: AbortSignal) =>
  getJson<MergeSuggestions>("/data-quality/merge-suggestions", { limit: 50 }, signal);

// Officials' decisions on applicant entities (audited on the server; patents re-indexed).
export const mergeApplicant = (id: number, body: MergeApplicantBody) =>
  send<EntityActionResult>("POST", `/applicants/${id}/merge`, body);
/** Two entities are two companies (a rejected suggestion): never merged or suggested again. */
export const keepApplicantsApart = (id: number, body: KeepApartBody) =>
  send<EntityActionResult>("POST", `/applicants/${id}/keep-apart`, body);
export const splitApplicant = (id: number, body: SplitApplicantBody) =>
  send<EntityActionResult>("POST", `/applicants/${id}/split`, body);
export const renameApplicant = (id: number, body: RenameApplicantBody) =>
  send<EntityActionResult>("PUT", `/applicants/${id}/name`, body);

export interface ApplicantChoice {
  id: number;
  name: string;
  patents: number;
}

/**
 * Applicant entities whose patents name the text as applicant: there is no applicant-search endpoint, so this asks
 * the search API for the applicant facet of AP="…" (bucket values are entity ids, labels their display names).
 */
export async function findApplicants(text: string, signal?: AbortSignal): Promise<ApplicantChoice[]> {
  const words = text.replace(/["\\]/g, " ").trim();
  if (!words) return [];
  const res = await getJson<SearchResponse>(
    "/search",
    { q: `AP="${words}"`, limit: 0, facets: "applicant", facetSize: 20 },
    signal,
  );
  return (res.facets.applicant ?? [])
    .map((b) => ({ id: Number(b.value), name: b.label, patents: b.count }))
    .filter((c) => Number.isInteger(c.id) && c.id > 0);
}
