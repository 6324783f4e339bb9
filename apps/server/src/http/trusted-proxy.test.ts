import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp } from "../testing/auth-fixtures.js";
import { DEFAULT_HTTP_SETTINGS, readHttpSettings, readRateLimits, readTrustProxy } from "./http-settings.js";

/**
 * Issue #13 item 11: rate limits were keyed on the socket address, so behind a proxy every user shared one bucket.
 * With ZHICHAN_TRUST_PROXY the client address comes from X-Forwarded-For — but only when the peer is a listed proxy.
 */
const PROXY = "10.0.0.1";
const AUTH_LIMIT = 3;

let t: AuthTestApp;
beforeAll(async () => {
  t = await authTestApp({
    rateLimits: { perMinute: 1000, authPerMinute: AUTH_LIMIT },
    http: { ...DEFAULT_HTTP_SETTINGS, trustProxy: [PROXY] },
  });
});
afterAll(async () => t.close());

/** One sign-in attempt (no CSRF token: refused with 403 after it is counted, or 429 once over the limit). */
async function attempt(remoteAddress: string, forwardedFor?: string): Promise<number> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/signin",
    remoteAddress,
    headers: { host: "localhost", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    payload: { username: "nobody", password: "Wrong#2026x" },
  });
  return res.statusCode;
}

describe("client address for rate limits", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy: spoofing gets no fresh bucket", async () => {
    const codes = [];
    for (let i = 0; i <= AUTH_LIMIT; i++) codes.push(await attempt("192.168.1.50", `198.51.100.${i}`));
    expect(codes.slice(0, AUTH_LIMIT)).not.toContain(429);
    expect(codes[AUTH_LIMIT]).toBe(429);
  });

  it("uses X-Forwarded-For from a trusted proxy: each client behind it has its own bucket", async () => {
    for (let i = 0; i < AUTH_LIMIT; i++) await attempt(PROXY, "203.0.113.7");
    expect(await attempt(PROXY, "203.0.113.7")).toBe(429);
    // another user behind the same proxy is not limited by the first one's attempts
    expect(await attempt(PROXY, "203.0.113.8")).not.toBe(429);
    // a client cannot prepend its own entries: the proxy appends the real peer last, and that one counts
    expect(await attempt(PROXY, "203.0.113.99, 203.0.113.7")).toBe(429);
  });
});

describe("settings from the environment", () => {
  it("reads proxy lists and refuses settings that would trust any peer", () => {
    expect(readTrustProxy(undefined)).toBe(false);
    expect(readTrustProxy("10.0.0.1, 192.168.0.0/16")).toEqual(["10.0.0.1", "192.168.0.0/16"]);
    expect(readTrustProxy("loopback")).toEqual(["loopback"]);
    for (const bad of ["true", "*", "1"]) expect(() => readTrustProxy(bad)).toThrow(/ZHICHAN_TRUST_PROXY/);
  });

  it("reads the rate limits, with the defaults when unset", () => {
    expect(readRateLimits({})).toEqual({ perMinute: 600, authPerMinute: 20 });
    expect(readRateLimits({ ZHICHAN_RATE_LIMIT_PER_MINUTE: "1200", ZHICHAN_AUTH_RATE_LIMIT_PER_MINUTE: "30" })).toEqual(
      { perMinute: 1200, authPerMinute: 30 },
    );
    expect(() => readRateLimits({ ZHICHAN_AUTH_RATE_LIMIT_PER_MINUTE: "0" })).toThrow(/whole number/);
  });

  it("reads the plain-HTTP switch strictly", () => {
    expect(readHttpSettings({}).insecureHttp).toBe(false);
    expect(readHttpSettings({ ZHICHAN_INSECURE_HTTP: "1" }).insecureHttp).toBe(true);
    expect(() => readHttpSettings({ ZHICHAN_INSECURE_HTTP: "yes please" })).toThrow(/ZHICHAN_INSECURE_HTTP/);
  });
});
