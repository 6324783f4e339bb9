import type { SessionResponse } from "@zhichan/shared";
import { ApiError, apiUrl, getJson, toApiError } from "./client";

/**
 * State-changing calls of the officials' tools (registry, surveys, supervision, plan): JSON body with the session's
 * X-CSRF-Token, fetched once from GET /api/auth/session and refreshed once if the server says it is stale.
 */
let token: string | null = null;

async function csrf(): Promise<string> {
  if (token) return token;
  const s = await getJson<SessionResponse & { csrfToken?: string | null }>("/auth/session");
  token = s.csrfToken ?? (await getJson<{ csrfToken: string }>("/auth/csrf")).csrfToken;
  return token;
}

export async function sendJson<T>(
  method: "POST" | "PUT",
  path: string,
  body: unknown = {},
  retried = false,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRF-Token": await csrf() },
      body: JSON.stringify(body ?? {}),
      credentials: "same-origin",
    });
  } catch (e) {
    throw new ApiError("NETWORK", (e as Error).message, 0);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (!retried && err.code === "FORBIDDEN" && (err.details as { reason?: string } | undefined)?.reason === "csrf") {
      token = null;
      return sendJson<T>(method, path, body, true);
    }
    throw err;
  }
  return (await res.json()) as T;
}

/** A file as base64 for the JSON upload endpoints. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
