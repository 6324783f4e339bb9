import { AppError } from "@zhichan/core";
import { isValidUscc, normaliseUscc, type Role, roleConflict } from "@zhichan/core/accounts/index.ts";
import type {
  AdminRequestView,
  CreateUserRequest,
  RegisterRequest,
  RegisterResponse,
  RoleGrant,
  UpdateProfileRequest,
  UserListQuery,
  UserSummary,
} from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Actor } from "./accounts.policy.js";
import { toUserSummary } from "./accounts.presenter.js";
import type { AdminRequestsService } from "./admin-requests.service.js";
import type { RequestInfo } from "./auth.service.js";
import type { Clock } from "./clock.js";
import type { Credentials } from "./credentials.js";
import { insertClaim } from "./org-claims.repository.js";
import { addMember, findOrgByCode, insertOrg } from "./orgs.repository.js";
import type { PiiCodec } from "./pii.js";
import { clearFailures, findFailures } from "./sessions.repository.js";
import type { SessionService } from "./sessions.service.js";
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  type NewUser,
  replaceRoles,
  rolesOf,
  setUserStatus,
  type UserRow,
  updateProfile,
  userIdByIdNumberHmac,
} from "./users.repository.js";

/** What registration needs from the officials' organisation register (modules/registry). */
export interface RegisteredOrg {
  name: string;
  district: string | null;
}

export interface PersonInput {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  idNumber?: string;
}

