import type { PermissionName, RoleName } from "@zhichan/shared";
import { lazy } from "react";
import { Navigate, Route } from "react-router-dom";

export type AdminPageKey = "users" | "requests" | "people" | "security" | "audit";

export interface AdminRouteInfo {
  key: AdminPageKey;
  path: string;
  /** The permission the page needs; menus show the entry only to sessions that hold it. */
  permission: PermissionName;
  /** Who holds it (roles.ts), named on the page when someone else opens it. */
  roles: readonly RoleName[];
  /** Catalogue key of the page's name (admin.nav.*). */
  labelKey: `admin.nav.${AdminPageKey}`;
}

/**
 * The administration pages of the three separated administrators (三员分立) and the officials' personal-data page,
 * in menu order. The header builds its menu entries from this list and the session's permissions.
 */
export const ADMIN_ROUTES: readonly AdminRouteInfo[] = [
  {
    key: "users",
    path: "/admin/users",
    permission: "user:read",
    roles: ["sysadmin", "secadmin"],
    labelKey: "admin.nav.users",
  },
  {
    key: "requests",
    path: "/admin/requests",
    permission: "user:read",
    roles: ["sysadmin", "secadmin"],
    labelKey: "admin.nav.requests",
  },
  {
    key: "security",
    path: "/admin/security",
    permission: "security:policy",
    roles: ["secadmin"],
    labelKey: "admin.nav.security",
  },
  { key: "audit", path: "/admin/audit", permission: "audit:read", roles: ["auditadmin"], labelKey: "admin.nav.audit" },
  { key: "people", path: "/admin/people", permission: "pii:reveal", roles: ["official"], labelKey: "admin.nav.people" },
];

/** The entries a session may open (for menus). */
export function adminRoutesFor(permissions: readonly string[]): AdminRouteInfo[] {
  return ADMIN_ROUTES.filter((r) => permissions.includes(r.permission));
}

const UsersPage = lazy(() => import("./users/UsersPage").then((m) => ({ default: m.UsersPage })));
const RequestsPage = lazy(() => import("./requests/RequestsPage").then((m) => ({ default: m.RequestsPage })));
const SecurityPage = lazy(() => import("./security/SecurityPage").then((m) => ({ default: m.SecurityPage })));
const AuditPage = lazy(() => import("./audit/AuditPage").then((m) => ({ default: m.AuditPage })));
const PeoplePage = lazy(() => import("./people/PeoplePage").then((m) => ({ default: m.PeoplePage })));
const AdminIndex = lazy(() => import("./AdminIndex").then((m) => ({ default: m.AdminIndex })));

/** The routes, placed inside the app's <Routes> (react-router reads <Route>s through fragments). */
export const adminRoutes = (
  <>
    <Route path="/admin" element={<AdminIndex />} />
    <Route path="/admin/users" element={<UsersPage />} />
    <Route path="/admin/requests" element={<RequestsPage />} />
    <Route path="/admin/security" element={<SecurityPage />} />
    <Route path="/admin/audit" element={<AuditPage />} />
    <Route path="/admin/people" element={<PeoplePage />} />
    {/* the audit log's earlier address */}
    <Route path="/audit" element={<Navigate to="/admin/audit" replace />} />
  </>
);
