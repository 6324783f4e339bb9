/** The two cookies the platform sets: a session id and, before sign-in, a double-submit CSRF token. */
export const SESSION_COOKIE = "__Host-zc_session";
export const CSRF_COOKIE = "__Host-zc_csrf";

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

/** `__Host-` cookies must be Secure, Path=/ and carry no Domain; browsers accept Secure on http://localhost too. */
export function hostCookie(name: string, value: string, maxAgeSeconds: number | null, httpOnly = true): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "Secure", "SameSite=Lax"];
  if (httpOnly) parts.push("HttpOnly");
  if (maxAgeSeconds !== null) parts.push(`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`);
  return parts.join("; ");
}

export function clearCookie(name: string): string {
  return hostCookie(name, "", 0);
}
