import { ROLE_PERMISSIONS, ROLES, TOTP_ROLES } from "@zhichan/core/accounts/index.ts";
import type { SecurityPolicy } from "@zhichan/shared";
import { AUDIT_RETENTION_DAYS } from "../audit/audit.service.js";
import type { AccountsServices } from "./accounts.module.js";
import { LOCKOUT } from "./auth.service.js";
import { MINUTE } from "./clock.js";

/**
 * The security settings in force, as the running services hold them. Read-only on purpose: they come from the
 * deployment's settings (password policy, rate limits) and the code's constants, so no single administrator can
 * weaken them from a web page; changing one is a change to the deployment, made and reviewed outside the app.
 */
export function securityPolicy(s: AccountsServices): SecurityPolicy {
  const { name, minLength, maxLength, minClasses, maxAgeDays, historyCount } = s.auth.policy;
  return {
    password: { name, minLength, maxLength, minClasses, maxAgeDays, historyCount },
    sessions: {
      idleMinutes: s.sessions.timeouts.idleMs / MINUTE,
      absoluteMinutes: s.sessions.timeouts.absoluteMs / MINUTE,
    },
    lockout: { maxFailures: LOCKOUT.maxFailures, lockMinutes: LOCKOUT.lockMs / MINUTE },
    totpRoles: [...TOTP_ROLES],
    rateLimits: { ...s.rateLimits },
    reveals: { max: s.reveals.limit.max, windowMinutes: s.reveals.limit.windowMs / MINUTE },
    auditRetentionDays: AUDIT_RETENTION_DAYS,
    rolePermissions: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })),
  };
}
