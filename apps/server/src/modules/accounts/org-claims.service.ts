import { AppError } from "@zhichan/core";
import { inDistrictScope } from "@zhichan/core/accounts/index.ts";
import type { ClaimView } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Actor } from "./accounts.policy.js";
import type { RequestInfo } from "./auth.service.js";
import type { Clock } from "./clock.js";
import { claimsOfUser, decideClaim, findClaim, pendingClaims } from "./org-claims.repository.js";
import { toClaimView } from "./orgs.presenter.js";
import { addMember, memberRole, ownerCount } from "./orgs.repository.js";
import { by } from "./orgs.service.js";

/**
 * Claims on an organisation that is already known (its credit code registered by someone else, or in the officials'
 * registry): made at registration, they give no access until an official who may edit the registry (in the
 * organisation's district) or an owner of the organisation approves. The permission that fits is registry:write:
 * the officials who keep the organisation register are the ones who can tell the real company from an impostor.
 */
export class OrgClaimsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The claimant's own claims and their state. */
  mine(actor: Actor): ClaimView[] {
    return claimsOfUser(this.db, actor.userId).map(toClaimView);
  }

  /** Pending claims an official may decide (district-scoped officials see their district's organisations). */
  pendingForOfficial(actor: Actor): ClaimView[] {
    return pendingClaims(this.db, 500)
      .filter((c) => inDistrictScope(actor.district, c.org_district))
      .map(toClaimView);
  }

  approve(actor: Actor, claimId: number, req: RequestInfo): ClaimView {
    return this.decide(actor, claimId, "approved", null, req);
  }

  reject(actor: Actor, claimId: number, reason: string | null, req: RequestInfo): ClaimView {
    return this.decide(actor, claimId, "rejected", reason, req);
  }

  private decide(
    actor: Actor,
    claimId: number,
    status: "approved" | "rejected",
    reason: string | null,
    req: RequestInfo,
  ): ClaimView {
    this.db.sqlite.transaction(() => {
      const c = findClaim(this.db, claimId);
      // Missing, decided or not the caller's to decide: one answer, so claim numbers reveal nothing.
      if (c?.status !== "pending" || !this.mayDecide(actor, c.org_id, c.org_district))
        throw new AppError(
          "NOT_FOUND",
          `没有你可处理的待审认领 ${claimId} · no pending claim ${claimId} for you to decide`,
        );
      if (c.user_id === actor.userId)
        throw new AppError("FORBIDDEN", "不能审批自己的认领 · you cannot decide your own claim");
      decideClaim(this.db, claimId, status, actor.userId, this.clock.now(), reason);
      let orgRole: string | null = null;
      if (status === "approved" && !memberRole(this.db, c.org_id, c.user_id)) {
        // The first approved claimant of an organisation nobody holds becomes its owner; later ones join as members.
        orgRole = ownerCount(this.db, c.org_id) === 0 ? "owner" : "member";
        addMember(this.db, c.org_id, c.user_id, orgRole as "owner" | "member");
      }
      this.audit.record({
        ...by(actor, req),
        action: status === "approved" ? "org.claim_approved" : "org.claim_rejected",
        target: `org:${c.org_id}`,
        details: { claimId, claimant: c.user_id, orgRole, reason },
      });
    })();
    const c = findClaim(this.db, claimId);
    if (!c) throw new AppError("NOT_FOUND", `没有认领 ${claimId} · no claim ${claimId}`);
    return toClaimView(c);
  }

  private mayDecide(actor: Actor, orgId: number, district: string | null): boolean {
    if (memberRole(this.db, orgId, actor.userId) === "owner") return true;
    return actor.permissions.has("registry:write") && inDistrictScope(actor.district, district);
  }
}
