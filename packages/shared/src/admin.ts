import { z } from "zod";
import { OrgKind, PasswordPolicyInfo, PermissionName, RoleName, UserSummary } from "./accounts.js";

/** The administration pages (web scenes/admin): what the accounts module answers beyond the user list. */

/** An organisation a user is an accepted member of, as the administrators see it. */
export const UserOrg = z.object({
  orgId: z.number().int(),
  name: z.string(),
  kind: OrgKind,
  orgRole: z.enum(["owner", "member"]),
  district: z.string().nullable(),
});
export type UserOrg = z.infer<typeof UserOrg>;

/** One user for the administrators: the masked summary plus the organisations they belong to. */
export const UserDetail = UserSummary.extend({ orgs: z.array(UserOrg) });
export type UserDetail = z.infer<typeof UserDetail>;

/** A county-level division of the platform's city, for district scopes and filters (names, never codes, shown). */
export const District = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
export type District = z.infer<typeof District>;
export const DistrictList = z.object({ districts: z.array(District) });
export type DistrictList = z.infer<typeof DistrictList>;

/** Officials with pii:reveal look people up within their district scope before revealing (masked results). */
export const PeopleQuery = z.object({ q: z.string().trim().min(2).max(64) });
export const PeopleList = z.object({
  users: z.array(UserDetail),
  /** How many reveals the caller may make in how long (the server refuses beyond it). */
  revealLimit: z.object({ max: z.number().int(), windowMinutes: z.number() }),
});
export type PeopleList = z.infer<typeof PeopleList>;

/** The security settings in force (read-only: they come from the server's deployment settings). */
export const SecurityPolicy = z.object({
  password: PasswordPolicyInfo,
  sessions: z.object({ idleMinutes: z.number(), absoluteMinutes: z.number() }),
  lockout: z.object({ maxFailures: z.number().int(), lockMinutes: z.number() }),
  /** Roles that must pass a TOTP second factor. */
  totpRoles: z.array(RoleName),
  rateLimits: z.object({ perMinute: z.number().int(), authPerMinute: z.number().int() }),
  reveals: z.object({ max: z.number().int(), windowMinutes: z.number() }),
  auditRetentionDays: z.number().int(),
  /** What each role may do (the separation of the three administrators, 三员分立, among them). */
  rolePermissions: z.array(z.object({ role: RoleName, permissions: z.array(PermissionName) })),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;
