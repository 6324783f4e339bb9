import path from "node:path";
import type { APIRequestContext, Browser, BrowserContext } from "playwright-core";
import { openDb } from "../../apps/server/src/db/connection";
import { readAccountsConfig } from "../../apps/server/src/modules/accounts/accounts.config";
import { createAccountsServices } from "../../apps/server/src/modules/accounts/accounts.module";
import { addMember, insertOrg } from "../../apps/server/src/modules/accounts/orgs.repository";
import { TEST_ARGON2 } from "../../apps/server/src/modules/accounts/passwords";
import { newTotpSecret } from "../../apps/server/src/modules/accounts/totp";
import { insertUser, replaceRoles, setTotpSecret } from "../../apps/server/src/modules/accounts/users.repository";
import { usccCheckChar } from "../../packages/core/src/accounts/checksums";
import { freshTotpCode } from "./totp-code";

export const PASSWORD = "E2e#People-2026";

/** A run's own suffix, so journeys also run against a reused server (ZHICHAN_E2E_URL) without clashes. */
export const RUN = Date.now()
  .toString(36)
  .toUpperCase()
  .slice(-6)
  .replace(/[IOZSV]/g, "1");

/** A valid unified social credit code (GB 32100 check character) made unique by the run. */
export function uscc(prefix: string): string {
  const first = `${prefix}${RUN}`.padEnd(17, "0").slice(0, 17);
  return first + usccCheckChar(first);
}

export interface Person {
  username: string;
  totpSecret: string | null;
  orgId: number | null;
  orgName: string | null;
  orgCode: string | null;
}

type Role = "enterprise" | "agency" | "official";

/**
 * Test people written straight into the server's database (no real persons): enterprise and agency users owning an
 * organisation each, officials with a TOTP secret (city-wide, or one district).
 */
export async function seedPeople(home: string, roles: { name: string; role: Role; district?: string }[]) {
  const db = openDb(path.join(home, "zhichan.db"));
  const s = createAccountsServices(db, { dataKey: readAccountsConfig(home).dataKey, argon2: TEST_ARGON2 });
  const now = Date.now();
  const out = new Map<string, Person>();
  for (const [i, r] of roles.entries()) {
    const username = `${r.name}-${RUN.toLowerCase()}`;
    const id = insertUser(db, {
      username,
      display_name: username,
      password_hash: await s.hasher.hash(PASSWORD),
      must_change_password: 0,
      phone_enc: null,
      phone_mask: null,
      id_number_enc: null,
      id_number_mask: null,
      id_number_hmac: null,
      created_at: now,
    });
    replaceRoles(db, id, [{ role: r.role, district_code: r.role === "official" ? (r.district ?? null) : null }]);
    let totpSecret: string | null = null;
    if (r.role === "official") {
      totpSecret = newTotpSecret();
      setTotpSecret(db, id, s.cipher.encrypt(totpSecret), true);
    }
    let orgId: number | null = null;
    let orgName: string | null = null;
    let orgCode: string | null = null;
    if (r.role !== "official") {
      orgName = r.role === "enterprise" ? `测试电池科技有限公司${RUN}` : `测试知识产权代理事务所${RUN}`;
      orgCode = uscc(`91410100M${i}`);
      orgId = insertOrg(db, {
        kind: r.role,
        name: orgName,
        code: orgCode,
        district_code: r.district ?? "410105",
        created_at: now,
      });
      addMember(db, orgId, id, "owner");
    }
    out.set(r.name, { username, totpSecret, orgId, orgName, orgCode });
  }
  await db.close();
  return out;
}

/** A browser context signed in through the real API (password, then TOTP for officials). */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  person: Person,
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport });
  const csrf = (await (await context.request.get("/api/auth/csrf")).json()).csrfToken as string;
  const signin = await context.request.post("/api/auth/signin", {
    headers: { "X-CSRF-Token": csrf },
    data: { username: person.username, password: PASSWORD },
  });
  if (signin.status() !== 200) throw new Error(`sign-in of ${person.username}: ${await signin.text()}`);
  if (person.totpSecret) {
    const verified = await context.request.post("/api/auth/totp/verify", {
      headers: { "X-CSRF-Token": (await signin.json()).csrfToken as string },
      data: { code: await freshTotpCode(person.totpSecret) },
    });
    if (verified.status() !== 200) throw new Error(`TOTP of ${person.username}: ${await verified.text()}`);
  }
  return context;
}

/** A JSON call with the session's CSRF token; throws with the server's answer when it is not 2xx. */
export async function api<T>(request: APIRequestContext, method: "GET" | "POST" | "PUT", url: string, data?: unknown) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()).csrfToken as string;
  const res = await request.fetch(url, { method, headers: { "X-CSRF-Token": csrf }, data });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}
