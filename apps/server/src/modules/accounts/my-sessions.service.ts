import crypto from "node:crypto";
import { AppError } from "@zhichan/core";
import type { MySession } from "@zhichan/shared";
import type { AuditService } from "../audit/audit.service.js";
import type { Actor } from "./accounts.policy.js";
import type { RequestInfo } from "./auth.service.js";
import type { SessionRow } from "./sessions.repository.js";
import type { SessionService } from "./sessions.service.js";
import { describeUserAgent, maskIp } from "./user-agent.js";

/**
 * The opaque reference a session is listed and revoked by: derived one-way from the stored hash, so the list never
 * carries the hash the cookie is looked up by (nor anything that leads back to the cookie), and needs no column.
 */
export const sessionRef = (idHash: string) =>
  crypto.createHash("sha256").update(`session-ref\0${idHash}`).digest("hex").slice(0, 24);

/**
 * A person's own sessions, for the personal centre: list them, end one, end all the others. Only ever the caller's
 * sessions: a reference of somebody else's session answers 404, the same as one that does not exist.
 */
export class MySessionsService {
  constructor(
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor): MySession[] {
    return this.sessions.liveOf(actor.userId).map((s) => ({
      id: sessionRef(s.id_hash),
      createdAt: new Date(s.created_at).toISOString(),
      lastSeenAt: new Date(s.last_seen_at).toISOString(),
      device: describeUserAgent(s.user_agent),
      ip: maskIp(s.ip),
      current: s.id_hash === actor.sessionHash,
    }));
  }

  /** Ends one of the caller's sessions; `signedOut` when it was the one in use. */
  revoke(actor: Actor, ref: string, req: RequestInfo): { ended: number; signedOut: boolean } {
    const target = this.sessions.liveOf(actor.userId).find((s) => sessionRef(s.id_hash) === ref);
    if (!target) throw new AppError("NOT_FOUND", "没有这个会话 · no such session of yours");
    const current = target.id_hash === actor.sessionHash;
    this.sessions.end(target.id_hash, current ? "signed_out" : "revoked_by_user");
    this.record(actor, req, "auth.session_revoked", { session: ref, current, device: deviceOf(target) });
    return { ended: 1, signedOut: current };
  }

  /** Ends every session of the caller's but the one in use ("sign out everywhere else"). */
  revokeOthers(actor: Actor, req: RequestInfo): { ended: number; signedOut: boolean } {
    const ended = this.sessions.endAllForUser(actor.userId, "revoked_by_user", actor.sessionHash);
    this.record(actor, req, "auth.sessions_revoked", { ended });
    return { ended, signedOut: false };
  }

  private record(actor: Actor, req: RequestInfo, action: string, details: Record<string, unknown>): void {
    this.audit.record({ action, actorId: actor.userId, actorName: actor.username, ip: req.ip, details });
  }
}

const deviceOf = (s: SessionRow) => describeUserAgent(s.user_agent);
