import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, GOOD_PASSWORD, makeUser, TestBrowser } from "../../testing/auth-fixtures.js";
import { base32Decode, hotp, totpCounter } from "./totp.js";

// Issue #15: an enterprise user enrols a second factor in the personal centre; from then on it is asked for.
let t: AuthTestApp;
beforeAll(async () => {
  t = await authTestApp();
});
afterAll(async () => t.close());

const code = (secret: string, step = 0) => hotp(base32Decode(secret), totpCounter(t.clock.now()) + step);

describe("a second factor enrolled by choice", () => {
  it("is asked for at every later sign-in, and sessions opened before it must show it too", async () => {
    await makeUser(t, "optin-ent", [{ role: "enterprise" }]);
    const here = new TestBrowser(t.app);
    const older = new TestBrowser(t.app);
    expect((await here.signIn("optin-ent", GOOD_PASSWORD)).json().stage).toBe("ok");
    expect((await older.signIn("optin-ent", GOOD_PASSWORD)).json().stage).toBe("ok");

    const { secret, otpauthUri } = (await here.post("/api/auth/totp/setup")).json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    const confirmed = await here.post("/api/auth/totp/confirm", { code: code(secret) });
    expect(confirmed.json().stage).toBe("ok");
    expect((await here.get("/api/accounts/me")).json().totpEnabled).toBe(true);

    // the session opened before enrolment has not shown the code: it may not act until it does
    expect((await older.get("/api/auth/session")).json().stage).toBe("totp_required");
    expect((await older.get("/api/auth/sessions")).statusCode).toBe(403);

    const later = new TestBrowser(t.app);
    expect((await later.signIn("optin-ent", GOOD_PASSWORD)).json().stage).toBe("totp_required");
    expect((await later.get("/api/accounts/me")).statusCode).toBe(403);
    // the code just used is refused (no replay); the next step's code is accepted
    expect((await later.post("/api/auth/totp/verify", { code: code(secret) })).statusCode).toBe(401);
    expect((await later.post("/api/auth/totp/verify", { code: code(secret, 1) })).json().stage).toBe("ok");
  });
});
