import { describe, expect, it } from "vitest";
import { characterClasses, checkPassword, PASSWORD_POLICIES, passwordExpired } from "./password-policy.js";

const { dengbao, asvs } = PASSWORD_POLICIES;

describe("password policy", () => {
  it("dengbao: length 8 and three of four character classes", () => {
    expect(checkPassword(dengbao, "Zc-2026x")).toEqual([]);
    expect(checkPassword(dengbao, "Zc-206x").map((p) => p.code)).toEqual(["too_short"]);
    expect(checkPassword(dengbao, "zhichanpass").map((p) => p.code)).toEqual(["too_few_classes"]);
    expect(checkPassword(dengbao, "zhichan2026")).toEqual([{ code: "too_few_classes", min: 3, found: 2 }]);
    expect(characterClasses("aA1!")).toBe(4);
  });

  it("refuses the username inside the password and common passwords", () => {
    expect(checkPassword(dengbao, "Wangwei#2026", "wangwei").map((p) => p.code)).toEqual(["contains_username"]);
    expect(checkPassword(dengbao, "P@ssw0rd").map((p) => p.code)).toEqual(["common"]);
  });

  it("asvs: length 12 but no composition rule, no rotation", () => {
    expect(checkPassword(asvs, "correct horse battery")).toEqual([]);
    expect(checkPassword(asvs, "Short#2026").map((p) => p.code)).toEqual(["too_short"]);
    expect(checkPassword(asvs, "密码密码密码密码密码密码")).toEqual([]); // 12 characters, not bytes
    expect(passwordExpired(asvs, 0, 10 * 365 * 86_400_000)).toBe(false);
  });

  it("dengbao passwords expire after 90 days", () => {
    const day = 86_400_000;
    expect(passwordExpired(dengbao, 0, 90 * day)).toBe(false);
    expect(passwordExpired(dengbao, 0, 90 * day + 1)).toBe(true);
  });
});