/** Registration, the administrators' account work and profiles (reveals: PiiRevealService). */
export class AccountsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly credentials: Credentials,
    private readonly pii: PiiCodec,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly adminRequests: AdminRequestsService,
  ) {}

  /**
   * Self-registration of an enterprise or agency user with their organisation. The answer is the same (201, one
   * generic message, one shape) whether or not the ID number or the organisation is already known, so registration
   * cannot be used to find out who has an account (issue #13):
   * - a credit code already registered here, or already in the officials' registry, becomes a pending CLAIM that
   *   gives no access until an official or the organisation's owner approves it (no impostor takes a real company);
   * - an ID number already on another account is not stored on the new one (the account is made without it and the
   *   clash is audited for officials); the person can add it later from their profile, signed in.
   * A taken USERNAME still answers 409: the platform has no e-mail or SMS channel, so hiding it would leave a real
   * person with an account they can never sign in to. A username is a chosen handle, not personal data, and the
   * auth rate limit bounds how fast anyone can probe them.
   */
  async register(r: z.output<typeof RegisterRequest>, req: RequestInfo): Promise<RegisterResponse> {
    const code = normaliseUscc(r.orgCode);
    if (!isValidUscc(code)) {
      throw new AppError(
        "BAD_REQUEST",
        "统一社会信用代码校验失败 · the unified social credit code fails the GB 32100 check",
        { field: "orgCode" },
      );
    }
    const clashWith = r.idNumber
      ? userIdByIdNumberHmac(this.db, this.pii.idNumber(r.idNumber).id_number_hmac)
      : undefined;
    const row = await this.newUserRow(clashWith === undefined ? r : { ...r, idNumber: undefined }, false);
    const registered = this.registryOrg(code);
    const knownInRegistry = registered !== undefined;
    this.db.sqlite.transaction(() => {
      const userId = insertUser(this.db, row);
      replaceRoles(this.db, userId, [{ role: r.orgKind, district_code: null }]);
      const existing = findOrgByCode(this.db, code);
      const orgId =
        existing?.id ??
        insertOrg(this.db, {
          kind: r.orgKind,
          // A registered organisation keeps the register's name and district: a claimant cannot pick the district
          // (and with it the officials) that will decide the claim.
          name: registered?.name ?? r.orgName,
          code,
          district_code: registered ? registered.district : (r.district ?? null),
          created_at: this.clock.now(),
        });
      const claimId = existing || knownInRegistry ? insertClaim(this.db, orgId, userId, this.clock.now()) : null;
      if (claimId === null) addMember(this.db, orgId, userId, "owner");
      const actor = { actorId: userId, actorName: row.username, ip: req.ip, target: `org:${orgId}` };
      this.audit.record({
        ...actor,
        action: "account.registered",
        details: { role: r.orgKind, idNumberClashWith: clashWith ?? null },
      });
      if (claimId !== null)
        this.audit.record({
          ...actor,
          action: "org.claim_submitted",
          details: { claimId, code, inRegistry: knownInRegistry, alreadyRegistered: existing !== undefined },
        });
    })();
    return {
      submitted: true,
      username: row.username,
      message:
        "注册申请已提交，请用用户名和密码登录；若该机构已在平台登记，需经机构所有者或主管部门审核后方可代表机构办理业务 · Registration submitted: sign in with your username and password. If the organisation is already registered, an official or its owner approves your claim before you can act for it.",
    };
  }

  /** Set once the registry exists (services.ts): the officials' register entry for a credit code, if any. */
  useRegistryLookup(lookup: (code: string) => RegisteredOrg | undefined): void {
    this.registryOrg = lookup;
  }
  private registryOrg: (code: string) => RegisteredOrg | undefined = () => undefined;

  /**
   * An account made by the system administrator: no business role (the security administrator grants those). An
   * administrator account is only requested here: it exists once a second administrator approves (AdminRequests).
   */
  async create(
    actor: Actor,
    r: z.output<typeof CreateUserRequest>,
    req: RequestInfo,
  ): Promise<{ user: UserSummary } | { request: AdminRequestView }> {
    const row = await this.newUserRow(r, true);
    if (r.adminRole) return { request: this.adminRequests.requestCreate(actor, row, r.adminRole, req) };
    const id = this.db.sqlite.transaction(() => {
      const userId = insertUser(this.db, row);
      this.audit.record({
        ...by(actor, req),
        action: "account.created",
        target: `user:${userId}`,
        details: { username: row.username, adminRole: null },
      });
      return userId;
    })();
    return { user: this.summary(id) };
  }

  /** Builds the row for a new account; `initial` marks a password someone else chose (changed at first sign-in). */
  async newUserRow(p: PersonInput, initial: boolean): Promise<NewUser> {
    if (findUserByUsername(this.db, p.username))
      throw new AppError("CONFLICT", "用户名已被使用 · username taken", { field: "username" });
    const phone = p.phone ? this.pii.phone(p.phone) : null;
    const id = p.idNumber ? this.pii.idNumber(p.idNumber) : null;
    if (id && userIdByIdNumberHmac(this.db, id.id_number_hmac) !== undefined) {
      throw new AppError("CONFLICT", "该身份证号码已注册 · an account with this ID number exists", {
        field: "idNumber",
      });
    }
    return {
      username: p.username,
      display_name: p.displayName,
      password_hash: await this.credentials.newHash(p.password, p.username),
      must_change_password: initial ? 1 : 0,
      phone_enc: phone?.phone_enc ?? null,
      phone_mask: phone?.phone_mask ?? null,
      id_number_enc: id?.id_number_enc ?? null,
      id_number_mask: id?.id_number_mask ?? null,
      id_number_hmac: id?.id_number_hmac ?? null,
      created_at: this.clock.now(),
    };
  }

  list(q: z.output<typeof UserListQuery>): { total: number; users: UserSummary[] } {
    const { total, rows } = listUsers(this.db, { ...q, now: this.clock.now() }, q.limit, q.offset);
    return { total, users: rows.map((u) => this.toSummary(u)) };
  }

  /** Replaces a user's business roles (the security administrator's job); administrator roles are not touched here. */
  setRoles(actor: Actor, userId: number, grants: RoleGrant[], req: RequestInfo): UserSummary {
    const user = this.mustUser(userId);
    const current = rolesOf(this.db, userId);
    if (current.some((r) => ["sysadmin", "secadmin", "auditadmin"].includes(r.role))) {
      throw new AppError("FORBIDDEN", "管理员账户的角色不能更改 · administrator accounts keep their one role");
    }
    const roles = [...new Map(grants.map((g) => [g.role, g])).values()];
    const conflict = roleConflict(roles.map((g) => g.role as Role));
    if (conflict) throw new AppError("BAD_REQUEST", conflict);
    const rows = roles.map((g) => ({ role: g.role, district_code: g.role === "official" ? g.district : null }));
    this.db.sqlite.transaction(() => {
      replaceRoles(this.db, userId, rows);
      this.sessions.endAllForUser(userId, "roles_changed");
      this.audit.record({
        ...by(actor, req),
        action: "permission.changed",
        target: `user:${userId}`,
        details: { username: user.username, before: current, after: rows },
      });
    })();
    return this.summary(userId);
  }

  /** Disables or enables an account; for an administrator account this is a request a second administrator approves. */
  setStatus(
    actor: Actor,
    userId: number,
    status: "active" | "disabled",
    req: RequestInfo,
  ): { user: UserSummary } | { request: AdminRequestView } {
    const user = this.mustUser(userId);
    if (status === "disabled" && userId === actor.userId)
      throw new AppError("BAD_REQUEST", "不能停用自己的账户 · you cannot disable your own account");
    if (this.adminRequests.isAdminAccount(userId))
      return { request: this.adminRequests.requestStatus(actor, userId, status, req) };
    this.db.sqlite.transaction(() => {
      setUserStatus(this.db, userId, status);
      const ended = status === "disabled" ? this.sessions.endAllForUser(userId, "account_disabled") : 0;
      this.audit.record({
        ...by(actor, req),
        action: status === "disabled" ? "account.disabled" : "account.enabled",
        target: `user:${userId}`,
        details: { username: user.username, sessionsEnded: ended },
      });
    })();
    return { user: this.summary(userId) };
  }

  unlock(actor: Actor, userId: number, req: RequestInfo): UserSummary {
    const user = this.mustUser(userId);
    clearFailures(this.db, user.username);
    this.audit.record({
      ...by(actor, req),
      action: "account.unlocked",
      target: `user:${userId}`,
      details: { username: user.username },
    });
    return this.summary(userId);
  }

  profile(actor: Actor): UserSummary {
    return this.summary(actor.userId);
  }

  updateProfile(actor: Actor, p: z.output<typeof UpdateProfileRequest>, req: RequestInfo): UserSummary {
    const patch: Parameters<typeof updateProfile>[2] = {};
    if (p.displayName !== undefined) patch.display_name = p.displayName;
    if (p.phone !== undefined)
      Object.assign(patch, p.phone ? this.pii.phone(p.phone) : { phone_enc: null, phone_mask: null });
    if (p.idNumber !== undefined) {
      const id = p.idNumber
        ? this.pii.idNumber(p.idNumber)
        : { id_number_enc: null, id_number_mask: null, id_number_hmac: null };
      const owner = id.id_number_hmac ? userIdByIdNumberHmac(this.db, id.id_number_hmac) : undefined;
      if (owner !== undefined && owner !== actor.userId)
        throw new AppError("CONFLICT", "该身份证号码已注册 · an account with this ID number exists");
      Object.assign(patch, id);
    }
    updateProfile(this.db, actor.userId, patch);
    this.audit.record({
      ...by(actor, req),
      action: "account.profile_changed",
      target: `user:${actor.userId}`,
      details: { fields: Object.keys(p) },
    });
    return this.summary(actor.userId);
  }

  summary(userId: number): UserSummary {
    return this.toSummary(this.mustUser(userId));
  }

  private toSummary(u: UserRow): UserSummary {
    return toUserSummary(
      u,
      rolesOf(this.db, u.id),
      this.clock.now(),
      findFailures(this.db, u.username)?.locked_until ?? null,
    );
  }

  private mustUser(id: number): UserRow {
    const u = findUserById(this.db, id);
    if (!u) throw new AppError("NOT_FOUND", `没有用户 ${id} · no user ${id}`);
    return u;
  }
}

function by(actor: Actor, req: RequestInfo) {
  return { actorId: actor.userId, actorName: actor.username, ip: req.ip };
}
