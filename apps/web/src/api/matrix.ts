import type {
  CompareResponse,
  CountUnit,
  MatrixBranchInput,
  MatrixEffectInput,
  MatrixResponse,
  MatrixSuggestResponse,
} from "@zhichan/shared";
import { getJson, postPublic } from "./client";
import { filenameFrom } from "./exportStream";

/** Technology–effect matrix and applicant comparison (server modules/analytics/tech-effect.*, applicants/compare.*). */

export interface MatrixSpec {
  q: string;
  group: CountUnit;
  branches: MatrixBranchInput[];
  effects: MatrixEffectInput[];
}

export function suggestMatrix(q: string, group: CountUnit, signal?: AbortSignal): Promise<MatrixSuggestResponse> {
  return getJson<MatrixSuggestResponse>("/matrix/suggest", { q, group }, signal);
}

export async function computeMatrix(spec: MatrixSpec, signal?: AbortSignal): Promise<MatrixResponse> {
  return (await (await postPublic("/matrix", spec, signal)).json()) as MatrixResponse;
}

export async function exportMatrix(spec: MatrixSpec, lang: "zh" | "en"): Promise<{ blob: Blob; filename: string }> {
  const res = await postPublic("/matrix/xlsx", { ...spec, lang });
  return { blob: await res.blob(), filename: filenameFrom(res.headers.get("Content-Disposition"), "matrix.xlsx") };
}

export function compareApplicants(ids: number[], unit: CountUnit, signal?: AbortSignal): Promise<CompareResponse> {
  return getJson<CompareResponse>("/applicants/compare", { ids: ids.join(","), unit }, signal);
}
