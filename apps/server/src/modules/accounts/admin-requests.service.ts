import { AppError } from "@zhichan/core";
import { isAdminRole, type Role } from "@zhichan/core/accounts/index.ts";
import type { AdminRequestView } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Actor } from "./accounts.policy.js";
import {
  type AdminRequestRow,
  decideAdminRequest,
  findAdminRequest,
  insertAdminRequest,
  listAdminRequests,
  pendingAdminRequestFor,
} from "./admin-requests.repository.js";
import type { RequestInfo } from "./auth.service.js";
import type { Clock } from "./clock.js";
import type { SessionService } from "./sessions.service.js";
import {
  findUserById,
  findUserByUsername,
  insertUser,
  type NewUser,
  replaceRoles,
  rolesOf,
  setUserStatus,
} from "./users.repository.js";

type AdminRole = "sysadmin" | "secadmin" | "auditadmin";
interface Summary {
  username: string;
  role: AdminRole | null;
  newStatus: "active" | "disabled" | null;
}
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * 三员分立 with two people: creating an administrator account, or disabling/enabling one, is only a REQUEST until a
 * second, different administrator approves it. The system administrator requests (it holds user:create and
 * user:disable); the security administrator, whose job is granting permissions, approves (role:assign). Nobody
 * approves their own request or a change to their own account. The very first administrators come from the
 * one-time setup codes printed by `zhichan admin create` (SetupService), which need shell access to the server.
 */
