import type { LookupResponse } from "@zhichan/shared";
import { ApiError, apiUrl, toApiError } from "./client";
import { filenameFrom } from "./exportStream";
import type { ExportFormat } from "./search";

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

/** Batch lookup of publication and application numbers: the pasted text as typed. */
export async function lookupNumbers(numbers: string, signal?: AbortSignal): Promise<LookupResponse> {
  const res = await post("/patents/lookup", { numbers }, signal);
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
  const res = await post("/patents/lookup/export", { numbers, format }, signal);
  const filename = filenameFrom(res.headers.get("Content-Disposition"), `zhichan-lookup.${format}`);
  return { blob: await res.blob(), filename };
}
