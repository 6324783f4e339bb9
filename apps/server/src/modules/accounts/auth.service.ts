import { AppError } from "@zhichan/core";
import { type PasswordPolicy, passwordExpired, type Role } from "@zhichan/core/accounts/index.ts";
import type { SessionResponse, TotpSetupResponse } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { AuditService } from "../audit/audit.service.js";
import { type Actor, grantsToActorFields, sessionStage } from "./accounts.policy.js";
import { toRoleGrants, toSessionUser } from "./accounts.presenter.js";
import { type Clock, MINUTE } from "./clock.js";
import type { Credentials } from "./credentials.js";
import type { DataCipher } from "./data-cipher.js";
import { orgsOfUser } from "./orgs.repository.js";
import { clearFailures, type FailureRow, findFailures, findLiveSession, saveFailures } from "./sessions.repository.js";
import type { SessionService } from "./sessions.service.js";
import { newTotpSecret, otpauthUri, verifyTotp } from "./totp.js";
import {
  enableTotp,
  findUserById,
  findUserByUsername,
  rolesOf,
  setLastSignin,
  setTotpLastCounter,
  setTotpSecret,
  type UserRow,
  updatePassword,
} from "./users.repository.js";

export const LOCKOUT = { maxFailures: 5, lockMs: 30 * MINUTE } as const;
const WRONG = "用户名或密码错误 · wrong username or password";

/** A session that passed the second factor, under a new id. */
export interface Elevated {
  token: string;
  actor: Actor;
}

export interface RequestInfo {
  ip: string | null;
  /** The browser's User-Agent (cut to 256 characters), kept with a new session so its owner can recognise it. */
  userAgent?: string | null;
}

