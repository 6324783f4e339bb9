import { type Permission, permissionsOf, type Role, requiresTotp } from "@zhichan/core/accounts/index.ts";
import type { RoleGrant, SessionStage } from "@zhichan/shared";

/**
 * What a route declares in `config.access`:
 * - "public": anyone, signed in or not;
 * - "session": a signed-in session at any stage (the steps that finish signing in: TOTP, forced password change);
 * - "authenticated": a fully signed-in session;
 * - { permission }: a fully signed-in session whose roles grant the permission.
 * A route that declares nothing is denied.
 */
export type Access = "public" | "session" | "authenticated" | { permission: Permission };

/** Who is calling: resolved once per request from the session cookie. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  permissions: Set<Permission>;
  /** A district-scoped official's district; null = city-wide (or not an official). */
  district: string | null;
  stage: SessionStage;
  sessionHash: string;
  csrfToken: string;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

export type Decision = { allow: true } | { allow: false; code: "UNAUTHENTICATED" | "FORBIDDEN"; reason: string };

export function decide(access: Access | undefined, actor: Actor | null): Decision {
  if (access === undefined)
    return { allow: false, code: "FORBIDDEN", reason: "route declares no access (default deny)" };
  if (access === "public") return { allow: true };
  if (!actor) return { allow: false, code: "UNAUTHENTICATED", reason: "sign-in required" };
  if (access === "session") return { allow: true };
  if (actor.stage !== "ok")
    return { allow: false, code: "FORBIDDEN", reason: `finish signing in first: ${actor.stage}` };
  if (access === "authenticated") return { allow: true };
  if (actor.permissions.has(access.permission)) return { allow: true };
  return { allow: false, code: "FORBIDDEN", reason: `permission ${access.permission} required` };
}

export interface StageInputs {
  roles: readonly Role[];
  totpEnabled: boolean;
  totpVerified: boolean;
  mustChangePassword: boolean;
  passwordExpired: boolean;
}

/**
 * The next step a session must take before its roles' permissions apply. A person who enrolled a second factor of
 * their own accord (personal centre) is asked for it like those whose role requires one: otherwise enrolling would
 * protect nothing.
 */
export function sessionStage(s: StageInputs): SessionStage {
  if (requiresTotp(s.roles) && !s.totpEnabled) return "totp_setup_required";
  if ((requiresTotp(s.roles) || s.totpEnabled) && !s.totpVerified) return "totp_required";
  if (s.mustChangePassword || s.passwordExpired) return "password_change_required";
  return "ok";
}

export function grantsToActorFields(grants: RoleGrant[]): { permissions: Set<Permission>; district: string | null } {
  const roles = grants.map((g) => g.role as Role);
  const official = grants.find((g) => g.role === "official");
  return { permissions: permissionsOf(roles), district: official?.district ?? null };
}
