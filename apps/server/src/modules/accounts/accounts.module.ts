import crypto from "node:crypto";
import { PASSWORD_POLICIES, type PasswordPolicyName } from "@zhichan/core/accounts/index.ts";
import type { Db } from "../../db/connection.js";
import { type AuditKeying, AuditService } from "../audit/audit.service.js";
import { AccountsService } from "./accounts.service.js";
import { AdminRequestsService } from "./admin-requests.service.js";
import { AuthService } from "./auth.service.js";
import { type Clock, systemClock } from "./clock.js";
import { Credentials } from "./credentials.js";
import { DataCipher } from "./data-cipher.js";
import { MySessionsService } from "./my-sessions.service.js";
import { OrgClaimsService } from "./org-claims.service.js";
import { OrgInvitationsService } from "./org-invitations.service.js";
import { OrgsService } from "./orgs.service.js";
import { type Argon2Params, PasswordHasher, PRODUCTION_ARGON2 } from "./passwords.js";
import { PiiCodec } from "./pii.js";
import { PiiRevealService, REVEAL_LIMIT, type RevealLimit } from "./pii-reveal.service.js";
import { DEFAULT_RATE_LIMITS, RateLimiter } from "./rate-limiter.js";
import { DEFAULT_TIMEOUTS, SessionService, type SessionTimeouts } from "./sessions.service.js";
import { SetupService } from "./setup.service.js";
import { UserDirectoryService } from "./user-directory.service.js";

export interface AccountsOptions {
  /** 32 bytes; without it an ephemeral key is made (tests only: data would be unreadable after a restart). */
  dataKey?: Buffer;
  /** The audit log's key and checkpoint file (modules/audit/audit-anchor.ts); without it an ephemeral key (tests). */
  audit?: AuditKeying;
  clock?: Clock;
  passwordPolicy?: PasswordPolicyName;
  argon2?: Argon2Params;
  timeouts?: SessionTimeouts;
  /** Requests per minute per client address, for all routes and for sign-in/registration/setup. */
  rateLimits?: { perMinute: number; authPerMinute: number };
  /** Reveals of personal data per official (default REVEAL_LIMIT: 20 an hour). */
  revealLimit?: RevealLimit;
}

export interface AccountsServices {
  clock: Clock;
  audit: AuditService;
  sessions: SessionService;
  /** A person's own active sessions (personal centre): list, end one, end the others. */
  mySessions: MySessionsService;
  auth: AuthService;
  accounts: AccountsService;
  orgs: OrgsService;
  /** The invitee's side of membership, and claims on already-registered organisations (issue #13). */
  invitations: OrgInvitationsService;
  claims: OrgClaimsService;
  /** Administrator accounts created or changed only with a second administrator's approval. */
  adminRequests: AdminRequestsService;
  /** District-scoped, reasoned, rate-limited reveals of personal data. */
  reveals: PiiRevealService;
  /** The administration pages' reads: one user with their organisations, districts by name, people to reveal. */
  directory: UserDirectoryService;
  setup: SetupService;
  limiter: RateLimiter;
  /** For the CLI and test fixtures that write accounts directly. */
  hasher: PasswordHasher;
  cipher: DataCipher;
  rateLimits: { perMinute: number; authPerMinute: number };
}

export function createAccountsServices(db: Db, o: AccountsOptions = {}): AccountsServices {
  const clock = o.clock ?? systemClock;
  const cipher = new DataCipher(o.dataKey ?? crypto.randomBytes(32));
  const audit = new AuditService(db, clock, o.audit);
  const sessions = new SessionService(db, clock, o.timeouts ?? DEFAULT_TIMEOUTS);
  const hasher = new PasswordHasher(o.argon2 ?? PRODUCTION_ARGON2);
  const credentials = new Credentials(db, hasher, PASSWORD_POLICIES[o.passwordPolicy ?? "dengbao"]);
  const pii = new PiiCodec(cipher);
  const adminRequests = new AdminRequestsService(db, clock, sessions, audit);
  const accounts = new AccountsService(db, clock, credentials, pii, sessions, audit, adminRequests);
  return {
    clock,
    audit,
    sessions,
    mySessions: new MySessionsService(sessions, audit),
    auth: new AuthService(db, clock, sessions, credentials, cipher, audit),
    accounts,
    orgs: new OrgsService(db, clock, audit),
    invitations: new OrgInvitationsService(db, clock, audit),
    claims: new OrgClaimsService(db, clock, audit),
    adminRequests,
    // its own limiter: reveals count per official, apart from the per-address request limits
    reveals: new PiiRevealService(db, pii, audit, new RateLimiter(() => clock.now()), o.revealLimit ?? REVEAL_LIMIT),
    directory: new UserDirectoryService(db, accounts),
    setup: new SetupService(db, clock, accounts, audit),
    limiter: new RateLimiter(() => clock.now()),
    hasher,
    cipher,
    rateLimits: o.rateLimits ?? DEFAULT_RATE_LIMITS, // main.ts passes ZHICHAN_*RATE_LIMIT* (http/http-settings.ts)
  };
}
