import type { ErrorCode, QuerySyntaxDetails } from "@zhichan/shared";

/** Client-side codes for failures that never reached a JSON error body. */
export type ClientErrorCode = ErrorCode | "NETWORK" | "BAD_RESPONSE";

/** Every failed API call becomes one of these: the server's error body, typed. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Position/expected/found when the server rejected a query's syntax. */
  get syntax(): QuerySyntaxDetails | null {
    if (this.code !== "QUERY_SYNTAX") return null;
    const d = this.details as Partial<QuerySyntaxDetails> | undefined;
    if (!d || typeof d.position !== "number") return null;
    return { position: d.position, expected: String(d.expected ?? ""), found: String(d.found ?? "") };
  }
}

export type Params = Record<string, string | number | undefined | null>;

/** Builds "/api/..." with the defined params in a stable order. */
export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const qs = search.toString();
  return `/api${path}${qs ? `?${qs}` : ""}`;
}

/** Turns a non-OK response into an ApiError, reading the `{ error: { code, message, details } }` body. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return new ApiError(res.status >= 500 ? "INTERNAL" : "BAD_RESPONSE", res.statusText, res.status);
  }
  const err = (body as { error?: { code?: ErrorCode; message?: string; details?: unknown } })?.error;
  if (!err?.code) return new ApiError("BAD_RESPONSE", res.statusText, res.status);
  return new ApiError(err.code, err.message ?? err.code, res.status, err.details);
}

/** The one fetch wrapper: GET JSON, typed result, ApiError on any failure. */
export async function getJson<T>(path: string, params?: Params, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" }, signal });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError("NETWORK", (e as Error).message, 0);
  }
  if (!res.ok) throw await toApiError(res);
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError("BAD_RESPONSE", "response is not JSON", res.status);
  }
}

export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === "AbortError";
}

/** POST JSON to a public read-only route (no session, no CSRF token: like POST /api/search). */
export async function postPublic(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
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
