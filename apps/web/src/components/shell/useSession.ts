import type { PermissionName as Permission, SessionResponse, SessionUser } from "@zhichan/shared";
import { useEffect, useSyncExternalStore } from "react";
import { getSession } from "../../api/accounts";
import { publishSessionFailure, sessionFailure, sessionSnapshot, subscribeSession } from "../../api/sessionStore";

let inFlight: Promise<unknown> | null = null;
let askedAt = 0;

/** Asks the server who is signed in (getSession publishes the answer); one request at a time. */
export function refreshSession(): Promise<unknown> {
  askedAt = Date.now();
  inFlight ??= getSession()
    .catch(publishSessionFailure)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** When the tab comes back into view: the session may have timed out or been ended from another device. */
function onVisible(): void {
  if (document.visibilityState === "visible" && Date.now() - askedAt > 30_000) void refreshSession();
}

export interface SessionState {
  /** undefined until the server has answered once */
  session: SessionResponse | undefined;
  /** The fully signed-in user (null while signed out or part-way through signing in). */
  user: SessionUser | null;
  can: (permission: Permission) => boolean;
  /** Why the server could not say who is signed in (the session is then "anonymous"), or null. */
  error: unknown;
}

/**
 * The one session the header and every page share (api/sessionStore.ts), asked for on first use: pages read who is
 * signed in and what they may do here, never by fetching the session themselves.
 */
export function useSession(): SessionState {
  const session = useSyncExternalStore(subscribeSession, sessionSnapshot);
  useEffect(() => {
    if (sessionSnapshot() === undefined) void refreshSession();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, []);
  const user = session?.stage === "ok" ? session.user : null;
  return { session, user, can: (p) => !!user?.permissions.includes(p), error: sessionFailure() };
}
