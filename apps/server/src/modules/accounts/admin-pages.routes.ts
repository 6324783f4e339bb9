import {
  DistrictList,
  ErrorBody,
  PeopleList,
  PeopleQuery,
  SecurityPolicy,
  UserDetail,
  UserIdParams,
} from "@zhichan/shared";
import { actorOf } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { AccountsServices } from "./accounts.module.js";
import { MINUTE } from "./clock.js";
import { securityPolicy } from "./security-policy.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["accounts"];

/**
 * What the administration pages read (web scenes/admin): one user with their organisations, the city's districts by
 * name, the security policy in force, and the officials' masked people lookup before a reveal. Each route holds the
 * permission of the one administrator whose job it is (三员分立): none of them reads the audit log.
 */
export function adminPageRoutes(app: ZodApp, s: AccountsServices): void {
  app.get(
    "/api/accounts/users/:id",
    {
      config: { access: { permission: "user:read" } },
      schema: {
        tags,
        summary: "用户详情（含所属机构，个人信息脱敏） One user with their organisations (masked)",
        params: UserIdParams,
        response: { 200: UserDetail, ...errors },
      },
    },
    async (req) => s.directory.detail(req.params.id),
  );

  app.get(
    "/api/accounts/districts",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "本市区县（名称） The city's districts by name, for district scopes and filters",
        response: { 200: DistrictList, ...errors },
      },
    },
    async () => ({ districts: s.directory.districts() }),
  );

  app.get(
    "/api/accounts/people",
    {
      config: { access: { permission: "pii:reveal" } },
      schema: {
        tags,
        summary:
          "辖区内人员查询（脱敏，最多 20 条） People in the caller's district by name or username (masked, at most 20)",
        querystring: PeopleQuery,
        response: { 200: PeopleList, ...errors },
      },
    },
    async (req) => ({
      ...s.directory.people(actorOf(req), req.query.q),
      revealLimit: { max: s.reveals.limit.max, windowMinutes: s.reveals.limit.windowMs / MINUTE },
    }),
  );

  app.get(
    "/api/accounts/security-policy",
    {
      config: { access: { permission: "security:policy" } },
      schema: {
        tags,
        summary: "安全策略（只读） The security settings in force (read-only)",
        response: { 200: SecurityPolicy, ...errors },
      },
    },
    async () => securityPolicy(s),
  );
}
