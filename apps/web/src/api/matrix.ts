import type {
  CompareResponse,
  CountUnit,
  MatrixBranchInput,
  MatrixEffectInput,
  MatrixResponse,
  MatrixSuggestResponse,
} from "@zhichan/shared";
import { ApiError, apiUrl, getJson, toApiError } from "./client";
import { filenameFrom } from "./exportStream";

/** Technology–effect matrix and applicant comparison (server modules/analytics/tech-effect.*, applicants/compare.*). */

export interface MatrixSpec {
  q: string;
  group: CountUnit;
  branches: MatrixBranchInput[];
  effects: MatrixEffectInput[];
}

/** POST JSON to a public read-only route (no session, no CSRF token: like POST /api/search). */
async function post(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError("NETWORK", (e as Error).message, 0);
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

export function suggestMatrix(q: string, group: CountUnit, signal?: AbortSignal): Promise<MatrixSuggestResponse> {
  return getJson<MatrixSuggestResponse>("/matrix/suggest", { q, group }, signal);
}

export async function computeMatrix(spec: MatrixSpec, signal?: AbortSignal): Promise<MatrixResponse> {
  return (await (await post("/matrix", spec, signal)).json()) as MatrixResponse;
}

export async function exportMatrix(spec: MatrixSpec, lang: "zh" | "en"): Promise<{ blob: Blob; filename: string }> {
  const res = await post("/matrix/xlsx", { ...spec, lang });
  return { blob: await res.blob(), filename: filenameFrom(res.headers.get("Content-Disposition"), "matrix.xlsx") };
}

export function compareApplicants(ids: number[], unit: CountUnit, signal?: AbortSignal): Promise<CompareResponse> {
  return getJson<CompareResponse>("/applicants/compare", { ids: ids.join(","), unit }, signal);
}
