import { PASSWORD_POLICIES } from "@zhichan/core/accounts/index.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { Credentials } from "./credentials.js";
import { PasswordHasher, TEST_ARGON2 } from "./passwords.js";

let db: Db;
beforeAll(async () => {
  ({ db } = await freshDb());
});
afterAll(async () => db.close());

describe("password policy profiles", () => {
  it("dengbao (the default) wants three character classes; asvs wants length and no composition", async () => {
    const hasher = new PasswordHasher(TEST_ARGON2);
    const dengbao = new Credentials(db, hasher, PASSWORD_POLICIES.dengbao);
    const asvs = new Credentials(db, hasher, PASSWORD_POLICIES.asvs);
    await expect(dengbao.newHash("correct horse battery staple", "wang")).rejects.toThrow(/至少 3 类/);
    await expect(asvs.newHash("correct horse battery staple", "wang")).resolves.toMatch(/^\$argon2id\$/);
    await expect(asvs.newHash("Short#2026", "wang")).rejects.toThrow(/至少 12 位/);
    await expect(dengbao.newHash("Short#2026", "wang")).resolves.toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  });

  it("hashes with argon2id at the OWASP parameters by default", async () => {
    const hash = await new PasswordHasher().hash("Zc#2026-secure");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await new PasswordHasher().verify(hash, "Zc#2026-secure")).toBe(true);
    expect(await new PasswordHasher().verify(hash, "zc#2026-secure")).toBe(false);
  });
});
