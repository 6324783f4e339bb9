import {
  ClaimView,
  DecideRequest,
  ErrorBody,
  InviteRequest,
  MyOrgRequests,
  OkResponse,
  OrgDetail,
  OrgMemberParams,
  RequestIdParams,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { AccountsServices } from "./accounts.module.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["accounts"];
const OrgInvitationParams = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  invitationId: z.coerce.number().int().min(1).max(2_147_483_647),
});

/**
 * Organisation membership with consent: owners invite, invitees accept or decline, members leave; claims on an
 * organisation someone already registered wait for its owner or an official.
 */
export function orgRoutes(app: ZodApp, s: AccountsServices): void {
  app.get(
    "/api/orgs/mine",
    {
      config: { access: { permission: "org:members" } },
      schema: {
        tags,
        summary: "我的机构 My organisations (accepted memberships) and members",
        response: { 200: z.array(OrgDetail), ...errors },
      },
    },
    async (req) => s.orgs.mine(actorOf(req)),
  );

  app.get(
    "/api/orgs/requests",
    {
      config: { access: { permission: "org:members" } },
      schema: {
        tags,
        summary: "待我处理的邀请和我的认领 Invitations waiting for me and my claims",
        response: { 200: MyOrgRequests, ...errors },
      },
    },
    async (req) => ({ invitations: s.invitations.pendingFor(actorOf(req)), claims: s.claims.mine(actorOf(req)) }),
  );

  app.post(
    "/api/orgs/:id/members",
    {
      config: { access: { permission: "org:members" } },
      schema: {
        tags,
        summary: "邀请成员（须对方接受） Invite a member by username (owner; they join only by accepting)",
        params: RequestIdParams,
        body: InviteRequest,
        response: { 200: OrgDetail, ...errors },
      },
    },
    async (req) => s.orgs.invite(actorOf(req), req.params.id, req.body.username, requestInfo(req)),
  );

  app.delete(
    "/api/orgs/:id/invitations/:invitationId",
    {
      config: { access: { permission: "org:members" } },
      schema: {
        tags,
        summary: "撤回邀请 Cancel an invitation (owner)",
        params: OrgInvitationParams,
        response: { 200: OrgDetail, ...errors },
      },
    },
    async (req) => s.orgs.cancelInvitation(actorOf(req), req.params.id, req.params.invitationId, requestInfo(req)),
  );

  for (const [path, summary] of [
    ["accept", "接受邀请，加入机构 Accept an invitation and join"],
    ["decline", "拒绝邀请 Decline an invitation"],
  ] as const) {
    app.post(
      `/api/orgs/invitations/:id/${path}`,
      {
        config: { access: { permission: "org:members" } },
        schema: { tags, summary, params: RequestIdParams, response: { 200: OkResponse, ...errors } },
      },
      async (req) =>
        path === "accept"
          ? s.invitations.accept(actorOf(req), req.params.id, requestInfo(req))
          : s.invitations.decline(actorOf(req), req.params.id, requestInfo(req)),
    );
  }

  app.post(
    "/api/orgs/:id/leave",
    {
      config: { access: { permission: "org:members" } },
      schema: {
        tags,
        summary: "退出机构 Leave an organisation (the last owner hands over first)",
        params: RequestIdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (req) => s.orgs.leave(actorOf(req), req.params.id, requestInfo(req)),
  );

  app.post(
    "/api/orgs/:id/members/:userId/owner",
    {
      config: { access: { permission: "org:members" } },
      schema: {
        tags,
        summary: "设为所有者（移交） Make a member an owner (hand-over)",
        params: OrgMemberParams,
        response: { 200: OrgDetail, ...errors },
      },
    },
    async (req) => s.orgs.makeOwner(actorOf(req), req.params.id, req.params.userId, requestInfo(req)),
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

  app.get(
    "/api/orgs/claims",
    {
      config: { access: { permission: "registry:write" } },
      schema: {
        tags,
        summary: "待审机构认领（辖区内） Pending claims on registered organisations (own district)",
        response: { 200: z.array(ClaimView), ...errors },
      },
    },
    async (req) => s.claims.pendingForOfficial(actorOf(req)),
  );

  // Decided by an official who keeps the register (registry:write, own district) or by the organisation's owner:
  // the service checks which, so the route admits any signed-in user and answers 404 to everyone else.
  app.post(
    "/api/orgs/claims/:id/approve",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "批准认领 Approve a claim (official or the organisation's owner)",
        params: RequestIdParams,
        response: { 200: ClaimView, ...errors },
      },
    },
    async (req) => s.claims.approve(actorOf(req), req.params.id, requestInfo(req)),
  );

  app.post(
    "/api/orgs/claims/:id/reject",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "驳回认领 Reject a claim (official or the organisation's owner)",
        params: RequestIdParams,
        body: DecideRequest,
        response: { 200: ClaimView, ...errors },
      },
    },
    async (req) => s.claims.reject(actorOf(req), req.params.id, req.body.reason ?? null, requestInfo(req)),
  );
}
