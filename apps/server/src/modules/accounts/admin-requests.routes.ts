import { AdminRequestQuery, AdminRequestView, DecideRequest, ErrorBody, RequestIdParams } from "@zhichan/shared";
import { z } from "zod";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { AccountsServices } from "./accounts.module.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["accounts"];

/** The approval queue for administrator accounts (三员分立): the system administrator asks, another approves. */
export function adminRequestRoutes(app: ZodApp, s: AccountsServices): void {
  app.get(
    "/api/accounts/admin-requests",
    {
      config: { access: { permission: "user:read" } },
      schema: {
        tags,
        summary: "管理员账户申请 Requests to create or change administrator accounts",
        querystring: AdminRequestQuery,
        response: { 200: z.array(AdminRequestView), ...errors },
      },
    },
    async (req) => s.adminRequests.list(req.query.status),
  );

  app.post(
    "/api/accounts/admin-requests/:id/approve",
    {
      config: { access: { permission: "role:assign" } },
      schema: {
        tags,
        summary: "批准（须另一名管理员） Approve (a different administrator: the security administrator)",
        params: RequestIdParams,
        response: { 200: AdminRequestView, ...errors },
      },
    },
    async (req) => s.adminRequests.approve(actorOf(req), req.params.id, requestInfo(req)),
  );

  app.post(
    "/api/accounts/admin-requests/:id/reject",
    {
      config: { access: { permission: "role:assign" } },
      schema: {
        tags,
        summary: "驳回 Reject a request",
        params: RequestIdParams,
        body: DecideRequest,
        response: { 200: AdminRequestView, ...errors },
      },
    },
    async (req) => s.adminRequests.reject(actorOf(req), req.params.id, req.body.reason ?? null, requestInfo(req)),
  );
}
