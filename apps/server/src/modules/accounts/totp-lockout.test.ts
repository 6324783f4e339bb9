import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthTestApp,
  authTestApp,
  GOOD_PASSWORD,
  makeUser,
  TestBrowser,
  totpNow,
} from "../../testing/auth-fixtures.js";
import { LOCKOUT } from "./auth.service.js";
import { MINUTE } from "./clock.js";
import { base32Decode, hotp, totpCounter } from "./totp.js";

let t: AuthTestApp;
beforeAll(async () => {
  t = await authTestApp();
});
afterAll(async () => t.close());

/** Six digits that are not the code of the current step or either neighbour (which verifyTotp accepts). */
function wrongCode(secret: string, nowMs: number): string {
  const key = base32Decode(secret);
  const c = totpCounter(nowMs);
  const valid = new Set([c - 1, c, c + 1].map((n) => hotp(key, n)));
  for (let i = 0; ; i++) {
    const code = String(i).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}

async function signedInForCode(username: string): Promise<TestBrowser> {
  const b = new TestBrowser(t.app);
  expect((await b.signIn(username, GOOD_PASSWORD)).json().stage).toBe("totp_required");
  return b;
}

describe("TOTP failures lock the account like password failures (issue #13 item 11)", () => {
  it("locks after LOCKOUT.maxFailures wrong codes, refuses the right code and the password, unlocks after", async () => {
    const user = await makeUser(t, "totp-lock1", [{ role: "official", district: "410105" }]);
    const secret = user.totpSecret as string;
    const b = await signedInForCode(user.username);
    const answers = [];
    for (let i = 0; i < LOCKOUT.maxFailures; i++)
      answers.push(await b.post("/api/auth/totp/verify", { code: wrongCode(secret, t.clock.now()) }));
    expect(answers.slice(0, -1).map((r) => r.statusCode)).toEqual(Array(LOCKOUT.maxFailures - 1).fill(401));
    const last = answers[answers.length - 1].json().error;
    expect(last.details).toMatchObject({ locked: true, retryAfterSeconds: LOCKOUT.lockMs / 1000 });

    // The same answer as a password lockout (nothing tells which factor locked it) …
    const ghost = new TestBrowser(t.app);
    let pwLocked: { message: string } | undefined;
    for (let i = 0; i < LOCKOUT.maxFailures; i++)
      pwLocked = (await ghost.signIn("no-such-user", "Wrong#2026x")).json().error;
    expect(last.message).toBe(pwLocked?.message);
    // … the right code is refused while locked, and so is the right password.
    const right = await b.post("/api/auth/totp/verify", { code: totpNow(secret, t.clock.now()) });
    expect(right.json().error.details).toMatchObject({ locked: true });
    expect((await new TestBrowser(t.app).signIn(user.username, GOOD_PASSWORD)).json().error.details).toMatchObject({
      locked: true,
    });

    t.clock.advance(LOCKOUT.lockMs + 1);
    const again = await signedInForCode(user.username);
    const ok = await again.post("/api/auth/totp/verify", { code: totpNow(secret, t.clock.now()) });
    expect(ok.json().stage).toBe("ok");
  });

  it("does not reset the count when the password is entered again between wrong codes", async () => {
    const user = await makeUser(t, "totp-lock2", [{ role: "official", district: "410105" }]);
    const secret = user.totpSecret as string;
    let last = null;
    for (let i = 0; i < LOCKOUT.maxFailures; i++) {
      const b = await signedInForCode(user.username); // a fresh password sign-in before every guess
      last = await b.post("/api/auth/totp/verify", { code: wrongCode(secret, t.clock.now()) });
    }
    expect(last?.json().error.details).toMatchObject({ locked: true });
  });

  it("a right code clears earlier failures", async () => {
    const user = await makeUser(t, "totp-lock3", [{ role: "official", district: "410105" }]);
    const secret = user.totpSecret as string;
    const b = await signedInForCode(user.username);
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++)
      await b.post("/api/auth/totp/verify", { code: wrongCode(secret, t.clock.now()) });
    expect((await b.post("/api/auth/totp/verify", { code: totpNow(secret, t.clock.now()) })).json().stage).toBe("ok");
    t.clock.advance(MINUTE); // a new time step: the used code's step is not replayable, the next one is fresh
    const next = await signedInForCode(user.username);
    const one = await next.post("/api/auth/totp/verify", { code: wrongCode(secret, t.clock.now()) });
    expect(one.json().error.details?.locked).toBeUndefined();
  });
});
