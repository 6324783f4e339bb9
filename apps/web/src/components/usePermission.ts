import type { PermissionName } from "@zhichan/shared";
import { getSession } from "../api/accounts";
import { useAsync } from "./useAsync";

/** Whether the signed-in user holds a permission; `known` is false until the session has answered. */
export function usePermission(permission: PermissionName): { known: boolean; allowed: boolean } {
  const session = useAsync((s) => getSession(s).catch(() => null), []);
  const known = !session.loading && (session.data !== undefined || session.error !== null);
  const allowed = session.data?.stage === "ok" && !!session.data.user?.permissions.includes(permission);
  return { known, allowed };
}
