import crypto from "node:crypto";
import { AppError } from "@zhichan/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AccountsServices } from "../modules/accounts/accounts.module.js";
import { type Access, type Actor, decide } from "../modules/accounts/accounts.policy.js";
import { parseCookies, SessionCookies, setCookie } from "../modules/accounts/cookies.js";
import type { RouteEntry } from "./auth-types.js";
import "./auth-types.js";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MINUTE = 60_000;

/** Routes added by plugins we do not write (the web app's static files, the API docs UI) are public by rule. */
function implicitAccess(url: string): Access | undefined {
  if (!url.startsWith("/api/") || url === "/api/docs" || url.startsWith("/api/docs/")) return "public";
  return undefined;
}

export function describeAccess(a: Access | undefined): string {
  if (a === undefined) return "none declared";
  return typeof a === "string" ? a : `permission ${a.permission}`;
}

/**
 * The one policy check every request passes, before its input is even validated:
 * rate limit → session from the `__Host-zc_session` cookie (idle and absolute timeouts) → the route's declared
 * access against the role → permission matrix (no declaration = denied) → HTTPS, CSRF token and Origin on state
 * changes. Must be installed before any route is added, so every route is collected and checked.
 */
export function installAuthPolicy(
  app: FastifyInstance,
  svc: AccountsServices,
  sessionCookies = new SessionCookies(),
): void {
  const routes: RouteEntry[] = [];
  app.decorate("routeTable", routes);
  app.decorate("sessionCookies", sessionCookies);
  app.decorateRequest("actor", null);

  app.addHook("onRoute", (route) => {
    const config = { ...(route.config as object) } as RouteEntry["config"];
    config.access ??= implicitAccess(route.url);
    route.config = config as typeof route.config;
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, config, schema: route.schema as RouteEntry["schema"] });
  });

  app.addHook("onRequest", async (req, reply) => {
    const cfg = req.routeOptions.config ?? {};
    // The web app's own files are not API work: one page load fetches many, so they must not use up the budget.
    if (req.url.startsWith("/api/")) limitRate(svc, req, reply, cfg.rateLimit === "auth");
    if (req.is404) return; // the not-found handler answers 404 (or the web app's index.html) to anyone

    const cookies = parseCookies(req.headers.cookie);
    const token = cookies.get(sessionCookies.session);
    const actor = token ? svc.auth.resolve(token) : null;
    if (token && !actor) setCookie(reply, sessionCookies.clear(sessionCookies.session));
    req.actor = actor;

    const decision = decide(cfg.access, actor);
    if (!decision.allow) {
      if (actor) {
        svc.audit.record({
          action: "access.denied",
          outcome: "denied",
          actorId: actor.userId,
          actorName: actor.username,
          target: `${req.method} ${req.routeOptions.url}`,
          ip: req.ip,
          details: { reason: decision.reason },
        });
      }
      throw new AppError(decision.code, denialMessage(decision.code), {
        required: describeAccess(cfg.access),
        reason: decision.reason,
      });
    }
    if (STATE_CHANGING.has(req.method) && cfg.csrf !== false) {
      if (!sessionCookies.insecure) requireSecureContext(req);
      checkCsrf(req, actor, cookies.get(sessionCookies.csrf));
    }
  });

  app.addHook("onResponse", async (req, reply) => {
    const action = req.routeOptions.config?.audit;
    if (!action || reply.statusCode >= 400) return;
    svc.audit.record({
      action,
      actorId: req.actor?.userId ?? null,
      actorName: req.actor?.username ?? null,
      target: `${req.method} ${req.routeOptions.url}`,
      ip: req.ip,
      details: { query: req.query as Record<string, unknown>, status: reply.statusCode },
    });
  });
}

function denialMessage(code: "UNAUTHENTICATED" | "FORBIDDEN"): string {
  return code === "UNAUTHENTICATED" ? "请先登录 · please sign in" : "没有权限 · you do not have permission for this";
}

function limitRate(svc: AccountsServices, req: FastifyRequest, reply: FastifyReply, auth: boolean): void {
  const { perMinute, authPerMinute } = svc.rateLimits;
  let wait = svc.limiter.hit(`all:${req.ip}`, perMinute, MINUTE);
  if (!wait && auth) wait = svc.limiter.hit(`auth:${req.ip}`, authPerMinute, MINUTE);
  if (wait) {
    reply.header("Retry-After", String(wait));
    throw new AppError("RATE_LIMITED", `请求过于频繁，请 ${wait} 秒后再试 · too many requests: retry in ${wait} s`);
  }
}

/**
 * A browser keeps `__Host-` (Secure) cookies only from HTTPS pages or http://localhost: on plain HTTP anywhere else
 * it drops them, and sign-in would fail with a baffling "CSRF token missing". Say what is wrong instead. "Secure"
 * is the request's own TLS, or X-Forwarded-Proto from a trusted proxy (ZHICHAN_TRUST_PROXY); the host is the one
 * the browser asked for, as the browser's rule is about that.
 */
function requireSecureContext(req: FastifyRequest): void {
  if (req.protocol === "https" || (req.host && isLoopbackHost(req.hostname))) return;
  throw new AppError(
    "HTTPS_REQUIRED",
    "登录需要 HTTPS：请通过 https:// 地址访问本平台（管理员请按 docs/DEPLOY.md 配置 HTTPS）· " +
      "sign-in needs HTTPS: open the platform at its https:// address (administrators: see docs/DEPLOY.md)",
    { reason: "https_required" },
  );
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

const equal = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/**
 * A state-changing request must come from our own pages: Origin (or Referer) naming this host when the browser
 * sends one, and X-CSRF-Token equal to the session's token — or, before sign-in, to the `__Host-zc_csrf` cookie
 * that GET /api/auth/csrf set (double submit).
 */
function checkCsrf(req: FastifyRequest, actor: Actor | null, csrfCookie: string | undefined): void {
  const host = req.headers.host;
  const source = req.headers.origin ?? req.headers.referer;
  if (source && source !== "null") {
    let sourceHost: string | null = null;
    try {
      sourceHost = new URL(source).host;
    } catch {
      sourceHost = null;
    }
    if (!host || sourceHost !== host)
      throw new AppError("FORBIDDEN", "跨站请求被拒绝 · cross-site request refused", { reason: "origin" });
  } else if (source === "null") {
    throw new AppError("FORBIDDEN", "跨站请求被拒绝 · cross-site request refused", { reason: "origin" });
  }
  const sent = req.headers["x-csrf-token"];
  const expected = actor ? actor.csrfToken : csrfCookie;
  if (typeof sent !== "string" || !expected || !equal(sent, expected)) {
    throw new AppError(
      "FORBIDDEN",
      "缺少或错误的 CSRF 令牌，请刷新页面 · missing or wrong CSRF token: reload the page",
      { reason: "csrf" },
    );
  }
}
