import type { PermissionName, SessionResponse } from "@zhichan/shared";
import { useSession } from "../../components/shell/useSession";

export interface AdminSession {
  session: SessionResponse | undefined;
  loading: boolean;
  error: unknown;
  /** A fully signed-in session holding the permission. */
  can: (p: PermissionName) => boolean;
}

/** The administration pages' view of the one shared session (useSession): they show or hide each action by it. */
export function useAdminSession(): AdminSession {
  const { session, can, error } = useSession();
  return { session, loading: session === undefined, error: error ?? undefined, can };
}
