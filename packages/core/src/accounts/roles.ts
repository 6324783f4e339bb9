/**
 * Roles and what they may do, as data: the one matrix the server's policy hook reads and the tests enumerate.
 * The three administrators are separated (三员分立, 等保 level 3): the system administrator runs accounts and the
 * system, the security administrator grants business roles and unlocks accounts, the audit administrator reads
 * the audit log. None of them can do another's job, and an administrator account holds no other role.
 */
export const ROLES = [
  "enterprise",
  "agency",
  "official",
  "expert",
  "mediator",
  "investigator",
  "sysadmin",
  "secadmin",
  "auditadmin",
] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES = ["sysadmin", "secadmin", "auditadmin"] as const satisfies readonly Role[];
export const BUSINESS_ROLES = ROLES.filter((r) => !(ADMIN_ROLES as readonly string[]).includes(r));
/** Roles a person may take by registering themselves (with an organisation). */
export const SELF_REGISTER_ROLES = ["enterprise", "agency"] as const satisfies readonly Role[];
/** Roles that must pass a TOTP second factor before any permission is granted. */
export const TOTP_ROLES: readonly Role[] = ["official", ...ADMIN_ROLES];

export const PERMISSIONS = [
  "case:apply",
  "case:assigned",
  "case:read",
  "case:decide",
  "org:members",
  "survey:file",
  "dashboard:read",
  // analytics: create and edit industry thematic database definitions
  "industry:write",
  // analytics: publish a navigation report to everyone, or withdraw it
  "report:publish",
  "pii:reveal",
  "user:read",
  "user:create",
  "user:disable",
  "system:config",
  "role:assign",
  "user:unlock",
  "security:policy",
  "audit:read",
  "audit:export",
  // registry, surveys, supervision, plan (modules/registry, surveys, supervision, plan)
  "registry:read",
  "registry:write",
  "survey:manage",
  "supervision:read",
  "brand:apply",
  "plan:edit",
  // imports and entities: data-quality page, merge/split/rename applicant entities (modules/data-quality, applicants)
  "data:import",
  // content: notices, policies, news and 办事指南 (modules/content)
  "content:publish",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  enterprise: ["case:apply", "org:members"],
  agency: ["case:apply", "org:members", "survey:file", "brand:apply"],
  official: [
    "case:read",
    "case:decide",
    "dashboard:read",
    "pii:reveal",
    "registry:read",
    "registry:write",
    "survey:manage",
    "supervision:read",
    "plan:edit",
    "industry:write",
    "report:publish",
    // Curating the data every figure counts is an official's business decision, so no administrator holds it (三员分立).
    "data:import",
    "content:publish",
  ],
  expert: ["case:assigned"],
  mediator: ["case:assigned"],
  investigator: ["case:assigned"],
  sysadmin: ["user:read", "user:create", "user:disable", "system:config"],
  secadmin: ["user:read", "role:assign", "user:unlock", "security:policy"],
  auditadmin: ["audit:read", "audit:export"],
};

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}

export function isAdminRole(r: Role): boolean {
  return (ADMIN_ROLES as readonly Role[]).includes(r);
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function requiresTotp(roles: readonly Role[]): boolean {
  return roles.some((r) => TOTP_ROLES.includes(r));
}

/** Why a set of roles cannot be held by one account, or null when it can. */
export function roleConflict(roles: readonly Role[]): string | null {
  const admins = roles.filter(isAdminRole);
  if (admins.length > 0 && roles.length > 1) {
    return "管理员账户只能担任一个角色 · an administrator account holds exactly one role (separation of duties)";
  }
  return null;
}

/**
 * Who may see a record of a district: an actor with no district scope (city-wide) sees all; a district-scoped
 * official sees only records of its own district (six-digit county-level code, or township codes beneath it).
 */
export function inDistrictScope(scope: string | null, recordDistrict: string | null | undefined): boolean {
  if (scope === null) return true;
  if (!recordDistrict) return false;
  return recordDistrict === scope || recordDistrict.startsWith(scope);
}
