import fs from "node:fs";
import path from "node:path";
import { openDb } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { readEnv } from "../env.js";
import { systemClock } from "../modules/accounts/clock.js";
import { AuditService } from "../modules/audit/audit.service.js";
import { auditKeyingFor } from "../modules/audit/audit-anchor.js";
import { parseArgs, stringOption } from "./args.js";

export const AUDIT_USAGE = `zhichan audit verify [--db <file>] [--home <dir>] [--checkpoints <file>]
  checks the audit log's keyed hash chain (key: ZHICHAN_AUDIT_KEY or <home>/audit.key), that entries run 1, 2, 3 …
  without a gap, and that every signed checkpoint (default <home>/audit-checkpoints.log; or a copy of the application
  log) still matches the database; exit code 1 and what failed where when it was tampered with.
  <home> defaults to the folder of --db, else ZHICHAN_HOME`;

/** `zhichan audit verify`: prints the number of entries and checkpoints checked and the head hash. */
export async function runAuditCommand(argv: string[]): Promise<void> {
  const { options, positional } = parseArgs(argv);
  if (positional[0] !== "verify") throw new Error(`unknown audit command ${positional[0] ?? ""}\n${AUDIT_USAGE}`);
  for (const k of options.keys())
    if (!["db", "home", "checkpoints"].includes(k)) throw new Error(`unknown option --${k}\n${AUDIT_USAGE}`);
  const env = readEnv();
  const dbOption = stringOption(options, "db");
  const dbFile = path.resolve(dbOption ?? env.dbFile);
  const home = path.resolve(stringOption(options, "home") ?? (dbOption ? path.dirname(dbFile) : env.home));
  if (!fs.existsSync(dbFile)) throw new Error(`no database at ${dbFile}`);
  const keying = auditKeyingFor(home, { create: false }); // verifying never makes a key
  const checkpointFile = stringOption(options, "checkpoints");
  const db = openDb(dbFile);
  try {
    await migrateToLatest(db.kysely);
    const r = new AuditService(db, systemClock, keying).verify(
      checkpointFile ? [path.resolve(checkpointFile)] : undefined,
    );
    for (const w of r.warnings) process.stdout.write(`warning · 警告: ${w}\n`);
    if (r.ok) {
      process.stdout.write(
        `audit log intact · 审计日志完整: ${r.checked} entries (${r.legacy} from before keying), ${r.checkpoints} checkpoints match, head hash ${r.headHash}\n`,
      );
    } else {
      process.stdout.write(
        `AUDIT LOG TAMPERED · 审计日志被篡改: entry ${r.firstBadSeq}: ${r.reason} (${r.checked} entries checked)\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
}
