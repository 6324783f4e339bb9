import type { ErrorCode, QuerySyntaxDetails, SessionResponse } from "@zhichan/shared";
import { publishSession } from "./sessionStore";

/**
 * The web app's one API client: every api/*.ts module reads with getJson and changes state with send, so there is
 * one CSRF token cache, one error type (ApiError) and one way a failed response is read. What an error says to the
 * user, in the user's language, is decided in one place too: i18n/apiErrors.ts (apiErrorText).
 */

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
  return errorFromText(res.status, await res.text().catch(() => ""), res.statusText);
}

/**
 * The same for a body already read as text (XMLHttpRequest uploads). A body that is not our JSON error is a proxy's
 * page: a 413 still means too large, a 5xx a server failure.
 */
export function errorFromText(status: number, text: string, statusText = `HTTP ${status}`): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const code = status === 413 ? "TOO_LARGE" : status >= 500 ? "INTERNAL" : "BAD_RESPONSE";
    return new ApiError(code, statusText, status);
  }
  const err = (body as { error?: { code?: ErrorCode; message?: string; details?: unknown } })?.error;
  if (!err?.code) return new ApiError("BAD_RESPONSE", statusText, status);
  return new ApiError(err.code, err.message ?? err.code, status, err.details);
}

/** The server refused the X-CSRF-Token as stale (signed in or out since it was read). */
export function isStaleCsrf(e: ApiError): boolean {
  return e.code === "FORBIDDEN" && (e.details as { reason?: string } | undefined)?.reason === "csrf";
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

/**
 * The one CSRF token cache. State-changing calls carry X-CSRF-Token: the session's token once signed in, before
 * that the double-submit token; GET /api/auth/csrf answers whichever applies. Answers that are a session replace it
 * (rememberSession), signing out forgets it, and a stale one is refreshed once and the call retried.
 */
let csrf: string | null = null;

/** The token to send; `fresh` after the server called the cached one stale. */
export async function csrfToken(fresh = false): Promise<string> {
  if (fresh) csrf = null;
  csrf ??= (await getJson<{ csrfToken: string }>("/auth/csrf")).csrfToken;
  return csrf;
}

/** After signing out: the old session's token is of no use any more. */
export function forgetCsrfToken(): void {
  csrf = null;
}

/**
 * For the answers that are a session (sign-in, second factor, password change, GET /api/auth/session; accounts.ts):
 * its token is the one to send from now on, and it is what the whole app shows.
 */
export function rememberSession(session: SessionResponse): SessionResponse {
  if (typeof session.csrfToken === "string") csrf = session.csrfToken;
  publishSession(session);
  return session;
}

/** A state-changing call: JSON body (always one: the server refuses an empty application/json), JSON answer. */
export async function send<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  retried = false,
): Promise<T> {
  const token = await csrfToken(retried);
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify(body ?? {}),
      credentials: "same-origin",
    });
  } catch (e) {
    throw new ApiError("NETWORK", (e as Error).message, 0);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (!retried && isStaleCsrf(err)) return send<T>(method, path, body, true);
    throw err;
  }
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError("BAD_RESPONSE", "response is not JSON", res.status);
  }
}

/** A file as base64, for the JSON upload endpoints. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
