import { ErrorBody, MySessionList, RevokeSessionsResponse, SessionRefParams } from "@zhichan/shared";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { AccountsServices } from "./accounts.module.js";
import { setCookie } from "./cookies.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["accounts"];

/**
 * One's own active sessions (personal centre): list, end one, end all the others. Fully signed-in callers only, and
 * only their own sessions; state changes pass the one CSRF check in http/auth-policy.ts like every other route.
 * Signing out everywhere including here is POST /api/auth/signout with `everywhere: true`.
 */
export function sessionRoutes(app: ZodApp, s: AccountsServices): void {
  const cookies = app.sessionCookies;
  app.get(
    "/api/auth/sessions",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "我的会话 My active sessions", response: { 200: MySessionList, ...errors } },
    },
    async (req) => ({ items: s.mySessions.list(actorOf(req)) }),
  );

  app.delete(
    "/api/auth/sessions/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "结束一个会话 Sign out one of my sessions",
        params: SessionRefParams,
        response: { 200: RevokeSessionsResponse, ...errors },
      },
    },
    async (req, reply) => {
      const result = s.mySessions.revoke(actorOf(req), req.params.id, requestInfo(req));
      if (result.signedOut) setCookie(reply, cookies.clear(cookies.session));
      return result;
    },
  );

  app.post(
    "/api/auth/sessions/revoke-others",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "退出其他所有会话 Sign out all my other sessions",
        response: { 200: RevokeSessionsResponse, ...errors },
      },
    },
    async (req) => s.mySessions.revokeOthers(actorOf(req), requestInfo(req)),
  );
}
