import {
  AddMemberRequest,
  CreateUserRequest,
  ErrorBody,
  OrgDetail,
  OrgMemberParams,
  RevealResponse,
  SetRolesRequest,
  UpdateProfileRequest,
  UserIdParams,
  UserList,
  UserListQuery,
  UserSummary,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { AccountsServices } from "./accounts.module.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["accounts"];

/** Profiles, the administrators' account management and organisation membership. */
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
        response: { 201: UserSummary, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.accounts.create(actorOf(req), req.body, requestInfo(req))),
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
        schema: { tags, summary, params: UserIdParams, response: { 200: UserSummary, ...errors } },
      },
      async (req) => s.accounts.setStatus(actorOf(req), req.params.id, status, requestInfo(req)),
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
        summary: "查看完整个人信息（留痕） Reveal phone and ID number (audited)",
        params: UserIdParams,
        response: { 200: RevealResponse, ...errors },
      },
    },
    async (req) => s.accounts.reveal(actorOf(req), req.params.id, requestInfo(req)),
  );

  app.get(
    "/api/orgs/mine",
    {
      config: { access: { permission: "org:members" } },
      schema: {
        tags,
        summary: "我的机构 My organisations and members",
        response: { 200: z.array(OrgDetail), ...errors },
      },
    },
    async (req) => s.orgs.mine(actorOf(req)),
  );

  app.post(
    "/api/orgs/:id/members",
    {
      config: { access: { permission: "org:members" } },
      schema: {
        tags,
        summary: "添加成员 Add a member (owner)",
        params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
        body: AddMemberRequest,
        response: { 200: OrgDetail, ...errors },
      },
    },
    async (req) => s.orgs.addMember(actorOf(req), req.params.id, req.body.username, requestInfo(req)),
  );

  app.delete(
    "/api/orgs/:id/members/:userId",
    {
      config: { access: { permission: "org:members" } },
      schema: {
        tags,
        summary: "移除成员 Remove a member (owner)",
        params: OrgMemberParams,
        response: { 200: OrgDetail, ...errors },
      },
    },
    async (req) => s.orgs.removeMember(actorOf(req), req.params.id, req.params.userId, requestInfo(req)),
  );
}
