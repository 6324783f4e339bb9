import type { SessionResponse } from "@zhichan/shared";

/**
 * The session as the whole app sees it, one copy for the header and every page. Each accounts call that answers
 * with a session (sign-in, second factor, password change, GET /api/auth/session) publishes it here, and signing
 * out publishes "anonymous", so the header changes the moment the session does.
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

export function publishSession(s: SessionResponse): void {
  current = s;
  for (const l of listeners) l();
}

export function sessionSnapshot(): SessionResponse | undefined {
  return current;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
