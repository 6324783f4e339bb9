import type { FastifyReply } from "fastify";

/** The two cookies the platform sets: a session id and, before sign-in, a double-submit CSRF token. */
export const SESSION_COOKIE = "__Host-zc_session";
export const CSRF_COOKIE = "__Host-zc_csrf";

/**
 * Names and attributes of the two cookies. By default they are `__Host-` cookies: Secure, Path=/, no Domain, so
 * a browser keeps them only over HTTPS (and on http://localhost). With ZHICHAN_INSECURE_HTTP=1 (a plain-HTTP
 * trial inside a LAN) they lose the prefix and Secure — the browser would drop them on plain HTTP otherwise — and
 * travel in clear text; main.ts says so at start-up.
 */
export class SessionCookies {
  readonly session: string;
  readonly csrf: string;

  constructor(readonly insecure = false) {
    this.session = insecure ? "zc_session" : SESSION_COOKIE;
    this.csrf = insecure ? "zc_csrf" : CSRF_COOKIE;
  }

  make(name: string, value: string, maxAgeSeconds: number | null, httpOnly = true): string {
    const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/"];
    if (!this.insecure) parts.push("Secure");
    parts.push("SameSite=Lax");
    if (httpOnly) parts.push("HttpOnly");
    if (maxAgeSeconds !== null) parts.push(`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`);
    return parts.join("; ");
  }

  clear(name: string): string {
    return this.make(name, "", 0);
  }
}

/**
 * Adds a Set-Cookie header, replacing one for the same cookie set earlier in this response (the policy hook clears
 * a stale session cookie, then sign-in sets a new one). Fastify's reply.header APPENDS to an existing set-cookie,
 * so the list is removed and written whole: each cookie is set at most once per response.
 */
export function setCookie(reply: FastifyReply, cookie: string): void {
  const name = cookieName(cookie);
  const prev = reply.getHeader("set-cookie");
  const kept = (Array.isArray(prev) ? prev : prev ? [String(prev)] : []).filter((c) => cookieName(c) !== name);
  reply.removeHeader("set-cookie");
  reply.header("set-cookie", [...kept, cookie]);
}

function cookieName(setCookie: string): string {
  return setCookie.slice(0, setCookie.indexOf("=")).trim();
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}
