import type { SessionResponse } from "@zhichan/shared";

/**
 * The session as the whole app sees it, one copy for the header and every page (read it with useSession). Each call
 * that answers with a session (sign-in, second factor, password change, GET /api/auth/session) publishes it here
 * (client.ts), and signing out publishes "anonymous", so the header and pages change the moment the session does.
 * `undefined` = not asked yet.
 */
let current: SessionResponse | undefined;
const listeners = new Set<() => void>();

export const ANONYMOUS: SessionResponse = {
  stage: "anonymous",
  user: null,
  csrfToken: null,
  idleExpiresAt: null,
  absoluteExpiresAt: null,
};

let failure: unknown = null;

export function publishSession(s: SessionResponse): void {
  current = s;
  failure = null;
  for (const l of listeners) l();
}

/** The server could not be asked (network, 5xx): the app goes on as signed out and pages may say why. */
export function publishSessionFailure(e: unknown): void {
  publishSession(ANONYMOUS);
  failure = e;
  for (const l of listeners) l();
}

/** Why the last attempt to learn the session failed, or null. */
export function sessionFailure(): unknown {
  return failure;
}

export function sessionSnapshot(): SessionResponse | undefined {
  return current;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
