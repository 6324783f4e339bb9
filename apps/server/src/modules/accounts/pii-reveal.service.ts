import { AppError } from "@zhichan/core";
import { inDistrictScope } from "@zhichan/core/accounts/index.ts";
import type { Db } from "../../db/connection.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Actor } from "./accounts.policy.js";
import type { RequestInfo } from "./auth.service.js";
import { HOUR } from "./clock.js";
import { orgsOfUser } from "./orgs.repository.js";
import type { PiiCodec } from "./pii.js";
import type { RateLimiter } from "./rate-limiter.js";
import { findUserById, rolesOf } from "./users.repository.js";

/** How many reveals one official may make: the one place to change it (AccountsOptions.revealLimit overrides). */
export const REVEAL_LIMIT = { max: 20, windowMs: HOUR };
export type RevealLimit = typeof REVEAL_LIMIT;

/**
 * The plain phone and ID number of a user (permission pii:reveal). Scoped like every other official's view: a
 * city-wide official may reveal anyone, a district official only users of its district (through the organisations
 * they are accepted members of, or their own official district). Each reveal states a reason, kept in the audit
 * row, and reveals per official are rate-limited so no one can harvest the register.
 */
export class PiiRevealService {
  constructor(
    private readonly db: Db,
    private readonly pii: PiiCodec,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    /** Read by the security policy page. */
    readonly limit: RevealLimit = REVEAL_LIMIT,
  ) {}

  reveal(
    actor: Actor,
    userId: number,
    reason: string,
    req: RequestInfo,
  ): { phone: string | null; idNumber: string | null } {
    const audit = { actorId: actor.userId, actorName: actor.username, ip: req.ip, target: `user:${userId}` };
    // Counted before anything is looked up, so refused and missing targets spend the allowance too.
    const wait = this.limiter.hit(`pii-reveal:${actor.userId}`, this.limit.max, this.limit.windowMs);
    if (wait > 0) {
      this.audit.record({ ...audit, action: "pii.revealed", outcome: "denied", details: { reason, refused: "rate" } });
      throw new AppError(
        "RATE_LIMITED",
        `查看完整个人信息过于频繁（每小时最多 ${this.limit.max} 次），请 ${wait} 秒后再试 · too many reveals (at most ${this.limit.max} an hour): retry in ${wait} s`,
      );
    }
    const user = findUserById(this.db, userId);
    if (!user) throw new AppError("NOT_FOUND", `没有用户 ${userId} · no user ${userId}`);
    if (!this.inScope(actor.district, userId)) {
      this.audit.record({
        ...audit,
        action: "pii.revealed",
        outcome: "denied",
        details: { reason, refused: "district" },
      });
      throw new AppError("FORBIDDEN", "该用户不在你的辖区 · this user is outside your district");
    }
    this.audit.record({ ...audit, action: "pii.revealed", details: { fields: ["phone", "idNumber"], reason } });
    return { phone: this.pii.reveal(user.phone_enc), idNumber: this.pii.reveal(user.id_number_enc) };
  }

  /**
   * Personal data another module holds encrypted under this key (a case form's contact phone, see HeldPii): the
   * same allowance, reason and `pii.revealed` audit row as a user's reveal. The caller has already checked that the
   * official's district scope covers its record (it knows the record's district; this service does not).
   */
  revealHeld(
    actor: Actor,
    target: string,
    encrypted: Record<string, string | null>,
    reason: string,
    req: RequestInfo,
  ): Record<string, string | null> {
    const audit = { actorId: actor.userId, actorName: actor.username, ip: req.ip, target };
    const wait = this.limiter.hit(`pii-reveal:${actor.userId}`, this.limit.max, this.limit.windowMs);
    if (wait > 0) {
      this.audit.record({ ...audit, action: "pii.revealed", outcome: "denied", details: { reason, refused: "rate" } });
      throw new AppError(
        "RATE_LIMITED",
        `查看完整个人信息过于频繁（每小时最多 ${this.limit.max} 次），请 ${wait} 秒后再试 · too many reveals (at most ${this.limit.max} an hour): retry in ${wait} s`,
      );
    }
    this.audit.record({ ...audit, action: "pii.revealed", details: { fields: Object.keys(encrypted), reason } });
    return Object.fromEntries(Object.entries(encrypted).map(([k, v]) => [k, this.pii.reveal(v)]));
  }

  /** A user's districts: their accepted organisations' and, for an official, the district they serve. */
  private inScope(scope: string | null, userId: number): boolean {
    if (scope === null) return true;
    const districts = [
      ...orgsOfUser(this.db, userId).map((o) => o.district_code),
      ...rolesOf(this.db, userId).map((r) => r.district_code),
    ];
    return districts.some((d) => inDistrictScope(scope, d));
  }
}
