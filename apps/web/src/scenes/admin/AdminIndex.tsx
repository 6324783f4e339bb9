import { Navigate } from "react-router-dom";
import { AdminFrame } from "./AdminFrame";
import { adminRoutesFor } from "./adminRoutes";
import { useAdminSession } from "./useAdminSession";

/** /admin: the first administration page the session may open; otherwise the users page explains who may. */
export function AdminIndex() {
  const { session } = useAdminSession();
  const first = session?.stage === "ok" ? adminRoutesFor(session.user?.permissions ?? [])[0] : undefined;
  if (first) return <Navigate to={first.path} replace />;
  return <AdminFrame page="users">{() => null}</AdminFrame>;
}
