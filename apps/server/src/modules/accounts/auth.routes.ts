import crypto from "node:crypto";
import {
  ChangePasswordRequest,
  CsrfResponse,
  ErrorBody,
  OkResponse,
  PasswordPolicyInfo,
  RegisterRequest,
  RegisterResponse,
  SessionResponse,
  SetupRequest,
  SignInRequest,
  SignOutRequest,
  TotpSetupResponse,
  TotpVerifyRequest,
} from "@zhichan/shared";
import { z } from "zod";
import { actorOf, requestInfo } from "../../http/auth-context.js";
import type { ZodApp } from "../../http/zod-app.js";
import type { AccountsServices } from "./accounts.module.js";
import { parseCookies, setCookie } from "./cookies.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ["accounts"];

/** Sign-in and everything that leads to a fully signed-in session; the first-start administrator setup. */
export function authRoutes(app: ZodApp, s: AccountsServices): void {
  const cookies = app.sessionCookies; // `__Host-` Secure, or the plain-HTTP trial's (installAuthPolicy)
  app.get(
    "/api/auth/csrf",
    {
      config: { access: "public" },
      schema: { tags, summary: "CSRF 令牌 Token for X-CSRF-Token", response: { 200: CsrfResponse } },
    },
    async (req, reply) => {
      if (req.actor) return { csrfToken: req.actor.csrfToken };
      let token = parseCookies(req.headers.cookie).get(cookies.csrf);
      if (!token || !/^[A-Za-z0-9_-]{32}$/.test(token)) {
        token = crypto.randomBytes(24).toString("base64url");
        setCookie(reply, cookies.make(cookies.csrf, token, 8 * 3600));
      }
      return { csrfToken: token };
    },
  );

  app.get(
    "/api/auth/session",
    {
      config: { access: "public" },
      schema: { tags, summary: "当前会话 Who is signed in, and the next step", response: { 200: SessionResponse } },
    },
    async (req) => s.auth.sessionView(req.actor, null),
  );

  app.get(
    "/api/auth/password-policy",
    {
      config: { access: "public" },
      schema: { tags, summary: "密码策略 The password policy in force", response: { 200: PasswordPolicyInfo } },
    },
    async () => {
      const { name, minLength, maxLength, minClasses, maxAgeDays, historyCount } = s.auth.policy;
      return { name, minLength, maxLength, minClasses, maxAgeDays, historyCount };
    },
  );

  app.post(
    "/api/auth/signin",
    {
      config: { access: "public", rateLimit: "auth" },
      schema: {
        tags,
        summary: "登录 Sign in with username and password",
        body: SignInRequest,
        response: { 200: SessionResponse, ...errors },
      },
    },
    async (req, reply) => {
      if (req.actor) s.sessions.end(req.actor.sessionHash, "replaced"); // a new session id on every sign-in
      const { token, actor } = await s.auth.signIn(req.body.username, req.body.password, requestInfo(req));
      setCookie(reply, cookies.make(cookies.session, token, s.sessions.timeouts.absoluteMs / 1000));
      setCookie(reply, cookies.clear(cookies.csrf));
      return s.auth.sessionView(actor, null);
    },
  );

  app.post(
    "/api/auth/register",
    {
      config: { access: "public", rateLimit: "auth" },
      schema: {
        tags,
        summary: "注册企业或服务机构用户 Register an enterprise or agency user",
        body: RegisterRequest,
        response: { 201: RegisterResponse, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.accounts.register(req.body, requestInfo(req))),
  );

  app.post(
    "/api/auth/signout",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "退出 Sign out (this session, or with everywhere: true all of your sessions)",
        body: SignOutRequest,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (req, reply) => {
      s.auth.signOut(actorOf(req), req.body?.everywhere ?? false, requestInfo(req));
      setCookie(reply, cookies.clear(cookies.session));
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/totp/setup",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "开始绑定动态口令 Start TOTP enrolment",
        response: { 200: TotpSetupResponse, ...errors },
      },
    },
    async (req) => s.auth.beginTotpSetup(actorOf(req)),
  );

  app.post(
    "/api/auth/totp/confirm",
    {
      config: { access: "session", rateLimit: "auth" },
      schema: {
        tags,
        summary: "确认绑定动态口令 Confirm TOTP enrolment with a first code",
        body: TotpVerifyRequest,
        response: { 200: SessionResponse, ...errors },
      },
    },
    async (req, reply) => {
      const { token, actor } = s.auth.confirmTotpSetup(actorOf(req), req.body.code, requestInfo(req));
      setCookie(reply, cookies.make(cookies.session, token, (actor.absoluteExpiresAt - s.clock.now()) / 1000));
      return s.auth.sessionView(actor, null);
    },
  );

  app.post(
    "/api/auth/totp/verify",
    {
      config: { access: "session", rateLimit: "auth" },
      schema: {
        tags,
        summary: "动态口令验证 Second factor",
        body: TotpVerifyRequest,
        response: { 200: SessionResponse, ...errors },
      },
    },
    async (req, reply) => {
      const { token, actor } = s.auth.verifyTotp(actorOf(req), req.body.code, requestInfo(req));
      setCookie(reply, cookies.make(cookies.session, token, (actor.absoluteExpiresAt - s.clock.now()) / 1000));
      return s.auth.sessionView(actor, null);
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: { access: "session", rateLimit: "auth" },
      schema: {
        tags,
        summary: "修改密码 Change password (ends your other sessions)",
        body: ChangePasswordRequest,
        response: { 200: SessionResponse, ...errors },
      },
    },
    async (req) => {
      const actor = await s.auth.changePassword(
        actorOf(req),
        req.body.currentPassword,
        req.body.newPassword,
        requestInfo(req),
      );
      return s.auth.sessionView(actor, null);
    },
  );

  app.get(
    "/api/setup/status",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "是否需要创建系统管理员 Whether first-start setup is pending",
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: s.setup.needed() }),
  );

  app.post(
    "/api/setup",
    {
      config: { access: "public", rateLimit: "auth" },
      schema: {
        tags,
        summary: "用一次性设置码创建管理员 Create an administrator with the one-time setup code",
        body: SetupRequest,
        response: { 201: z.object({ userId: z.number().int(), role: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.setup.createAdmin(req.body, requestInfo(req))),
  );
}
