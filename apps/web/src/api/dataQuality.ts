import type {
  DataQuality,
  EntityActionResult,
  MergeApplicantBody,
  RenameApplicantBody,
  SearchResponse,
  SplitApplicantBody,
} from "@zhichan/shared";
import { getJson } from "./client";
import { sendJson } from "./send";

/** GET /api/data-quality: coverage, unknown statuses, regions, merges and import runs (officials with data:import). */
export const getDataQuality = (signal?: AbortSignal) => getJson<DataQuality>("/data-quality", undefined, signal);

// Officials' decisions on applicant entities (audited on the server; patents re-indexed).
export const mergeApplicant = (id: number, body: MergeApplicantBody) =>
  sendJson<EntityActionResult>("POST", `/applicants/${id}/merge`, body);
export const splitApplicant = (id: number, body: SplitApplicantBody) =>
  sendJson<EntityActionResult>("POST", `/applicants/${id}/split`, body);
export const renameApplicant = (id: number, body: RenameApplicantBody) =>
  sendJson<EntityActionResult>("PUT", `/applicants/${id}/name`, body);

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
