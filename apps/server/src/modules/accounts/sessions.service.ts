import crypto from "node:crypto";
import type { Db } from "../../db/connection.js";
import { type Clock, HOUR, MINUTE } from "./clock.js";
import {
  endSession,
  endUserSessions,
  findLiveSession,
  insertSession,
  liveSessionsOfUser,
  type SessionRow,
  setSessionAbsoluteExpiry,
  touchSession,
} from "./sessions.repository.js";
import { findUserById, type UserRow } from "./users.repository.js";

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}
export const DEFAULT_TIMEOUTS: SessionTimeouts = { idleMs: 30 * MINUTE, absoluteMs: 8 * HOUR };

export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Server-side sessions: the cookie holds a random token, the database only its hash. */
export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly timeouts: SessionTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  create(
    userId: number,
    ip: string | null,
    totpVerified: boolean,
    userAgent: string | null = null,
  ): { token: string; row: SessionRow } {
    const token = crypto.randomBytes(32).toString("base64url");
    const now = this.clock.now();
    const row: SessionRow = {
      id_hash: hashToken(token),
      user_id: userId,
      csrf_token: crypto.randomBytes(24).toString("base64url"),
      created_at: now,
      last_seen_at: now,
      absolute_expires_at: now + this.timeouts.absoluteMs,
      totp_verified: totpVerified ? 1 : 0,
      ended_at: null,
      end_reason: null,
      ip,
      user_agent: userAgent,
    };
    insertSession(this.db, row);
    return { token, row };
  }

  /** The live session behind a cookie token and its active user, ending it when idle, too old or disabled. */
  resolve(token: string): { session: SessionRow; user: UserRow } | null {
    const idHash = hashToken(token);
    const session = findLiveSession(this.db, idHash);
    if (!session) return null;
    const now = this.clock.now();
    const user = findUserById(this.db, session.user_id);
    let ended: string | null = null;
    if (user?.status !== "active") ended = "account_disabled";
    else if (now - session.last_seen_at > this.timeouts.idleMs) ended = "idle_timeout";
    else if (now >= session.absolute_expires_at) ended = "absolute_timeout";
    if (ended || !user) {
      endSession(this.db, idHash, now, ended ?? "account_disabled");
      return null;
    }
    // Writes at most every 15 s per session; the idle timeout is 30 minutes.
    if (now - session.last_seen_at > 15_000) {
      touchSession(this.db, idHash, now);
      session.last_seen_at = now;
    }
    return { session, user };
  }

  /** A user's sessions that are still usable (not ended, not past the idle or absolute timeout), latest first. */
  liveOf(userId: number): SessionRow[] {
    const now = this.clock.now();
    return liveSessionsOfUser(this.db, userId).filter(
      (s) => now - s.last_seen_at <= this.timeouts.idleMs && now < s.absolute_expires_at,
    );
  }

  idleExpiresAt(s: SessionRow): number {
    return Math.min(s.last_seen_at + this.timeouts.idleMs, s.absolute_expires_at);
  }

  /**
   * After the second factor the session gets a new id (and CSRF token): a token seen before the elevation is
   * worthless after it. The absolute timeout still counts from the password step.
   */
  elevate(old: SessionRow): { token: string; row: SessionRow } {
    const fresh = this.create(old.user_id, old.ip, true, old.user_agent);
    fresh.row.absolute_expires_at = old.absolute_expires_at;
    setSessionAbsoluteExpiry(this.db, fresh.row.id_hash, old.absolute_expires_at);
    endSession(this.db, old.id_hash, this.clock.now(), "elevated");
    return fresh;
  }

  end(idHash: string, reason: string): void {
    endSession(this.db, idHash, this.clock.now(), reason);
  }

  endAllForUser(userId: number, reason: string, exceptIdHash?: string): number {
    return endUserSessions(this.db, userId, this.clock.now(), reason, exceptIdHash);
  }
}
