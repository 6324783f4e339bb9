import { AppError } from "@zhichan/core";
import type { OrgDetail } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Actor } from "./accounts.policy.js";
import type { RequestInfo } from "./auth.service.js";
import { addMember, findOrg, memberRole, orgMembers, orgsOfUser, removeMember } from "./orgs.repository.js";
import { findUserByUsername, rolesOf } from "./users.repository.js";

/** Organisation membership: the owner of an enterprise or agency account adds and removes its members. */
export class OrgsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  mine(actor: Actor): OrgDetail[] {
    return orgsOfUser(this.db, actor.userId).map((o) => this.detail(o.id));
  }

  addMember(actor: Actor, orgId: number, username: string, req: RequestInfo): OrgDetail {
    const org = this.ownedOrg(actor, orgId);
    const user = findUserByUsername(this.db, username);
    if (!user) throw new AppError("NOT_FOUND", `没有用户 ${username} · no user ${username}`);
    const roles = rolesOf(this.db, user.id).map((r) => r.role);
    if (!roles.includes(org.kind)) {
      throw new AppError(
        "BAD_REQUEST",
        `该用户不是${org.kind === "agency" ? "服务机构" : "企业"}用户 · the user lacks the ${org.kind} role`,
      );
    }
    if (memberRole(this.db, orgId, user.id)) throw new AppError("CONFLICT", "已是成员 · already a member");
    this.db.sqlite.transaction(() => {
      addMember(this.db, orgId, user.id, "member");
      this.audit.record({
        actorId: actor.userId,
        actorName: actor.username,
        ip: req.ip,
        action: "org.member_added",
        target: `org:${orgId}`,
        details: { userId: user.id },
      });
    })();
    return this.detail(orgId);
  }

  removeMember(actor: Actor, orgId: number, userId: number, req: RequestInfo): OrgDetail {
    this.ownedOrg(actor, orgId);
    this.db.sqlite.transaction(() => {
      if (removeMember(this.db, orgId, userId) === 0)
        throw new AppError("NOT_FOUND", "没有这个成员（所有者不能移除） · no such member (the owner stays)");
      this.audit.record({
        actorId: actor.userId,
        actorName: actor.username,
        ip: req.ip,
        action: "org.member_removed",
        target: `org:${orgId}`,
        details: { userId },
      });
    })();
    return this.detail(orgId);
  }

  private ownedOrg(actor: Actor, orgId: number) {
    const org = findOrg(this.db, orgId);
    // The same answer whether the organisation is missing or someone else's.
    if (!org || memberRole(this.db, orgId, actor.userId) !== "owner") {
      throw new AppError("NOT_FOUND", `没有你管理的机构 ${orgId} · no organisation ${orgId} that you own`);
    }
    return org;
  }

  private detail(orgId: number): OrgDetail {
    const o = findOrg(this.db, orgId);
    if (!o) throw new AppError("NOT_FOUND", `没有机构 ${orgId} · no organisation ${orgId}`);
    return {
      id: o.id,
      kind: o.kind as OrgDetail["kind"],
      name: o.name,
      code: o.code,
      district: o.district_code,
      members: orgMembers(this.db, orgId).map((m) => ({
        userId: m.user_id,
        username: m.username,
        displayName: m.display_name,
        orgRole: m.org_role as "owner" | "member",
      })),
    };
  }
}