export class AdminRequestsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** True when changing this account's status needs a second administrator. */
  isAdminAccount(userId: number): boolean {
    return rolesOf(this.db, userId).some((r) => isAdminRole(r.role as Role));
  }

  requestCreate(actor: Actor, row: NewUser, role: AdminRole, req: RequestInfo): AdminRequestView {
    return this.submit(actor, req, {
      kind: "create",
      target_user_id: null,
      summary: { username: row.username, role, newStatus: null } satisfies Summary,
      payload: { row, role },
    });
  }

  requestStatus(actor: Actor, userId: number, status: "active" | "disabled", req: RequestInfo): AdminRequestView {
    const user = findUserById(this.db, userId);
    if (!user) throw new AppError("NOT_FOUND", `没有用户 ${userId} · no user ${userId}`);
    const role = (rolesOf(this.db, userId).find((r) => isAdminRole(r.role as Role))?.role ?? null) as AdminRole | null;
    return this.submit(actor, req, {
      kind: "status",
      target_user_id: userId,
      summary: { username: user.username, role, newStatus: status } satisfies Summary,
      payload: null,
    });
  }

  list(status: "pending" | "approved" | "rejected" | undefined): AdminRequestView[] {
    return listAdminRequests(this.db, status, 200).map(toView);
  }

  approve(actor: Actor, id: number, req: RequestInfo): AdminRequestView {
    this.db.sqlite.transaction(() => {
      const r = this.decidable(actor, id);
      const target = r.kind === "create" ? this.createAccount(r) : this.changeStatus(r);
      decideAdminRequest(this.db, id, "approved", actor.userId, this.clock.now(), null, target);
      this.audit.record({
        ...by(actor, req),
        action: "admin.request_approved",
        target: `user:${target}`,
        details: { requestId: id, kind: r.kind, requestedBy: r.requester, ...summaryOf(r) },
      });
    })();
    return this.view(id);
  }

  reject(actor: Actor, id: number, reason: string | null, req: RequestInfo): AdminRequestView {
    this.db.sqlite.transaction(() => {
      const r = this.decidable(actor, id);
      decideAdminRequest(this.db, id, "rejected", actor.userId, this.clock.now(), reason, null);
      this.audit.record({
        ...by(actor, req),
        action: "admin.request_rejected",
        target: r.target_user_id === null ? null : `user:${r.target_user_id}`,
        details: { requestId: id, kind: r.kind, requestedBy: r.requester, reason, ...summaryOf(r) },
      });
    })();
    return this.view(id);
  }

  private submit(
    actor: Actor,
    req: RequestInfo,
    r: { kind: "create" | "status"; target_user_id: number | null; summary: Summary; payload: object | null },
  ): AdminRequestView {
    const id = this.db.sqlite.transaction(() => {
      if (pendingAdminRequestFor(this.db, r.summary.username, r.target_user_id) !== undefined)
        throw new AppError("CONFLICT", "该账户已有待审批的申请 · a request for this account is already waiting");
      const requestId = insertAdminRequest(this.db, r, actor.userId, this.clock.now());
      this.audit.record({
        ...by(actor, req),
        action: "admin.request_submitted",
        target: r.target_user_id === null ? null : `user:${r.target_user_id}`,
        details: { requestId, kind: r.kind, ...r.summary },
      });
      return requestId;
    })();
    return this.view(id);
  }

  /** A pending request the caller may decide: not their own, not about their own account. */
  private decidable(actor: Actor, id: number): AdminRequestRow {
    const r = findAdminRequest(this.db, id);
    if (r?.status !== "pending") throw new AppError("NOT_FOUND", `没有待审批的申请 ${id} · no pending request ${id}`);
    if (r.requested_by === actor.userId)
      throw new AppError(
        "FORBIDDEN",
        "不能审批自己提交的申请，须由另一名管理员审批 · another administrator must approve your request",
      );
    if (r.target_user_id === actor.userId)
      throw new AppError("FORBIDDEN", "不能审批涉及自己账户的申请 · you cannot approve a change to your own account");
    return r;
  }

  private createAccount(r: AdminRequestRow): number {
    const { row, role } = JSON.parse(r.payload_json ?? "null") as { row: NewUser; role: AdminRole };
    if (findUserByUsername(this.db, row.username))
      throw new AppError(
        "CONFLICT",
        "用户名已被使用，请驳回该申请 · the username was taken meanwhile: reject the request",
      );
    const id = insertUser(this.db, row);
    replaceRoles(this.db, id, [{ role, district_code: null }]);
    this.audit.record({
      actorId: r.requested_by,
      actorName: r.requester,
      action: "account.created",
      target: `user:${id}`,
      details: { username: row.username, adminRole: role, requestId: r.id },
    });
    this.audit.record({
      actorId: r.requested_by,
      actorName: r.requester,
      action: "permission.changed",
      target: `user:${id}`,
      details: { roles: [role], requestId: r.id },
    });
    return id;
  }

  private changeStatus(r: AdminRequestRow): number {
    const userId = r.target_user_id as number;
    const { newStatus } = JSON.parse(r.summary_json) as Summary;
    const status = newStatus ?? "disabled";
    setUserStatus(this.db, userId, status);
    const ended = status === "disabled" ? this.sessions.endAllForUser(userId, "account_disabled") : 0;
    this.audit.record({
      actorId: r.requested_by,
      actorName: r.requester,
      action: status === "disabled" ? "account.disabled" : "account.enabled",
      target: `user:${userId}`,
      details: { sessionsEnded: ended, requestId: r.id },
    });
    return userId;
  }

  private view(id: number): AdminRequestView {
    const r = findAdminRequest(this.db, id);
    if (!r) throw new AppError("NOT_FOUND", `没有申请 ${id} · no request ${id}`);
    return toView(r);
  }
}

function summaryOf(r: AdminRequestRow): Summary {
  return JSON.parse(r.summary_json) as Summary;
}

function toView(r: AdminRequestRow): AdminRequestView {
  const s = summaryOf(r);
  return {
    id: r.id,
    kind: r.kind as AdminRequestView["kind"],
    status: r.status as AdminRequestView["status"],
    targetUserId: r.target_user_id,
    username: s.username,
    role: s.role,
    newStatus: s.newStatus,
    requestedBy: r.requester,
    requestedAt: iso(r.requested_at) as string,
    decidedBy: r.decider,
    decidedAt: iso(r.decided_at),
    reason: r.reason,
  };
}

function by(actor: Actor, req: RequestInfo) {
  return { actorId: actor.userId, actorName: actor.username, ip: req.ip };
}
