import path from "node:path";
import type { Role } from "@zhichan/core/accounts/index.ts";
import { buildApp } from "../app.js";
import type { Db } from "../db/connection.js";
import type { HttpSettings } from "../http/http-settings.js";
import type { ZodApp } from "../http/zod-app.js";
import type { AccountsServices } from "../modules/accounts/accounts.module.js";
import { FakeClock } from "../modules/accounts/clock.js";
import { SESSION_COOKIE } from "../modules/accounts/cookies.js";
import { TEST_ARGON2 } from "../modules/accounts/passwords.js";
import { base32Decode, hotp, newTotpSecret, totpCounter } from "../modules/accounts/totp.js";
import { insertUser, replaceRoles, setTotpSecret } from "../modules/accounts/users.repository.js";
import { SearchIndex } from "../modules/search/search-index.js";
import { createServices, type MailOptions, type Services } from "../services.js";
import { freshDb, insertPatents, seedReference } from "./fixture-db.js";
import { REAL_PATENTS } from "./real-fixtures.js";

export const TEST_KEY = Buffer.alloc(32, 7);
export const GOOD_PASSWORD = "Zc#2026-secure";

export interface AuthTestApp {
  app: ZodApp;
  db: Db;
  dir: string;
  clock: FakeClock;
  s: AccountsServices;
  /** Every service, for tests that drive sweeps and the mail sender directly. */
  all?: Services;
  close(): Promise<void>;
}

/** The whole app over a fresh database with real patents, a fake clock, a fixed data key and cheap argon2. */
export async function authTestApp(
  opts: {
    rateLimits?: { perMinute: number; authPerMinute: number };
    http?: HttpSettings;
    /** SMTP settings for tests that send to a real SMTP server (testing/smtp-test-server.ts). */
    mail?: MailOptions;
  } = {},
): Promise<AuthTestApp> {
  const { db, dir } = await freshDb();
  seedReference(db);
  insertPatents(db, REAL_PATENTS);
  const clock = new FakeClock();
  const index = SearchIndex.open(db, path.join(dir, "index"));
  const services = createServices(db, index, {
    accounts: {
      clock,
      dataKey: TEST_KEY,
      argon2: TEST_ARGON2,
      rateLimits: opts.rateLimits ?? { perMinute: 100_000, authPerMinute: 100_000 },
    },
    mail: opts.mail,
  });
  const app = await buildApp({ services, http: opts.http });
  await app.ready();
  return {
    app,
    db,
    dir,
    clock,
    s: services.accounts,
    all: services,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export interface TestUser {
  id: number;
  username: string;
  password: string;
  totpSecret: string | null;
}

/** A user straight into the database (TOTP already enrolled when a role needs it). */
export async function makeUser(
  t: AuthTestApp,
  username: string,
  roles: { role: Role; district?: string | null }[],
  o: { password?: string; enrolTotp?: boolean } = {},
): Promise<TestUser> {
  const password = o.password ?? GOOD_PASSWORD;
  const id = insertUser(t.db, {
    username,
    display_name: username,
    password_hash: await t.s.hasher.hash(password),
    must_change_password: 0,
    phone_enc: null,
    phone_mask: null,
    id_number_enc: null,
    id_number_mask: null,
    id_number_hmac: null,
    created_at: t.clock.now(),
  });
  replaceRoles(
    t.db,
    id,
    roles.map((r) => ({ role: r.role, district_code: r.district ?? null })),
  );
  let totpSecret: string | null = null;
  if (o.enrolTotp ?? roles.some((r) => ["official", "sysadmin", "secadmin", "auditadmin"].includes(r.role))) {
    totpSecret = newTotpSecret();
    setTotpSecret(t.db, id, t.s.cipher.encrypt(totpSecret), true);
  }
  return { id, username, password, totpSecret };
}

/** A fully signed-in session for a user, made directly (no argon2, no TOTP round trip). */
export function sessionHeaders(t: AuthTestApp, userId: number): { cookie: string; "x-csrf-token": string } {
  const { token, row } = t.s.sessions.create(userId, "127.0.0.1", true);
  return { cookie: `${SESSION_COOKIE}=${token}`, "x-csrf-token": row.csrf_token };
}

export function totpNow(secret: string, nowMs: number): string {
  return hotp(base32Decode(secret), totpCounter(nowMs));
}

/** A tiny browser: keeps cookies from Set-Cookie and sends the CSRF token it was given. */
export class TestBrowser {
  cookies = new Map<string, string>();
  csrf: string | null = null;

  /** `via`: how the requests arrive — the Host the browser asked for, the peer's address, extra headers (proxy). */
  constructor(
    private readonly app: ZodApp,
    private readonly via: { host?: string; remoteAddress?: string; headers?: Record<string, string> } = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(setCookie: string | string[] | number | undefined): void {
    for (const c of [setCookie ?? []].flat()) {
      const [pair, ...attrs] = String(c).split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      if (attrs.some((a) => a.trim() === "Max-Age=0") || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown) {
    const headers: Record<string, string> = {
      ...this.via.headers,
      cookie: this.cookieHeader(),
      host: this.via.host ?? "localhost",
    };
    if (method !== "GET" && this.csrf) headers["x-csrf-token"] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(this.via.remoteAddress ? { remoteAddress: this.via.remoteAddress } : {}),
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.keep(res.headers["set-cookie"]);
    if (res.headers["content-type"]?.toString().includes("json")) {
      const json = res.json() as { csrfToken?: string | null };
      if (json && typeof json.csrfToken === "string") this.csrf = json.csrfToken;
    }
    return res;
  }

  get(url: string) {
    return this.request("GET", url);
  }
  post(url: string, body: unknown = {}) {
    return this.request("POST", url, body);
  }

  /** GET /api/auth/csrf then POST /api/auth/signin. */
  async signIn(username: string, password: string) {
    await this.get("/api/auth/csrf");
    return this.post("/api/auth/signin", { username, password });
  }
}
