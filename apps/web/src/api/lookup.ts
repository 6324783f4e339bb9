import type { LookupResponse } from "@zhichan/shared";
import { ApiError, postPublic } from "./client";
import { filenameFrom } from "./exportStream";
import type { ExportFormat } from "./search";

/** Batch lookup of publication and application numbers: the pasted text as typed. */
export async function lookupNumbers(numbers: string, signal?: AbortSignal): Promise<LookupResponse> {
  const res = await postPublic("/patents/lookup", { numbers }, signal);
  try {
    return (await res.json()) as LookupResponse;
  } catch {
    throw new ApiError("BAD_RESPONSE", "response is not JSON", res.status);
  }
}

/** The lookup's records (then the numbers not found) as a file. */
export async function exportLookup(
  numbers: string,
  format: ExportFormat,
  signal?: AbortSignal,
): Promise<{ blob: Blob; filename: string }> {
  const res = await postPublic("/patents/lookup/export", { numbers, format }, signal);
  const filename = filenameFrom(res.headers.get("Content-Disposition"), `zhichan-lookup.${format}`);
  return { blob: await res.blob(), filename };
}