/** Sign-in, second factor, password change and sign-out. */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly credentials: Credentials,
    private readonly cipher: DataCipher,
    private readonly audit: AuditService,
  ) {}

  get policy(): PasswordPolicy {
    return this.credentials.policy;
  }

  /**
   * Checks the password and opens a session. Unknown usernames take the same time, count failures the same way
   * and lock the same way as known ones, so the answer never tells whether an account exists.
   */
  async signIn(username: string, password: string, req: RequestInfo): Promise<{ token: string; actor: Actor }> {
    const now = this.clock.now();
    const failures = findFailures(this.db, username);
    if (failures?.locked_until && failures.locked_until > now) {
      this.audit.record({
        action: "auth.signin_failed",
        outcome: "denied",
        target: username,
        ip: req.ip,
        details: { reason: "locked" },
      });
      throw lockedError(failures.locked_until, now);
    }
    const user = findUserByUsername(this.db, username);
    const ok = user
      ? await this.credentials.hasher.verify(user.password_hash, password)
      : await this.credentials.hasher.verifyNothing(password);
    if (!user || !ok || user.status !== "active") {
      const reason = !user ? "unknown_user" : !ok ? "bad_password" : "disabled";
      const { count, lockedUntil } = this.countFailure(username, failures, now);
      this.audit.record({
        action: "auth.signin_failed",
        outcome: "failure",
        actorId: user?.id ?? null,
        target: username,
        ip: req.ip,
        details: { reason, failures: count, locked: lockedUntil !== null },
      });
      if (lockedUntil) throw lockedError(lockedUntil, now);
      throw new AppError("UNAUTHENTICATED", WRONG);
    }
    setLastSignin(this.db, user.id, now);
    const { token, row } = this.sessions.create(user.id, req.ip, false, req.userAgent ?? null);
    const actor = this.actorOf(user, row.id_hash);
    // With a code still to come, failed codes count on from here: signing in again must not reset them.
    if (actor.stage !== "totp_required") clearFailures(this.db, username);
    this.audit.record({
      action: "auth.signin",
      actorId: user.id,
      actorName: user.username,
      ip: req.ip,
      details: { stage: actor.stage },
    });
    return { token, actor };
  }

  /** The actor behind a session cookie, or null when there is no live session. */
  resolve(token: string): Actor | null {
    const found = this.sessions.resolve(token);
    return found ? this.actorOf(found.user, found.session.id_hash) : null;
  }

  private actorOf(user: UserRow, sessionHash: string): Actor {
    const s = findLiveSession(this.db, sessionHash);
    if (!s) throw new AppError("UNAUTHENTICATED", "会话已结束 · the session has ended");
    const grants = toRoleGrants(rolesOf(this.db, user.id));
    const stage = sessionStage({
      roles: grants.map((g) => g.role as Role),
      totpEnabled: user.totp_enabled === 1,
      totpVerified: s.totp_verified === 1,
      mustChangePassword: user.must_change_password === 1,
      passwordExpired: passwordExpired(this.policy, user.password_changed_at, this.clock.now()),
    });
    return {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: grants,
      ...grantsToActorFields(grants),
      stage,
      sessionHash,
      csrfToken: s.csrf_token,
      idleExpiresAt: Math.min(s.last_seen_at + this.sessions.timeouts.idleMs, s.absolute_expires_at),
      absoluteExpiresAt: s.absolute_expires_at,
    };
  }

  sessionView(actor: Actor | null, anonymousCsrf: string | null): SessionResponse {
    if (!actor)
      return { stage: "anonymous", user: null, csrfToken: anonymousCsrf, idleExpiresAt: null, absoluteExpiresAt: null };
    return {
      stage: actor.stage,
      user: toSessionUser(actor, orgsOfUser(this.db, actor.userId)),
      csrfToken: actor.csrfToken,
      idleExpiresAt: new Date(actor.idleExpiresAt).toISOString(),
      absoluteExpiresAt: new Date(actor.absoluteExpiresAt).toISOString(),
    };
  }

  /** Starts (or restarts, while not yet confirmed) TOTP enrolment: a new secret the user adds to an app. */
  beginTotpSetup(actor: Actor): TotpSetupResponse {
    const user = this.mustUser(actor.userId);
    if (user.totp_enabled) throw new AppError("CONFLICT", "已绑定动态口令 · TOTP is already set up");
    const secret = newTotpSecret();
    setTotpSecret(this.db, user.id, this.cipher.encrypt(secret), false);
    return { secret, otpauthUri: otpauthUri(secret, user.username) };
  }

  /** Confirms enrolment with a first code from the app; the session counts as verified. */
  confirmTotpSetup(actor: Actor, code: string, req: RequestInfo): Elevated {
    const user = this.mustUser(actor.userId);
    if (user.totp_enabled) throw new AppError("CONFLICT", "已绑定动态口令 · TOTP is already set up");
    if (!user.totp_secret_enc) throw new AppError("BAD_REQUEST", "请先开始绑定 · start the TOTP setup first");
    const counter = verifyTotp(this.cipher.decrypt(user.totp_secret_enc), code, this.clock.now(), null);
    if (counter === null) throw this.totpFailed(actor, req);
    enableTotp(this.db, user.id, counter);
    this.audit.record({ action: "auth.totp_enrolled", actorId: user.id, actorName: user.username, ip: req.ip });
    return this.elevate(actor, user.id);
  }

  /**
   * The second factor. Wrong codes count against the account exactly like wrong passwords (the same counter,
   * LOCKOUT limits and "too many attempts" answer), so a stolen password does not buy unlimited guesses at six
   * digits; a right code clears the count.
   */
  verifyTotp(actor: Actor, code: string, req: RequestInfo): Elevated {
    const user = this.mustUser(actor.userId);
    if (!user.totp_enabled || !user.totp_secret_enc)
      throw new AppError("BAD_REQUEST", "尚未绑定动态口令 · TOTP is not set up");
    const now = this.clock.now();
    const failures = findFailures(this.db, user.username);
    if (failures?.locked_until && failures.locked_until > now) {
      this.audit.record({
        action: "auth.totp_failed",
        outcome: "denied",
        actorId: actor.userId,
        actorName: actor.username,
        ip: req.ip,
        details: { reason: "locked" },
      });
      throw lockedError(failures.locked_until, now);
    }
    const counter = verifyTotp(this.cipher.decrypt(user.totp_secret_enc), code, now, user.totp_last_counter);
    if (counter === null) {
      const { count, lockedUntil } = this.countFailure(user.username, failures, now);
      const failed = this.totpFailed(actor, req, { failures: count, locked: lockedUntil !== null });
      throw lockedUntil ? lockedError(lockedUntil, now) : failed;
    }
    clearFailures(this.db, user.username);
    setTotpLastCounter(this.db, user.id, counter);
    return this.elevate(actor, user.id);
  }

  /** One more failed attempt (password or code) within the window; locks the account at LOCKOUT.maxFailures. */
  private countFailure(
    username: string,
    failures: FailureRow | undefined,
    now: number,
  ): { count: number; lockedUntil: number | null } {
    const recent = failures && now - failures.last_failed_at < LOCKOUT.lockMs ? failures.failures : 0;
    const count = recent + 1;
    const lockedUntil = count >= LOCKOUT.maxFailures ? now + LOCKOUT.lockMs : null;
    saveFailures(this.db, {
      username,
      failures: lockedUntil ? 0 : count,
      last_failed_at: now,
      locked_until: lockedUntil,
    });
    return { count, lockedUntil };
  }

  private elevate(actor: Actor, userId: number): Elevated {
    const old = findLiveSession(this.db, actor.sessionHash);
    if (!old) throw new AppError("UNAUTHENTICATED", "会话已结束 · the session has ended");
    const { token, row } = this.sessions.elevate(old);
    return { token, actor: this.actorOf(this.mustUser(userId), row.id_hash) };
  }

  private totpFailed(actor: Actor, req: RequestInfo, details?: { failures: number; locked: boolean }): AppError {
    this.audit.record({
      action: "auth.totp_failed",
      outcome: "failure",
      actorId: actor.userId,
      actorName: actor.username,
      ip: req.ip,
      ...(details ? { details } : {}),
    });
    return new AppError("UNAUTHENTICATED", "动态口令不正确 · wrong or already used code");
  }

  /** Changes the password and ends the user's other sessions. Needs the TOTP step done first when it applies. */
  async changePassword(actor: Actor, current: string, next: string, req: RequestInfo): Promise<Actor> {
    if (actor.stage === "totp_required" || actor.stage === "totp_setup_required") {
      throw new AppError("FORBIDDEN", "请先完成动态口令验证 · finish the TOTP step first");
    }
    const user = this.mustUser(actor.userId);
    if (!(await this.credentials.hasher.verify(user.password_hash, current))) {
      this.audit.record({
        action: "auth.password_changed",
        outcome: "failure",
        actorId: user.id,
        actorName: user.username,
        ip: req.ip,
      });
      throw new AppError("BAD_REQUEST", "当前密码不正确 · the current password is wrong", { field: "currentPassword" });
    }
    const hash = await this.credentials.newHash(next, user.username, user.id);
    this.db.sqlite.transaction(() => {
      updatePassword(this.db, user.id, hash, this.clock.now(), false);
      this.sessions.endAllForUser(user.id, "password_changed", actor.sessionHash);
      this.audit.record({ action: "auth.password_changed", actorId: user.id, actorName: user.username, ip: req.ip });
    })();
    return this.actorOf(this.mustUser(user.id), actor.sessionHash);
  }

  /** Ends this session, or every session of the user ("sign out everywhere"). */
  signOut(actor: Actor, everywhere: boolean, req: RequestInfo): void {
    this.sessions.end(actor.sessionHash, "signed_out");
    const others = everywhere ? this.sessions.endAllForUser(actor.userId, "signed_out_everywhere") : 0;
    this.audit.record({
      action: "auth.signout",
      actorId: actor.userId,
      actorName: actor.username,
      ip: req.ip,
      details: everywhere ? { everywhere, otherSessionsEnded: others } : null,
    });
  }

  private mustUser(id: number): UserRow {
    const u = findUserById(this.db, id);
    if (!u) throw new AppError("UNAUTHENTICATED", "账户不存在 · no such account");
    return u;
  }
}

function lockedError(until: number, now: number): AppError {
  const minutes = Math.ceil((until - now) / MINUTE);
  return new AppError(
    "UNAUTHENTICATED",
    `尝试次数过多，请 ${minutes} 分钟后再试 · too many failed attempts: try again in ${minutes} min`,
    {
      locked: true,
      retryAfterSeconds: Math.ceil((until - now) / 1000),
    },
  );
}
