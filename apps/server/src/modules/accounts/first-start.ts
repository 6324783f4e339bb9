import type { AccountsServices } from "./accounts.module.js";
import type { AdminRole } from "./setup.service.js";

/** Prints a one-time setup code (and the page that takes it); the database keeps only its hash. */
export function printSetupCode(
  s: AccountsServices,
  baseUrl: string | null,
  role: AdminRole,
  out: (line: string) => void,
): void {
  const { code, expiresAt } = s.setup.issueCode(role);
  const roleName = {
    sysadmin: "系统管理员 system administrator",
    secadmin: "安全管理员 security administrator",
    auditadmin: "审计管理员 audit administrator",
  }[role];
  out(`One-time setup code for the ${roleName} · 一次性设置码: ${code}`);
  if (baseUrl)
    out(
      `Open ${baseUrl.replace(/\/$/, "")}/setup?code=${code} to create the account (valid until ${expiresAt.toISOString()}, once).`,
    );
  else out(`Enter it on the /setup page to create the account (valid until ${expiresAt.toISOString()}, once).`);
}

/** First start: no default accounts; while no system administrator exists, each start prints a fresh code. */
export function announceFirstStart(
  s: AccountsServices,
  baseUrl: string,
  out: (line: string) => void = (l) => console.log(l),
): void {
  if (s.setup.needed()) printSetupCode(s, baseUrl, "sysadmin", out);
}
