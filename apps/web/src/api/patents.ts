import type { PatentDetail, SearchHit } from "@zhichan/shared";
import { getJson } from "./client";

export function getPatent(id: string, signal?: AbortSignal): Promise<PatentDetail> {
  return getJson<PatentDetail>(`/patents/${encodeURIComponent(id)}`, undefined, signal);
}

export async function getSimilar(id: string, limit = 10, signal?: AbortSignal): Promise<SearchHit[]> {
  const res = await getJson<{ hits: SearchHit[] }>(`/patents/${encodeURIComponent(id)}/similar`, { limit }, signal);
  return res.hits;
}
