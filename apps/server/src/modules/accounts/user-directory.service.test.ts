import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, seedReference } from "../../testing/fixture-db.js";
import { type AccountsServices, createAccountsServices } from "./accounts.module.js";
import type { Actor } from "./accounts.policy.js";
import { FakeClock, MINUTE } from "./clock.js";
import { addMember, insertOrg } from "./orgs.repository.js";
import { TEST_ARGON2 } from "./passwords.js";
import { securityPolicy } from "./security-policy.js";
import { insertUser, replaceRoles, setUserStatus } from "./users.repository.js";

let db: Db;
let s: AccountsServices;
const clock = new FakeClock();
const ids: Record<string, number> = {};

const person = (username: string, displayName: string) =>
  insertUser(db, {
    username,
    display_name: displayName,
    password_hash: "x",
    must_change_password: 0,
    phone_enc: null,
    phone_mask: "138****0000",
    id_number_enc: null,
    id_number_mask: null,
    id_number_hmac: null,
    created_at: clock.now(),
  });

const official = (district: string | null): Actor => ({
  userId: ids.jinshuiOfficial,
  username: "official",
  displayName: "official",
  roles: [{ role: "official", district }],
  permissions: new Set(["pii:reveal"]),
  district,
  stage: "ok",
  sessionHash: "",
  csrfToken: "",
  idleExpiresAt: 0,
  absoluteExpiresAt: 0,
});

beforeAll(async () => {
  ({ db } = await freshDb());
  seedReference(db);
  s = createAccountsServices(db, { clock, argon2: TEST_ARGON2 });
  ids.jinshuiOfficial = person("jinshui-guan", "金水官员");
  replaceRoles(db, ids.jinshuiOfficial, [{ role: "official", district_code: "410105" }]);
  ids.gaoxinOwner = person("gaoxin-boss", "高新企业主");
  const gaoxinOrg = insertOrg(db, {
    kind: "enterprise",
    name: "高新测试电池有限公司",
    code: "91410100TEST00001X",
    district_code: "410172",
    created_at: clock.now(),
  });
  addMember(db, gaoxinOrg, ids.gaoxinOwner, "owner");
  ids.jinshuiMember = person("jinshui-staff", "金水职员");
  const jinshuiOrg = insertOrg(db, {
    kind: "agency",
    name: "金水测试代理事务所",
    code: "91410100TEST00002X",
    // a township code beneath 金水区 still counts as 金水区
    district_code: "410105001",
    created_at: clock.now(),
  });
  addMember(db, jinshuiOrg, ids.jinshuiMember, "member");
  ids.disabled = person("tingyong", "停用用户");
  setUserStatus(db, ids.disabled, "disabled");
  ids.locked = person("suoding", "锁定用户");
  for (let i = 0; i < 5; i++) await s.auth.signIn("suoding", "Wrong#2026x", { ip: "127.0.0.1" }).catch(() => null);
});
afterAll(async () => db.close());

const names = (r: { users: { username: string }[] }) => r.users.map((u) => u.username).sort();

describe("the user list's filters", () => {
  it("finds a district's users through their official role or their organisation (township codes included)", () => {
    const q = { limit: 50, offset: 0 };
    expect(names(s.accounts.list({ ...q, district: "410105" }))).toEqual(["jinshui-guan", "jinshui-staff"]);
    expect(names(s.accounts.list({ ...q, district: "410172" }))).toEqual(["gaoxin-boss"]);
  });

  it("tells locked-out accounts from disabled ones, and a lock ends when its time is up", () => {
    const q = { limit: 50, offset: 0 };
    expect(names(s.accounts.list({ ...q, status: "locked" }))).toEqual(["suoding"]);
    expect(names(s.accounts.list({ ...q, status: "disabled" }))).toEqual(["tingyong"]);
    clock.advance(31 * MINUTE);
    expect(names(s.accounts.list({ ...q, status: "locked" }))).toEqual([]);
  });
});

describe("one user with their organisations", () => {
  it("lists accepted memberships with the organisation's district", () => {
    const d = s.directory.detail(ids.jinshuiMember);
    expect(d.orgs).toEqual([
      {
        orgId: expect.any(Number),
        name: "金水测试代理事务所",
        kind: "agency",
        orgRole: "member",
        district: "410105001",
      },
    ]);
    expect(d.phone).toBe("138****0000");
  });
});

describe("the officials' people lookup before a reveal", () => {
  it("keeps a district official to its district and a city-wide official to none", () => {
    expect(names(s.directory.people(official("410105"), "金水"))).toEqual(["jinshui-guan", "jinshui-staff"]);
    expect(names(s.directory.people(official("410105"), "高新"))).toEqual([]);
    expect(names(s.directory.people(official(null), "高新"))).toEqual(["gaoxin-boss"]);
  });

  it("needs two characters", () => {
    expect(() => s.directory.people(official(null), "金")).toThrow(/两个字/);
  });
});

describe("districts and the security policy", () => {
  it("names the city's districts in both languages", () => {
    expect(s.directory.districts()).toEqual([
      { code: "410105", name: "金水区", nameEn: "Jinshui District" },
      { code: "410172", name: "郑州高新技术产业开发区", nameEn: "Zhengzhou High-tech Industrial Development Zone" },
    ]);
  });

  it("reports the settings the services run with", () => {
    const p = securityPolicy(s);
    expect(p.password).toMatchObject({ name: "dengbao", minClasses: 3 });
    expect(p.sessions).toEqual({ idleMinutes: 30, absoluteMinutes: 480 });
    expect(p.lockout).toEqual({ maxFailures: 5, lockMinutes: 30 });
    expect(p.totpRoles).toEqual(["official", "sysadmin", "secadmin", "auditadmin"]);
    expect(p.reveals).toEqual({ max: 20, windowMinutes: 60 });
    expect(p.rolePermissions.find((r) => r.role === "auditadmin")?.permissions).toEqual(["audit:read", "audit:export"]);
  });
});
