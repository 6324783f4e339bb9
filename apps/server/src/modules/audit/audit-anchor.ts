import path from "node:path";
import type { AuditKeying } from "./audit.service.js";
import { CHECKPOINT_FILE } from "./audit-checkpoints.js";
import { loadAuditKey } from "./audit-key.js";

/** Signed checkpoints at least this often while entries are being added (and at start and shutdown). */
export const CHECKPOINT_INTERVAL_MS = 5 * 60_000;

/**
 * The audit log's keying for a ZHICHAN_HOME: the key from ZHICHAN_AUDIT_KEY or home/audit.key (created on first start
 * unless `create` is false, as for `audit verify`), checkpoints appended to home/audit-checkpoints.log and, when a
 * log is given, written to the application log as well.
 */
export function auditKeyingFor(
  home: string,
  o: { log?: AuditKeying["log"]; create?: boolean; source?: NodeJS.ProcessEnv; say?: (s: string) => void } = {},
): AuditKeying {
  return {
    secret: loadAuditKey(home, { create: o.create, source: o.source, say: o.say }),
    checkpointFile: path.join(home, CHECKPOINT_FILE),
    log: o.log,
  };
}
