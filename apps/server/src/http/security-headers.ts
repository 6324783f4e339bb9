import type { FastifyInstance } from "fastify";

/**
 * Everything is self-hosted (government networks are often offline), so the policy can forbid every other
 * origin. antd writes inline styles; the API docs page brings its own policy from @fastify/swagger-ui.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
].join("; ");

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (req, reply) => {
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "same-origin");
    reply.header("X-Frame-Options", "DENY");
    if (!req.url.startsWith("/api/docs")) reply.header("Content-Security-Policy", CSP);
  });
}
