import { AppError } from "@zhichan/core";
import type { OrgDetail } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Actor } from "./accounts.policy.js";
import type { RequestInfo } from "./auth.service.js";
import type { Clock } from "./clock.js";
import { closeInvitation, findInvitation, insertInvitation } from "./org-invitations.repository.js";
import { orgDetail } from "./orgs.presenter.js";
import {
  deleteMembership,
  findOrg,
  isMemberByUsername,
  memberRole,
  type OrgRow,
  orgsOfUser,
  ownerCount,
  removeMember,
  setMemberRole,
} from "./orgs.repository.js";

/**
 * Organisation membership. Nobody becomes a member without consent: the owner invites a username and the invitee
 * accepts (OrgInvitationsService); org_members holds accepted members only. Members may leave; the last owner hands
 * over first.
 */
export class OrgsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  mine(actor: Actor): OrgDetail[] {
    return orgsOfUser(this.db, actor.userId).map((o) => this.detail(o.id, o.org_role === "owner"));
  }

  /** The organisations a user has ACCEPTED membership of (what a case may be filed under). */
  acceptedOrgs(userId: number): (OrgRow & { org_role: string })[] {
    return orgsOfUser(this.db, userId);
  }

  /** True only for an accepted member (owner or member); invitations and claims do not count. */
  isAcceptedMember(userId: number, orgId: number): boolean {
    return memberRole(this.db, orgId, userId) !== undefined;
  }

  /**
   * Invites a username to the organisation. The answer is the same whether the username exists, holds another kind
   * of role, is already invited or is unknown (no enumeration of accounts): the invitation is kept by username and
   * checked only when someone accepts it. An existing member gets no invitation (the owner already sees them).
   */
  invite(actor: Actor, orgId: number, username: string, req: RequestInfo): OrgDetail {
    this.ownedOrg(actor, orgId);
    this.db.sqlite.transaction(() => {
      const already = isMemberByUsername(this.db, orgId, username);
      if (!already) insertInvitation(this.db, orgId, username, actor.userId, this.clock.now());
      this.audit.record({
        ...by(actor, req),
        action: "org.member_invited",
        target: `org:${orgId}`,
        details: { username, alreadyMember: already },
      });
    })();
    return this.detail(orgId, true);
  }

  cancelInvitation(actor: Actor, orgId: number, invitationId: number, req: RequestInfo): OrgDetail {
    this.ownedOrg(actor, orgId);
    const inv = findInvitation(this.db, invitationId);
    this.db.sqlite.transaction(() => {
      if (!inv || inv.org_id !== orgId || closeInvitation(this.db, invitationId, "cancelled", this.clock.now()) === 0)
        throw new AppError("NOT_FOUND", "没有待处理的邀请 · no such pending invitation");
      this.audit.record({
        ...by(actor, req),
        action: "org.invitation_cancelled",
        target: `org:${orgId}`,
        details: { invitationId, username: inv.username },
      });
    })();
    return this.detail(orgId, true);
  }

  removeMember(actor: Actor, orgId: number, userId: number, req: RequestInfo): OrgDetail {
    this.ownedOrg(actor, orgId);
    this.db.sqlite.transaction(() => {
      if (removeMember(this.db, orgId, userId) === 0)
        throw new AppError("NOT_FOUND", "没有这个成员（所有者不能移除） · no such member (the owner stays)");
      this.audit.record({
        ...by(actor, req),
        action: "org.member_removed",
        target: `org:${orgId}`,
        details: { userId },
      });
    })();
    return this.detail(orgId, true);
  }

  /** A member leaves on their own; the last owner must first make another member an owner. */
  leave(actor: Actor, orgId: number, req: RequestInfo): { ok: true } {
    this.db.sqlite.transaction(() => {
      const role = memberRole(this.db, orgId, actor.userId);
      if (!role)
        throw new AppError("NOT_FOUND", `你不是机构 ${orgId} 的成员 · you are not a member of organisation ${orgId}`);
      if (role === "owner" && ownerCount(this.db, orgId) <= 1)
        throw new AppError(
          "CONFLICT",
          "你是该机构唯一的所有者：请先将另一名成员设为所有者再退出 · you are the only owner: make another member an owner before leaving",
        );
      deleteMembership(this.db, orgId, actor.userId);
      this.audit.record({ ...by(actor, req), action: "org.member_left", target: `org:${orgId}`, details: { role } });
    })();
    return { ok: true };
  }

  /** The hand-over: an owner makes an accepted member a co-owner (who may then let the first owner leave). */
  makeOwner(actor: Actor, orgId: number, userId: number, req: RequestInfo): OrgDetail {
    this.ownedOrg(actor, orgId);
    this.db.sqlite.transaction(() => {
      if (memberRole(this.db, orgId, userId) !== "member")
        throw new AppError("NOT_FOUND", "没有这个成员 · no such member");
      setMemberRole(this.db, orgId, userId, "owner");
      this.audit.record({ ...by(actor, req), action: "org.owner_added", target: `org:${orgId}`, details: { userId } });
    })();
    return this.detail(orgId, true);
  }

  private ownedOrg(actor: Actor, orgId: number): OrgRow {
    const org = findOrg(this.db, orgId);
    // The same answer whether the organisation is missing or someone else's.
    if (!org || memberRole(this.db, orgId, actor.userId) !== "owner") {
      throw new AppError("NOT_FOUND", `没有你管理的机构 ${orgId} · no organisation ${orgId} that you own`);
    }
    return org;
  }

  private detail(orgId: number, forOwner: boolean): OrgDetail {
    const d = orgDetail(this.db, orgId, forOwner);
    if (!d) throw new AppError("NOT_FOUND", `没有机构 ${orgId} · no organisation ${orgId}`);
    return d;
  }
}

export function by(actor: Actor, req: RequestInfo) {
  return { actorId: actor.userId, actorName: actor.username, ip: req.ip };
}
