import { AppError } from "@zhichan/core";
import { isValidUscc, normaliseUscc, type Role, roleConflict } from "@zhichan/core/accounts/index.ts";
import type {
  CreateUserRequest,
  RegisterRequest,
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
import type { RequestInfo } from "./auth.service.js";
import type { Clock } from "./clock.js";
import type { Credentials } from "./credentials.js";
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

export interface PersonInput {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  idNumber?: string;
}

/** Registration, the administrators' account work, profiles and audited reveals of personal data. */
export class AccountsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly credentials: Credentials,
    private readonly pii: PiiCodec,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** Self-registration of an enterprise or agency user together with the organisation they own. */
  async register(r: z.output<typeof RegisterRequest>, req: RequestInfo): Promise<UserSummary> {
    const code = normaliseUscc(r.orgCode);
    if (!isValidUscc(code)) {
      throw new AppError(
        "BAD_REQUEST",
        "统一社会信用代码校验失败 · the unified social credit code fails the GB 32100 check",
        { field: "orgCode" },
      );
    }
    if (findOrgByCode(this.db, code)) {
      throw new AppError(
        "CONFLICT",
        "该机构已注册，请联系其管理员添加成员 · this organisation is registered: ask its owner to add you",
      );
    }
    const row = await this.newUserRow(r, false);
    const id = this.db.sqlite.transaction(() => {
      const userId = insertUser(this.db, row);
      replaceRoles(this.db, userId, [{ role: r.orgKind, district_code: null }]);
      const orgId = insertOrg(this.db, {
        kind: r.orgKind,
        name: r.orgName,
        code,
        district_code: r.district ?? null,
        created_at: this.clock.now(),
      });
      addMember(this.db, orgId, userId, "owner");
      this.audit.record({
        action: "account.registered",
        actorId: userId,
        actorName: row.username,
        target: `org:${orgId}`,
        ip: req.ip,
        details: { role: r.orgKind },
      });
      return userId;
    })();
    return this.summary(id);
  }

  /** An account made by the system administrator: no business role (the security administrator grants those). */
  async create(actor: Actor, r: z.output<typeof CreateUserRequest>, req: RequestInfo): Promise<UserSummary> {
    const row = await this.newUserRow(r, true);
    const id = this.db.sqlite.transaction(() => {
      const userId = insertUser(this.db, row);
      if (r.adminRole) replaceRoles(this.db, userId, [{ role: r.adminRole, district_code: null }]);
      this.audit.record({
        ...by(actor, req),
        action: "account.created",
        target: `user:${userId}`,
        details: { username: row.username, adminRole: r.adminRole ?? null },
      });
      if (r.adminRole)
        this.audit.record({
          ...by(actor, req),
          action: "permission.changed",
          target: `user:${userId}`,
          details: { roles: [r.adminRole] },
        });
      return userId;
    })();
    return this.summary(id);
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
    const { total, rows } = listUsers(this.db, q, q.limit, q.offset);
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

  setStatus(actor: Actor, userId: number, status: "active" | "disabled", req: RequestInfo): UserSummary {
    const user = this.mustUser(userId);
    if (status === "disabled" && userId === actor.userId)
      throw new AppError("BAD_REQUEST", "不能停用自己的账户 · you cannot disable your own account");
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
    return this.summary(userId);
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

  /** The plain phone and ID number: permission pii:reveal, and every reveal is in the audit log. */
  reveal(actor: Actor, userId: number, req: RequestInfo): { phone: string | null; idNumber: string | null } {
    const user = this.mustUser(userId);
    this.audit.record({
      ...by(actor, req),
      action: "pii.revealed",
      target: `user:${userId}`,
      details: { fields: ["phone", "idNumber"] },
    });
    return { phone: this.pii.reveal(user.phone_enc), idNumber: this.pii.reveal(user.id_number_enc) };
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
