import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { openDb } from "../../apps/server/src/db/connection";
import { readAccountsConfig } from "../../apps/server/src/modules/accounts/accounts.config";
import { createAccountsServices } from "../../apps/server/src/modules/accounts/accounts.module";
import { TEST_ARGON2 } from "../../apps/server/src/modules/accounts/passwords";
import { newTotpSecret } from "../../apps/server/src/modules/accounts/totp";
import { insertUser, replaceRoles, setTotpSecret } from "../../apps/server/src/modules/accounts/users.repository";
import { freshTotpCode } from "./totp-code";

export interface SeededOfficial {
  username: string;
  password: string;
  totpSecret: string;
}

/**
 * A city-wide official (role 'official', no district: holds data:import) written straight into the server's
 * database, with TOTP enrolled as officials must be. A test person, not a real one.
 */
export async function seedOfficial(home: string, username: string, password: string): Promise<SeededOfficial> {
  const db = openDb(path.join(home, "zhichan.db"));
  try {
    const s = createAccountsServices(db, { dataKey: readAccountsConfig(home).dataKey, argon2: TEST_ARGON2 });
    const id = insertUser(db, {
      username,
      display_name: username,
      password_hash: await s.hasher.hash(password),
      must_change_password: 0,
      phone_enc: null,
      phone_mask: null,
      id_number_enc: null,
      id_number_mask: null,
      id_number_hmac: null,
      created_at: Date.now(),
    });
    replaceRoles(db, id, [{ role: "official", district_code: null }]);
    const totpSecret = newTotpSecret();
    setTotpSecret(db, id, s.cipher.encrypt(totpSecret), true);
    return { username, password, totpSecret };
  } finally {
    await db.close();
  }
}

/** A browser context signed in as the official through the real API (password, then a TOTP code). */
export async function signInOfficial(
  browser: Browser,
  baseURL: string,
  o: SeededOfficial,
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, acceptDownloads: true });
  const csrf = (await (await context.request.get("/api/auth/csrf")).json()).csrfToken as string;
  const signin = await context.request.post("/api/auth/signin", {
    headers: { "X-CSRF-Token": csrf },
    data: { username: o.username, password: o.password },
  });
  if (signin.status() !== 200) throw new Error(`sign-in failed: ${signin.status()} ${await signin.text()}`);
  const token = (await signin.json()).csrfToken as string;
  const code = await freshTotpCode(o.totpSecret);
  const verified = await context.request.post("/api/auth/totp/verify", {
    headers: { "X-CSRF-Token": token },
    data: { code },
  });
  if (verified.status() !== 200) throw new Error(`TOTP failed: ${verified.status()} ${await verified.text()}`);
  return context;
}
