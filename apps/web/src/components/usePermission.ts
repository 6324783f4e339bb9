import type { PermissionName } from "@zhichan/shared";
import { useSession } from "./shell/useSession";

/** Whether the signed-in user holds a permission; `known` is false until the session has answered once. */
export function usePermission(permission: PermissionName): { known: boolean; allowed: boolean } {
  const { session, can } = useSession();
  return { known: session !== undefined, allowed: can(permission) };
}
