import { PERMISSIONS } from "@zhichan/core/accounts/index.ts";
import type { RoleGrant, SessionUser, UserSummary } from "@zhichan/shared";
import type { Actor } from "./accounts.policy.js";
import type { OrgRow } from "./orgs.repository.js";
import type { RoleRow, UserRow } from "./users.repository.js";

export function toRoleGrants(rows: RoleRow[]): RoleGrant[] {
  return rows.map((r) => ({ role: r.role as RoleGrant["role"], district: r.district_code }));
}

export function toSessionUser(actor: Actor, orgs: (OrgRow & { org_role: string })[]): SessionUser {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    // The matrix order, so the list is stable.
    permissions: PERMISSIONS.filter((p) => actor.permissions.has(p)),
    district: actor.district,
    orgs: orgs.map((o) => ({
      orgId: o.id,
      name: o.name,
      kind: o.kind as "enterprise" | "agency",
      orgRole: o.org_role as "owner" | "member",
    })),
  };
}

/** Personal data leaves only as masks; the plain values need pii:reveal (see AccountsService.reveal). */
export function toUserSummary(u: UserRow, roles: RoleRow[], now: number, lockedUntil: number | null): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    status: u.status === "disabled" ? "disabled" : "active",
    roles: toRoleGrants(roles),
    phone: u.phone_mask,
    idNumber: u.id_number_mask,
    totpEnabled: u.totp_enabled === 1,
    locked: lockedUntil !== null && lockedUntil > now,
    createdAt: new Date(u.created_at).toISOString(),
    lastSignInAt: u.last_signin_at ? new Date(u.last_signin_at).toISOString() : null,
  };
}
