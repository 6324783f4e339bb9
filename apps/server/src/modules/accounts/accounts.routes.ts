import {
  AdminRequestView,
  CreateUserRequest,
  ErrorBody,
  RevealRequest,
  RevealResponse,
  SetRolesRequest,
  UpdateProfileRequest,
  UserIdParams,
  UserList,
  UserListQuery,
  UserSummary,
} from "@zhichan/shared";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { AccountsServices } from "./accounts.module.js";
import { adminPageRoutes } from "./admin-pages.routes.js";
import { adminRequestRoutes } from "./admin-requests.routes.js";
import { orgRoutes } from "./orgs.routes.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["accounts"];

/** Profiles and the administrators' account management (organisations: orgs.routes.ts). */
export function accountRoutes(app: ZodApp, s: AccountsServices): void {
  app.get(
    "/api/accounts/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "我的账户 My account (personal data masked)",
        response: { 200: UserSummary, ...errors },
      },
    },
    async (req) => s.accounts.profile(actorOf(req)),
  );

  app.patch(
    "/api/accounts/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "修改我的资料 Update my name, phone or ID number",
        body: UpdateProfileRequest,
        response: { 200: UserSummary, ...errors },
      },
    },
    async (req) => s.accounts.updateProfile(actorOf(req), req.body, requestInfo(req)),
  );

  app.get(
    "/api/accounts/users",
    {
      config: { access: { permission: "user:read" } },
      schema: {
        tags,
        summary: "用户列表 Users (masked)",
        querystring: UserListQuery,
        response: { 200: UserList, ...errors },
      },
    },
    async (req) => s.accounts.list(req.query),
  );

  app.post(
    "/api/accounts/users",
    {
      config: { access: { permission: "user:create" } },
      schema: {
        tags,
        summary: "创建账户 Create an account (system administrator)",
        body: CreateUserRequest,
        // 202: an administrator account waits for a second administrator's approval (see admin-requests.routes)
        response: { 201: UserSummary, 202: AdminRequestView, ...errors },
      },
    },
    async (req, reply) => {
      const out = await s.accounts.create(actorOf(req), req.body, requestInfo(req));
      return "request" in out ? reply.status(202).send(out.request) : reply.status(201).send(out.user);
    },
  );

  app.put(
    "/api/accounts/users/:id/roles",
    {
      config: { access: { permission: "role:assign" } },
      schema: {
        tags,
        summary: "设置业务角色 Set business roles (security administrator)",
        params: UserIdParams,
        body: SetRolesRequest,
        response: { 200: UserSummary, ...errors },
      },
    },
    async (req) => s.accounts.setRoles(actorOf(req), req.params.id, req.body.roles, requestInfo(req)),
  );

  for (const [path, status, summary] of [
    ["disable", "disabled", "停用账户 Disable an account (ends its sessions)"],
    ["enable", "active", "启用账户 Enable an account"],
  ] as const) {
    app.post(
      `/api/accounts/users/:id/${path}`,
      {
        config: { access: { permission: "user:disable" } },
        schema: {
          tags,
          summary,
          params: UserIdParams,
          response: { 200: UserSummary, 202: AdminRequestView, ...errors },
        },
      },
      async (req, reply) => {
        const out = s.accounts.setStatus(actorOf(req), req.params.id, status, requestInfo(req));
        return "request" in out ? reply.status(202).send(out.request) : reply.send(out.user);
      },
    );
  }

  app.post(
    "/api/accounts/users/:id/unlock",
    {
      config: { access: { permission: "user:unlock" } },
      schema: {
        tags,
        summary: "解除锁定 Unlock after failed sign-ins",
        params: UserIdParams,
        response: { 200: UserSummary, ...errors },
      },
    },
    async (req) => s.accounts.unlock(actorOf(req), req.params.id, requestInfo(req)),
  );

  app.post(
    "/api/accounts/users/:id/reveal",
    {
      config: { access: { permission: "pii:reveal" } },
      schema: {
        tags,
        summary:
          "查看完整个人信息（辖区内、须说明原因、限次、留痕） Reveal phone and ID number (own district, reason, rate-limited, audited)",
        params: UserIdParams,
        body: RevealRequest,
        response: { 200: RevealResponse, ...errors, 429: ErrorBody },
      },
    },
    async (req) => s.reveals.reveal(actorOf(req), req.params.id, req.body.reason, requestInfo(req)),
  );

  orgRoutes(app, s);
  adminRequestRoutes(app, s);
  adminPageRoutes(app, s);
}
