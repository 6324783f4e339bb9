import fs from "node:fs";
import path from "node:path";
import { openDb } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { readEnv } from "../env.js";
import { readAccountsConfig } from "../modules/accounts/accounts.config.js";
import { createAccountsServices } from "../modules/accounts/accounts.module.js";
import { printSetupCode } from "../modules/accounts/first-start.js";
import type { AdminRole } from "../modules/accounts/setup.service.js";
import { auditKeyingFor } from "../modules/audit/audit-anchor.js";
import { parseArgs, stringOption } from "./args.js";

export const ADMIN_USAGE = `zhichan admin create [--role sysadmin|secadmin|auditadmin] [--url http://host:port] [--db <file>]
  prints a one-time code (valid 24 h, replaces any unused one) that creates that administrator on the /setup page`;

const ROLES: AdminRole[] = ["sysadmin", "secadmin", "auditadmin"];

/** `zhichan admin create`: the way to a first (or replacement) administrator; there are no default accounts. */
export async function runAdminCommand(argv: string[]): Promise<void> {
  const { options, positional } = parseArgs(argv);
  if (positional[0] !== "create") throw new Error(`unknown admin command ${positional[0] ?? ""}\n${ADMIN_USAGE}`);
  for (const k of options.keys())
    if (!["role", "url", "db"].includes(k)) throw new Error(`unknown option --${k}\n${ADMIN_USAGE}`);
  const role = (stringOption(options, "role") ?? "sysadmin") as AdminRole;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(", ")}`);
  const env = readEnv();
  const dbFile = path.resolve(stringOption(options, "db") ?? env.dbFile);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true, mode: 0o700 }); // a new ZHICHAN_HOME is private
  const db = openDb(dbFile);
  try {
    await migrateToLatest(db.kysely);
    const cfg = readAccountsConfig(env.home);
    const services = createAccountsServices(db, {
      dataKey: cfg.dataKey,
      passwordPolicy: cfg.passwordPolicy,
      audit: auditKeyingFor(env.home), // the same key as the server: its audit entries join the one keyed chain
    });
    const url = stringOption(options, "url") ?? `http://${env.host === "0.0.0.0" ? "localhost" : env.host}:${env.port}`;
    printSetupCode(services, url, role, (l) => process.stdout.write(`${l}\n`));
    services.audit.checkpoint(); // anchor the entry just written, as the server does at shutdown
  } finally {
    await db.close();
  }
}
