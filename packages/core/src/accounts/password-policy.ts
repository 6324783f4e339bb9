/**
 * Password policies as data. "dengbao" is the 等保 2.0 level-3 profile most Chinese assessors expect (length ≥ 8,
 * three character classes, change every 90 days, no reuse of the last 5); "asvs" follows OWASP ASVS 4 V2.1
 * (length ≥ 12, up to 128, any characters, no composition rules, no forced rotation, refuse common passwords).
 */
export interface PasswordPolicy {
  name: "dengbao" | "asvs";
  minLength: number;
  maxLength: number;
  /** Of lower-case, upper-case, digits and other characters; 0 = no composition rule. */
  minClasses: number;
  /** Days before a password must be changed; null = no forced rotation. */
  maxAgeDays: number | null;
  /** How many previous passwords may not be reused (the current one included). */
  historyCount: number;
  rejectCommon: boolean;
}

export const PASSWORD_POLICIES = {
  dengbao: {
    name: "dengbao",
    minLength: 8,
    maxLength: 128,
    minClasses: 3,
    maxAgeDays: 90,
    historyCount: 5,
    rejectCommon: true,
  },
  asvs: {
    name: "asvs",
    minLength: 12,
    maxLength: 128,
    minClasses: 0,
    maxAgeDays: null,
    historyCount: 0,
    rejectCommon: true,
  },
} as const satisfies Record<string, PasswordPolicy>;
export type PasswordPolicyName = keyof typeof PASSWORD_POLICIES;

/** A small list of the most used passwords (public breach statistics); the check is case-insensitive. */
const COMMON = new Set([
  "123456",
  "12345678",
  "123456789",
  "1234567890",
  "password",
  "password1",
  "password123",
  "qwerty",
  "qwerty123",
  "11111111",
  "88888888",
  "66666666",
  "abc12345",
  "abcd1234",
  "a1234567",
  "aa123456",
  "1qaz2wsx",
  "1q2w3e4r",
  "admin123",
  "admin@123",
  "p@ssw0rd",
  "passw0rd",
  "iloveyou",
  "woaini1314",
  "zxcvbnm123",
  "123qwe!@#",
  "qwer1234",
  "abc@1234",
  "admin@1234",
  "root1234",
  "p@ssword1",
  "password@123",
  "password1!",
  "welcome1",
  "changeme123",
]);

export type PasswordProblem =
  | { code: "too_short"; min: number }
  | { code: "too_long"; max: number }
  | { code: "too_few_classes"; min: number; found: number }
  | { code: "contains_username" }
  | { code: "common" };

export function characterClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/\d/.test(pw)) n++;
  if (/[^a-zA-Z\d]/.test(pw)) n++;
  return n;
}

/** Every rule the password breaks; an empty list means it is acceptable (history is checked by the caller). */
export function checkPassword(policy: PasswordPolicy, password: string, username?: string): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < policy.minLength) out.push({ code: "too_short", min: policy.minLength });
  if (length > policy.maxLength) out.push({ code: "too_long", max: policy.maxLength });
  const classes = characterClasses(password);
  if (policy.minClasses > 0 && classes < policy.minClasses) {
    out.push({ code: "too_few_classes", min: policy.minClasses, found: classes });
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    out.push({ code: "contains_username" });
  }
  if (policy.rejectCommon && COMMON.has(password.toLowerCase())) out.push({ code: "common" });
  return out;
}

const DAY_MS = 86_400_000;

/** True when the policy rotates passwords and this one is older than allowed. */
export function passwordExpired(policy: PasswordPolicy, changedAtMs: number, nowMs: number): boolean {
  return policy.maxAgeDays !== null && nowMs - changedAtMs > policy.maxAgeDays * DAY_MS;
}

/** Bilingual text for one problem, for error messages. */
export function describeProblem(p: PasswordProblem): string {
  switch (p.code) {
    case "too_short":
      return `密码至少 ${p.min} 位 · at least ${p.min} characters`;
    case "too_long":
      return `密码至多 ${p.max} 位 · at most ${p.max} characters`;
    case "too_few_classes":
      return `需包含大写、小写、数字、符号中至少 ${p.min} 类 · at least ${p.min} of upper, lower, digit, symbol`;
    case "contains_username":
      return "密码不能包含用户名 · must not contain the username";
    case "common":
      return "密码过于常见 · too common";
  }
}
