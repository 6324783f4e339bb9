import type { ApplicantProfile } from "@zhichan/shared";
import { getJson } from "./client";

export function getApplicant(id: string, signal?: AbortSignal): Promise<ApplicantProfile> {
  return getJson<ApplicantProfile>(`/applicants/${encodeURIComponent(id)}`, undefined, signal);
}
