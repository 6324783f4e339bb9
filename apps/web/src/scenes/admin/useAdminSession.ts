import type { PermissionName, SessionResponse } from "@zhichan/shared";
import { getSession } from "../../api/accounts";
import { useAsync } from "../../components/useAsync";

export interface AdminSession {
  session: SessionResponse | undefined;
  loading: boolean;
  error: unknown;
  /** A fully signed-in session holding the permission. */
  can: (p: PermissionName) => boolean;
}

/** The caller's session, asked once per page; the pages show or hide each action by the permissions it holds. */
export function useAdminSession(): AdminSession {
  const s = useAsync((signal) => getSession(signal), []);
  const can = (p: PermissionName) => s.data?.stage === "ok" && !!s.data.user?.permissions.includes(p);
  return { session: s.data, loading: s.loading || (s.data === undefined && !s.error), error: s.error, can };
}
