import { AppError } from "@zhichan/core";
import type { InvitationView } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Actor } from "./accounts.policy.js";
import type { RequestInfo } from "./auth.service.js";
import type { Clock } from "./clock.js";
import { closeInvitation, findInvitation, pendingInvitationsFor } from "./org-invitations.repository.js";
import { toInvitationView } from "./orgs.presenter.js";
import { addMember, findOrg, memberRole } from "./orgs.repository.js";
import { by } from "./orgs.service.js";

const NO_INVITATION = "没有给你的待处理邀请 · no pending invitation for you with that number";

/** The invitee's side of membership: see what is waiting, accept (and only then join) or decline. */
export class OrgInvitationsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  pendingFor(actor: Actor): InvitationView[] {
    return pendingInvitationsFor(this.db, actor.username).map(toInvitationView);
  }

  accept(actor: Actor, invitationId: number, req: RequestInfo): { ok: true } {
    this.db.sqlite.transaction(() => {
      const inv = this.mine(actor, invitationId);
      const org = findOrg(this.db, inv.org_id);
      if (!org) throw new AppError("NOT_FOUND", NO_INVITATION);
      if (!actor.roles.some((r) => r.role === org.kind))
        throw new AppError(
          "BAD_REQUEST",
          `只有${org.kind === "agency" ? "服务机构" : "企业"}用户可以加入该机构 · only ${org.kind} users can join this organisation`,
        );
      closeInvitation(this.db, invitationId, "accepted", this.clock.now());
      if (!memberRole(this.db, org.id, actor.userId)) addMember(this.db, org.id, actor.userId, "member");
      this.audit.record({
        ...by(actor, req),
        action: "org.invitation_accepted",
        target: `org:${org.id}`,
        details: { invitationId, invitedBy: inv.invited_by },
      });
    })();
    return { ok: true };
  }

  decline(actor: Actor, invitationId: number, req: RequestInfo): { ok: true } {
    this.db.sqlite.transaction(() => {
      const inv = this.mine(actor, invitationId);
      closeInvitation(this.db, invitationId, "declined", this.clock.now());
      this.audit.record({
        ...by(actor, req),
        action: "org.invitation_declined",
        target: `org:${inv.org_id}`,
        details: { invitationId, invitedBy: inv.invited_by },
      });
    })();
    return { ok: true };
  }

  /** The same answer for someone else's invitation as for a missing one. */
  private mine(actor: Actor, invitationId: number) {
    const inv = findInvitation(this.db, invitationId);
    if (!inv || inv.username !== actor.username || inv.status !== "pending")
      throw new AppError("NOT_FOUND", NO_INVITATION);
    return inv;
  }
}
