import fs from "node:fs";
import path from "node:path";
import { openDb } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { readEnv } from "../env.js";
import { systemClock } from "../modules/accounts/clock.js";
import { AuditService } from "../modules/audit/audit.service.js";
import { parseArgs, stringOption } from "./args.js";

export const AUDIT_USAGE = `zhichan audit verify [--db <file>]
  walks the audit log's hash chain; exit code 1 and the first bad entry when it was tampered with`;

/** `zhichan audit verify`: prints the number of entries checked and the head hash (note it down to anchor the log). */
export async function runAuditCommand(argv: string[]): Promise<void> {
  const { options, positional } = parseArgs(argv);
  if (positional[0] !== "verify") throw new Error(`unknown audit command ${positional[0] ?? ""}\n${AUDIT_USAGE}`);
  for (const k of options.keys()) if (k !== "db") throw new Error(`unknown option --${k}\n${AUDIT_USAGE}`);
  const dbFile = path.resolve(stringOption(options, "db") ?? readEnv().dbFile);
  if (!fs.existsSync(dbFile)) throw new Error(`no database at ${dbFile}`);
  const db = openDb(dbFile);
  try {
    await migrateToLatest(db.kysely);
    const r = new AuditService(db, systemClock).verify();
    if (r.ok) {
      process.stdout.write(`audit log intact · 审计日志完整: ${r.checked} entries, head hash ${r.headHash}\n`);
    } else {
      process.stdout.write(
        `AUDIT LOG TAMPERED · 审计日志被篡改: entry ${r.firstBadSeq}: ${r.reason} (${r.checked} entries before it are intact)\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
}
