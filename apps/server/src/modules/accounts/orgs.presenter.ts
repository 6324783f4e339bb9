import type { ClaimView, InvitationView, OrgDetail } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { ClaimRow } from "./org-claims.repository.js";
import { pendingClaimsOfOrg } from "./org-claims.repository.js";
import { type InvitationDetailRow, pendingInvitationsOfOrg } from "./org-invitations.repository.js";
import { findOrg, orgMembers } from "./orgs.repository.js";

const iso = (ms: number) => new Date(ms).toISOString();

/** An organisation with its accepted members; its pending invitations and claims only for an owner's eyes. */
export function orgDetail(db: Db, orgId: number, forOwner: boolean): OrgDetail | undefined {
  const o = findOrg(db, orgId);
  if (!o) return undefined;
  return {
    id: o.id,
    kind: o.kind as OrgDetail["kind"],
    name: o.name,
    code: o.code,
    district: o.district_code,
    members: orgMembers(db, orgId).map((m) => ({
      userId: m.user_id,
      username: m.username,
      displayName: m.display_name,
      orgRole: m.org_role as "owner" | "member",
    })),
    invitations: forOwner
      ? pendingInvitationsOfOrg(db, orgId).map((i) => ({
          id: i.id,
          username: i.username,
          invitedAt: iso(i.created_at),
        }))
      : [],
    claims: forOwner
      ? pendingClaimsOfOrg(db, orgId).map((c) => ({
          id: c.id,
          username: c.username,
          displayName: c.display_name,
          createdAt: iso(c.created_at),
        }))
      : [],
  };
}

export function toInvitationView(i: InvitationDetailRow): InvitationView {
  return {
    id: i.id,
    orgId: i.org_id,
    orgName: i.org_name,
    orgKind: i.org_kind as InvitationView["orgKind"],
    invitedBy: i.inviter,
    invitedAt: iso(i.created_at),
  };
}

export function toClaimView(c: ClaimRow): ClaimView {
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    orgCode: c.org_code,
    district: c.org_district,
    claimant: { userId: c.user_id, username: c.username, displayName: c.display_name },
    status: c.status as ClaimView["status"],
    createdAt: iso(c.created_at),
    decidedAt: c.decided_at === null ? null : iso(c.decided_at),
    reason: c.reason,
  };
}
