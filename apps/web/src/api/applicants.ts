import type { ApplicantProfile, CountUnit } from "@zhichan/shared";
import { getJson } from "./client";

/** The profile with its portfolio counted in `unit` (the server's default: applications). */
export function getApplicant(id: string, signal?: AbortSignal, unit?: CountUnit): Promise<ApplicantProfile> {
  return getJson<ApplicantProfile>(`/applicants/${encodeURIComponent(id)}`, unit ? { unit } : undefined, signal);
}
