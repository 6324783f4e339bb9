import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthTestApp,
  authTestApp,
  GOOD_PASSWORD,
  makeUser,
  TestBrowser,
  totpNow,
} from "../../testing/auth-fixtures.js";
import { DAY, HOUR, MINUTE } from "./clock.js";

let t: AuthTestApp;
beforeAll(async () => {
  t = await authTestApp();
});
afterAll(async () => t.close());

const browser = () => new TestBrowser(t.app);

describe("sign-in", () => {
  it("signs in an enterprise user with a __Host- session cookie and a CSRF token", async () => {
    await makeUser(t, "qiye1", [{ role: "enterprise" }]);
    const b = browser();
    const res = await b.signIn("qiye1", GOOD_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = [res.headers["set-cookie"]].flat().find((c) => String(c).startsWith("__Host-zc_session="));
    expect(cookie).toMatch(/Path=\/; Secure; SameSite=Lax; HttpOnly; Max-Age=28800/);
    expect(res.json()).toMatchObject({
      stage: "ok",
      user: { username: "qiye1", permissions: expect.arrayContaining(["case:apply", "org:members"]) },
    });
    expect((await b.get("/api/accounts/me")).json().username).toBe("qiye1");
  });

  it("answers an unknown user exactly as a wrong password", async () => {
    await makeUser(t, "qiye2", [{ role: "enterprise" }]);
    const wrong = await browser().signIn("qiye2", "Wrong#2026x");
    const unknown = await browser().signIn("nobody-here", "Wrong#2026x");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it("locks after 5 failures for 30 minutes, known or unknown user alike, and unlocks after", async () => {
    await makeUser(t, "qiye3", [{ role: "enterprise" }]);
    for (const name of ["qiye3", "ghost-user"]) {
      const b = browser();
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await b.signIn(name, "Wrong#2026x"));
      expect(answers.slice(0, 4).map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
      expect(answers[4].json().error.details).toMatchObject({ locked: true, retryAfterSeconds: 1800 });
      // Even the right password is refused while locked.
      const locked = await b.signIn(name, GOOD_PASSWORD);
      expect(locked.json().error.details).toMatchObject({ locked: true });
    }
    t.clock.advance(30 * MINUTE + 1);
    expect((await browser().signIn("qiye3", GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it("rejects a state-changing request without the CSRF token or from another origin", async () => {
    const noToken = await t.app.inject({
      method: "POST",
      url: "/api/auth/signin",
      payload: { username: "a", password: "b" },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.details.reason).toBe("csrf");
    const b = browser();
    await b.get("/api/auth/csrf");
    const foreign = await t.app.inject({
      method: "POST",
      url: "/api/auth/signin",
      headers: {
        host: "localhost",
        origin: "https://evil.example",
        cookie: `__Host-zc_csrf=${b.csrf}`,
        "x-csrf-token": b.csrf!,
      },
      payload: { username: "a", password: "b" },
    });
    expect(foreign.json().error.details.reason).toBe("origin");
  });

  it("rate-limits sign-in per address", async () => {
    const limited = await authTestApp({ rateLimits: { perMinute: 1000, authPerMinute: 3 } });
    try {
      const b = new TestBrowser(limited.app);
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await b.signIn("x-user", "Wrong#2026x")).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      limited.clock.advance(MINUTE);
      expect((await b.signIn("x-user", "Wrong#2026x")).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe("sessions", () => {
  it("end after 30 idle minutes", async () => {
    await makeUser(t, "idle1", [{ role: "expert" }]);
    const b = browser();
    await b.signIn("idle1", GOOD_PASSWORD);
    t.clock.advance(29 * MINUTE);
    expect((await b.get("/api/accounts/me")).statusCode).toBe(200);
    t.clock.advance(29 * MINUTE); // active a moment ago: still alive
    expect((await b.get("/api/accounts/me")).statusCode).toBe(200);
    t.clock.advance(30 * MINUTE + 1);
    const res = await b.get("/api/accounts/me");
    expect(res.statusCode).toBe(401);
    expect(String(res.headers["set-cookie"])).toContain("__Host-zc_session=;");
  });

  it("end 8 hours after sign-in however active", async () => {
    await makeUser(t, "abs1", [{ role: "expert" }]);
    const b = browser();
    await b.signIn("abs1", GOOD_PASSWORD);
    for (let i = 0; i < 31; i++) {
      t.clock.advance(15 * MINUTE);
      expect((await b.get("/api/accounts/me")).statusCode).toBe(200);
    }
    t.clock.advance(15 * MINUTE + 1); // 8 h since sign-in
    expect((await b.get("/api/accounts/me")).statusCode).toBe(401);
  });

  it("end on sign-out", async () => {
    await makeUser(t, "out1", [{ role: "mediator" }]);
    const b = browser();
    await b.signIn("out1", GOOD_PASSWORD);
    const stolen = new Map(b.cookies);
    expect((await b.post("/api/auth/signout")).statusCode).toBe(200);
    b.cookies = stolen; // a copied cookie is dead too
    expect((await b.get("/api/accounts/me")).statusCode).toBe(401);
  });

  it("all end on sign-out everywhere", async () => {
    await makeUser(t, "out2", [{ role: "mediator" }]);
    const [one, two] = [browser(), browser()];
    await one.signIn("out2", GOOD_PASSWORD);
    await two.signIn("out2", GOOD_PASSWORD);
    expect((await one.post("/api/auth/signout", { everywhere: true })).statusCode).toBe(200);
    expect((await two.get("/api/accounts/me")).statusCode).toBe(401);
  });

  it("all end when the account is disabled", async () => {
    const u = await makeUser(t, "dis1", [{ role: "agency" }]);
    const admin = await makeUser(t, "sys-dis", [{ role: "sysadmin" }]);
    const [one, two] = [browser(), browser()];
    await one.signIn("dis1", GOOD_PASSWORD);
    await two.signIn("dis1", GOOD_PASSWORD);
    const a = browser();
    await a.signIn("sys-dis", GOOD_PASSWORD);
    await a.post("/api/auth/totp/verify", { code: totpNow(admin.totpSecret!, t.clock.now()) });
    expect((await a.post(`/api/accounts/users/${u.id}/disable`)).json().status).toBe("disabled");
    expect((await one.get("/api/accounts/me")).statusCode).toBe(401);
    expect((await two.get("/api/accounts/me")).statusCode).toBe(401);
    expect((await browser().signIn("dis1", GOOD_PASSWORD)).statusCode).toBe(401);
  });
});

describe("TOTP second factor", () => {
  it("is required for officials: no permission until enrolled and verified", async () => {
    await makeUser(t, "guan1", [{ role: "official", district: "410105" }], { enrolTotp: false });
    const b = browser();
    expect((await b.signIn("guan1", GOOD_PASSWORD)).json().stage).toBe("totp_setup_required");
    expect((await b.get("/api/accounts/me")).statusCode).toBe(403);
    const { secret, otpauthUri } = (await b.post("/api/auth/totp/setup")).json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect((await b.post("/api/auth/totp/confirm", { code: "000000" })).statusCode).toBe(401);
    const ok = await b.post("/api/auth/totp/confirm", { code: totpNow(secret, t.clock.now()) });
    expect(ok.json()).toMatchObject({ stage: "ok", user: { district: "410105" } });
    expect((await b.get("/api/accounts/me")).statusCode).toBe(200);

    // Next sign-in asks for a code; the one just used is refused (no replay).
    const again = browser();
    expect((await again.signIn("guan1", GOOD_PASSWORD)).json().stage).toBe("totp_required");
    expect((await again.post("/api/auth/totp/verify", { code: totpNow(secret, t.clock.now()) })).statusCode).toBe(401);
    t.clock.advance(30_000);
    const beforeElevation = new Map(again.cookies);
    const verified = await again.post("/api/auth/totp/verify", { code: totpNow(secret, t.clock.now()) });
    expect(verified.json().stage).toBe("ok");
    expect((await again.get("/api/accounts/me")).statusCode).toBe(200);
    // The second factor gives the session a new id: the pre-TOTP cookie is worthless.
    expect(again.cookies.get("__Host-zc_session")).not.toBe(beforeElevation.get("__Host-zc_session"));
    const old = new TestBrowser(t.app);
    old.cookies = beforeElevation;
    expect((await old.get("/api/auth/session")).json().stage).toBe("anonymous");
  });

  it("is not asked of enterprise users", async () => {
    await makeUser(t, "qiye9", [{ role: "enterprise" }]);
    expect((await browser().signIn("qiye9", GOOD_PASSWORD)).json().stage).toBe("ok");
  });
});

describe("passwords", () => {
  it("refuse a weak new password and any of the last five", async () => {
    await makeUser(t, "pw1", [{ role: "expert" }]);
    const b = browser();
    await b.signIn("pw1", GOOD_PASSWORD);
    const weak = await b.post("/api/auth/password", { currentPassword: GOOD_PASSWORD, newPassword: "abcdefgh" });
    expect(weak.json().error.details.problems.map((p: { code: string }) => p.code)).toEqual(["too_few_classes"]);
    const used = [GOOD_PASSWORD];
    for (let i = 1; i <= 5; i++) {
      const next = `Zc#2026-next${i}`;
      expect((await b.post("/api/auth/password", { currentPassword: used.at(-1), newPassword: next })).statusCode).toBe(
        200,
      );
      used.push(next);
    }
    // The last five (next1..next5) are refused; the original, six changes back, is allowed again.
    const reuse = await b.post("/api/auth/password", { currentPassword: used.at(-1), newPassword: used[1] });
    expect(reuse.json().error.details.problems).toEqual([{ code: "reused" }]);
    expect(
      (await b.post("/api/auth/password", { currentPassword: used.at(-1), newPassword: GOOD_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it("must be changed after 90 days before anything else is allowed", async () => {
    await makeUser(t, "pw2", [{ role: "expert" }]);
    t.clock.advance(91 * DAY);
    const b = browser();
    expect((await b.signIn("pw2", GOOD_PASSWORD)).json().stage).toBe("password_change_required");
    expect((await b.get("/api/accounts/me")).statusCode).toBe(403);
    const changed = await b.post("/api/auth/password", {
      currentPassword: GOOD_PASSWORD,
      newPassword: "Fresh#Pass2026",
    });
    expect(changed.json().stage).toBe("ok");
    expect((await b.get("/api/accounts/me")).statusCode).toBe(200);
  });
});

describe("registration", () => {
  const form = {
    username: "reg-qiye",
    password: "Reg#Pass2026",
    displayName: "王经理",
    orgKind: "enterprise",
    orgName: "郑州某科技有限公司",
    orgCode: "91350100M000100Y43",
    phone: "13812345678",
  };

  it("checks the unified social credit code and creates the organisation with its owner", async () => {
    const b = browser();
    await b.get("/api/auth/csrf");
    const bad = await b.post("/api/auth/register", { ...form, orgCode: "91350100M000100Y44" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual({ field: "orgCode" });
    const ok = await b.post("/api/auth/register", form);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ submitted: true, username: "reg-qiye" });
    // The same credit code again is a pending claim (org-claims.routes.test.ts), answered like any registration.
    expect((await b.post("/api/auth/register", { ...form, username: "reg-two" })).statusCode).toBe(201);
    await b.signIn("reg-qiye", form.password);
    const orgs = (await b.get("/api/orgs/mine")).json();
    expect(orgs).toMatchObject([{ name: "郑州某科技有限公司", members: [{ username: "reg-qiye", orgRole: "owner" }] }]);
  });
});

describe("first-start setup", () => {
  it("creates the system administrator once with the printed code; the code then expires or is spent", async () => {
    expect((await browser().get("/api/setup/status")).json()).toEqual({ needed: !(await hasSysadmin()) });
    const { code } = t.s.setup.issueCode();
    const b = browser();
    await b.get("/api/auth/csrf");
    const body = { code, username: "root-admin", password: "Root#Admin2026", displayName: "系统管理员" };
    expect((await b.post("/api/setup", { ...body, code: "AAAA-BBBB-CCCC-DDDD" })).statusCode).toBe(403);
    const ok = await b.post("/api/setup", body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().role).toBe("sysadmin");
    expect((await b.post("/api/setup", { ...body, username: "root-two" })).statusCode).toBe(403);
    expect((await b.signIn("root-admin", body.password)).json().stage).toBe("totp_setup_required");

    const late = t.s.setup.issueCode("auditadmin");
    t.clock.advance(24 * HOUR + 1);
    expect((await b.post("/api/setup", { ...body, code: late.code, username: "late-admin" })).statusCode).toBe(403);
  });
});

async function hasSysadmin(): Promise<boolean> {
  return !t.s.setup.needed();
}
