import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthTestApp,
  authTestApp,
  GOOD_PASSWORD,
  makeUser,
  TestBrowser,
  totpNow,
} from "../../testing/auth-fixtures.js";
import { MINUTE } from "./clock.js";
import { sessionRef } from "./my-sessions.service.js";
import { describeUserAgent, maskIp } from "./user-agent.js";

let t: AuthTestApp;
beforeAll(async () => {
  t = await authTestApp();
});
afterAll(async () => t.close());

const CHROME_WIN =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

/** A browser with its own User-Agent and address, signed in as `username`. */
async function signedIn(username: string, ua: string, ip: string): Promise<TestBrowser> {
  const b = new TestBrowser(t.app, { remoteAddress: ip, headers: { "user-agent": ua } });
  expect((await b.signIn(username, GOOD_PASSWORD)).statusCode).toBe(200);
  return b;
}

const stageOf = async (b: TestBrowser) => (await b.get("/api/auth/session")).json().stage;
const auditRows = (action: string) =>
  t.db.sqlite.prepare("SELECT actor_name, details_json FROM audit_log WHERE action = ?").all(action) as {
    actor_name: string;
    details_json: string;
  }[];

describe("my sessions", () => {
  it("lists the caller's live sessions only, with the device in words, the address masked and this one marked", async () => {
    await makeUser(t, "sess-a", [{ role: "enterprise" }]);
    await makeUser(t, "sess-b", [{ role: "enterprise" }]);
    const laptop = await signedIn("sess-a", CHROME_WIN, "203.0.113.45");
    await signedIn("sess-a", SAFARI_IPHONE, "198.51.100.7");
    await signedIn("sess-b", CHROME_WIN, "192.0.2.9");

    const res = await laptop.get("/api/auth/sessions");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; device: string; ip: string; current: boolean }[];
    expect(items).toHaveLength(2);
    expect(items.find((s) => s.current)).toMatchObject({ device: "Chrome 124 · Windows", ip: "203.0.113.*" });
    expect(items.find((s) => !s.current)).toMatchObject({ device: "Safari 17 · iOS", ip: "198.51.100.*" });
    // nothing that leads back to the cookie: neither a full address nor the stored hash
    const hashes = t.db.sqlite.prepare("SELECT id_hash FROM sessions").all() as { id_hash: string }[];
    for (const { id_hash } of hashes) expect(res.body).not.toContain(id_hash);
    expect(res.body).not.toContain("203.0.113.45");
  });

  it("does not list a session past its idle timeout", async () => {
    await makeUser(t, "sess-idle", [{ role: "enterprise" }]);
    await signedIn("sess-idle", CHROME_WIN, "192.0.2.1");
    t.clock.advance(31 * MINUTE);
    const fresh = await signedIn("sess-idle", SAFARI_IPHONE, "192.0.2.2");
    expect((await fresh.get("/api/auth/sessions")).json().items).toHaveLength(1);
  });

  it("answers 404 for another user's session and leaves it signed in", async () => {
    await makeUser(t, "sess-victim", [{ role: "enterprise" }]);
    await makeUser(t, "sess-attacker", [{ role: "enterprise" }]);
    const victim = await signedIn("sess-victim", CHROME_WIN, "192.0.2.3");
    const attacker = await signedIn("sess-attacker", CHROME_WIN, "192.0.2.4");
    const victimRef = (await victim.get("/api/auth/sessions")).json().items[0].id as string;

    const res = await attacker.request("DELETE", `/api/auth/sessions/${victimRef}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
    expect(await stageOf(victim)).toBe("ok");
    // the attacker's "sign out all others" ends none of the victim's sessions either
    expect((await attacker.post("/api/auth/sessions/revoke-others")).json()).toEqual({ ended: 0, signedOut: false });
    expect(await stageOf(victim)).toBe("ok");
    // a reference that is no session at all answers the same
    expect((await attacker.request("DELETE", `/api/auth/sessions/${"0".repeat(24)}`)).statusCode).toBe(404);
  });

  it("signs out one other session: that browser is signed out, this one stays, and it is audited", async () => {
    await makeUser(t, "sess-one", [{ role: "enterprise" }]);
    const here = await signedIn("sess-one", CHROME_WIN, "192.0.2.5");
    const phone = await signedIn("sess-one", SAFARI_IPHONE, "192.0.2.6");
    const other = ((await here.get("/api/auth/sessions")).json().items as { id: string; current: boolean }[]).find(
      (s) => !s.current,
    )!;
    const res = await here.request("DELETE", `/api/auth/sessions/${other.id}`);
    expect(res.json()).toEqual({ ended: 1, signedOut: false });
    expect(await stageOf(phone)).toBe("anonymous");
    expect(await stageOf(here)).toBe("ok");
    const [row] = auditRows("auth.session_revoked").filter((r) => r.actor_name === "sess-one");
    expect(JSON.parse(row.details_json)).toEqual({ session: other.id, current: false, device: "Safari 17 · iOS" });
  });

  it("signing out the session in use clears its cookie", async () => {
    await makeUser(t, "sess-self", [{ role: "enterprise" }]);
    const here = await signedIn("sess-self", CHROME_WIN, "192.0.2.7");
    const mine = (await here.get("/api/auth/sessions")).json().items[0];
    const res = await here.request("DELETE", `/api/auth/sessions/${mine.id}`);
    expect(res.json()).toEqual({ ended: 1, signedOut: true });
    expect(String(res.headers["set-cookie"])).toMatch(/__Host-zc_session=; .*Max-Age=0/);
    expect(await stageOf(here)).toBe("anonymous");
  });

  it("signs out every other session and keeps this one", async () => {
    await makeUser(t, "sess-all", [{ role: "enterprise" }]);
    const here = await signedIn("sess-all", CHROME_WIN, "192.0.2.8");
    const others = [await signedIn("sess-all", SAFARI_IPHONE, "192.0.2.9"), await signedIn("sess-all", "", "")];
    const res = await here.post("/api/auth/sessions/revoke-others");
    expect(res.json()).toEqual({ ended: 2, signedOut: false });
    for (const b of others) expect(await stageOf(b)).toBe("anonymous");
    expect((await here.get("/api/auth/sessions")).json().items).toHaveLength(1);
    const [row] = auditRows("auth.sessions_revoked").filter((r) => r.actor_name === "sess-all");
    expect(JSON.parse(row.details_json)).toEqual({ ended: 2 });
  });

  it("needs the CSRF token to end sessions", async () => {
    await makeUser(t, "sess-csrf", [{ role: "enterprise" }]);
    const here = await signedIn("sess-csrf", CHROME_WIN, "192.0.2.10");
    const phone = await signedIn("sess-csrf", SAFARI_IPHONE, "192.0.2.11");
    const other = (await here.get("/api/auth/sessions")).json().items.find((s: { current: boolean }) => !s.current);
    here.csrf = null;
    const del = await here.request("DELETE", `/api/auth/sessions/${other.id}`);
    const all = await here.post("/api/auth/sessions/revoke-others");
    for (const res of [del, all]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details.reason).toBe("csrf");
    }
    expect(await stageOf(phone)).toBe("ok");
  });

  it("is closed to visitors and to a session still waiting for its second factor", async () => {
    const anon = await t.app.inject({ method: "GET", url: "/api/auth/sessions", headers: { host: "localhost" } });
    expect(anon.statusCode).toBe(401);
    const off = await makeUser(t, "sess-official", [{ role: "official" }]);
    const half = await signedIn("sess-official", CHROME_WIN, "192.0.2.12");
    expect(await stageOf(half)).toBe("totp_required");
    expect((await half.get("/api/auth/sessions")).statusCode).toBe(403);
    // after the second factor the elevated session keeps the browser it was opened from
    await half.post("/api/auth/totp/verify", { code: totpNow(off.totpSecret!, t.clock.now()) });
    const items = (await half.get("/api/auth/sessions")).json().items;
    expect(items).toMatchObject([{ device: "Chrome 124 · Windows", current: true }]);
  });
});

describe("device words and masks", () => {
  it("names common browsers and systems, and hides the host part of addresses", () => {
    const edge =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0";
    const wechat =
      "Mozilla/5.0 (Linux; Android 13; V2148A) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47";
    expect(describeUserAgent(edge)).toBe("Edge 120 · Windows");
    expect(describeUserAgent(wechat)).toBe("WeChat 8 · Android");
    expect(describeUserAgent(null)).toBeNull();
    expect(maskIp("::ffff:10.1.2.3")).toBe("10.1.2.*");
    expect(maskIp("2001:db8:85a3::8a2e:370:7334")).toBe("2001:db8:85a3:*");
    expect(sessionRef("abc")).toMatch(/^[0-9a-f]{24}$/);
  });
});
