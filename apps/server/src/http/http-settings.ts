import crypto from "node:crypto";
import type { ServerOptions } from "node:http";
import type { FastifyServerOptions } from "fastify";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "../modules/accounts/rate-limiter.js";

/**
 * How the server meets the network: connection timeouts, which proxies to believe, whether a plain-HTTP trial is
 * allowed; and the per-address rate limits. Every setting comes from the environment (docs/DEPLOY.md, "Settings")
 * and has a safe default.
 */
export interface HttpSettings {
  /** ZHICHAN_INSECURE_HTTP=1: cookies without `__Host-` and Secure, so sign-in works on plain HTTP in a LAN trial. */
  insecureHttp: boolean;
  /** ZHICHAN_TRUST_PROXY: the proxies' addresses/CIDRs; only from them are X-Forwarded-* headers believed. */
  trustProxy: false | string[];
  timeouts: ServerTimeouts;
  /** ZHICHAN_METRICS_TOKEN: the bearer token Prometheus presents at /metrics; unset, /metrics is off (404). */
  metricsToken: string | null;
}

/**
 * Node's requestTimeout and headersTimeout bound only the RECEIVING of a request (headers, then the whole body):
 * once the request is in, the handler may take as long as it needs and the response may stream for minutes
 * (72k-row exports, PDF rendering) — checked with a real server in http/timeouts.test.ts. Node checks them every
 * checkIntervalMs, so a stalled request is closed within requestMs + checkIntervalMs (408, then close).
 * socketIdleMs is Fastify's connectionTimeout: a socket with no traffic either way for that long is destroyed; it
 * also runs while a response is computed, so it is a generous backstop against dead peers, not the body guard.
 */
export interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
  socketIdleMs: number;
  checkIntervalMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 25_000, // a 15 MB upload needs ~5 Mbit/s; raise ZHICHAN_REQUEST_TIMEOUT_S on slower links
  keepAliveMs: 10_000,
  socketIdleMs: 300_000,
  checkIntervalMs: 1_000,
};

export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  insecureHttp: false,
  trustProxy: false,
  timeouts: DEFAULT_SERVER_TIMEOUTS,
  metricsToken: null,
};

/** Printed and logged at start-up when ZHICHAN_INSECURE_HTTP is on: what the setting costs. */
export const INSECURE_HTTP_WARNING =
  "ZHICHAN_INSECURE_HTTP=1: session cookies travel in clear text and can be stolen by anyone on the network " +
  "(the session is then theirs). Use this only for a trial inside a LAN; set up HTTPS (docs/DEPLOY.md) and remove " +
  "the setting. · 警告：已允许纯 HTTP 登录，会话 Cookie 以明文传输，网络上的任何人都可窃取并冒用会话；仅限局域网内试用，" +
  "正式使用请配置 HTTPS 并删除此设置。";

export function readHttpSettings(source: NodeJS.ProcessEnv): HttpSettings {
  const seconds = (name: string, fallbackMs: number) => {
    const raw = source[name];
    if (raw === undefined || raw === "") return fallbackMs;
    const s = Number(raw);
    if (!Number.isFinite(s) || s <= 0) throw new Error(`${name} must be a number of seconds > 0, got ${raw}`);
    return Math.round(s * 1000);
  };
  const d = DEFAULT_SERVER_TIMEOUTS;
  const timeouts: ServerTimeouts = {
    headersMs: seconds("ZHICHAN_HEADERS_TIMEOUT_S", d.headersMs),
    requestMs: seconds("ZHICHAN_REQUEST_TIMEOUT_S", d.requestMs),
    keepAliveMs: seconds("ZHICHAN_KEEPALIVE_TIMEOUT_S", d.keepAliveMs),
    socketIdleMs: seconds("ZHICHAN_SOCKET_IDLE_TIMEOUT_S", d.socketIdleMs),
    checkIntervalMs: d.checkIntervalMs,
  };
  if (timeouts.headersMs > timeouts.requestMs)
    throw new Error("ZHICHAN_HEADERS_TIMEOUT_S must not exceed ZHICHAN_REQUEST_TIMEOUT_S");
  return {
    insecureHttp: readFlag(source, "ZHICHAN_INSECURE_HTTP"),
    trustProxy: readTrustProxy(source.ZHICHAN_TRUST_PROXY),
    timeouts,
    metricsToken: readMetricsToken(source.ZHICHAN_METRICS_TOKEN),
  };
}

/** A token short enough to guess would turn the guard into decoration. */
function readMetricsToken(raw: string | undefined): string | null {
  const value = (raw ?? "").trim();
  if (value === "") return null;
  if (value.length < 24)
    throw new Error("ZHICHAN_METRICS_TOKEN must be at least 24 characters (e.g. openssl rand -hex 24)");
  return value;
}

/** ZHICHAN_RATE_LIMIT_PER_MINUTE and ZHICHAN_AUTH_RATE_LIMIT_PER_MINUTE, per client address (see trustProxy). */
export function readRateLimits(source: NodeJS.ProcessEnv): RateLimits {
  return {
    perMinute: readCount(source, "ZHICHAN_RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMITS.perMinute),
    authPerMinute: readCount(source, "ZHICHAN_AUTH_RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMITS.authPerMinute),
  };
}

function readFlag(source: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (source[name] ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false") return false;
  if (raw === "1" || raw === "true") return true;
  throw new Error(`${name} must be 1 or 0, got ${source[name]}`);
}

function readCount(source: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = source[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, got ${raw}`);
  return n;
}

/**
 * "10.0.0.5, 192.168.1.0/24" (the proxies' addresses or networks) or "loopback" (a proxy on this machine).
 * "true" (trust every peer) and hop counts are refused: they cannot tell a proxy from a client that reached the
 * port directly, who could then choose their own address (and Fastify 5 ignores hop counts anyway).
 */
export function readTrustProxy(raw: string | undefined): false | string[] {
  const value = (raw ?? "").trim();
  if (value === "" || value === "0" || value.toLowerCase() === "false") return false;
  if (value.toLowerCase() === "true" || value === "*" || /^\d+$/.test(value))
    throw new Error(
      `ZHICHAN_TRUST_PROXY must list the proxies' addresses or networks (e.g. 127.0.0.1 or 10.0.0.0/8), got ${value}`,
    );
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What a forwarded request id may look like (a UUID, nginx's $request_id hex): nothing that could forge log lines. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The Fastify constructor options these settings stand for. */
export function fastifyServerOptions(s: HttpSettings): Partial<FastifyServerOptions> & { http: ServerOptions } {
  const t = s.timeouts;
  return {
    trustProxy: s.trustProxy,
    // Request ids in every log line (reqId) and in the X-Request-Id answer header: a proxy's id is kept when it
    // looks like one (so one id follows a request through nginx and here), anything else gets a fresh UUID.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    connectionTimeout: t.socketIdleMs,
    keepAliveTimeout: t.keepAliveMs,
    requestTimeout: t.requestMs,
    http: { headersTimeout: t.headersMs, requestTimeout: t.requestMs, connectionsCheckingInterval: t.checkIntervalMs },
  };
}
