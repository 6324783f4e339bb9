import type { HealthResponse } from "@zhichan/shared";
import { getJson } from "./client";

export function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return getJson<HealthResponse>("/health", undefined, signal);
}
