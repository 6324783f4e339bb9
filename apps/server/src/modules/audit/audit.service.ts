import { Readable } from "node:stream";
import type { AuditPage, AuditQueryParsed, AuditVerifyResponse } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { Clock } from "../accounts/clock.js";
import { auditCsvHeader, auditCsvLine, toAuditEntry } from "./audit.presenter.js";
import { type AuditFilter, findAuditRows, insertAuditRow, iterateAuditRows, lastAuditRow } from "./audit.repository.js";
import { type ChainCheck, entryHash, GENESIS_HASH, verifyChain } from "./audit-chain.js";

export type AuditOutcome = "success" | "failure" | "denied";

export interface AuditEvent {
  action: string;
  outcome?: AuditOutcome;
  actorId?: number | null;
  actorName?: string | null;
  target?: string | null;
  ip?: string | null;
  /** Never personal data in plain text: callers pass ids and masks. */
  details?: Record<string, unknown> | null;
}

/** Minimum retention the platform promises; the log itself refuses deletion, so nothing is ever purged early. */
export const AUDIT_RETENTION_DAYS = 180;

/**
 * The append-only, hash-chained audit log. `record` is synchronous so a caller can write the audit row in the same
 * SQLite transaction as the change it records (db.sqlite.transaction(() => { change(); audit.record(...) })).
 */
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  record(e: AuditEvent): number {
    const write = this.db.sqlite.transaction(() => {
      const last = lastAuditRow(this.db);
      const row = {
        seq: (last?.seq ?? 0) + 1,
        at: this.clock.now(),
        actor_id: e.actorId ?? null,
        actor_name: e.actorName ?? null,
        action: e.action,
        target: e.target ?? null,
        outcome: e.outcome ?? "success",
        ip: e.ip ?? null,
        details_json: e.details ? JSON.stringify(e.details) : null,
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      insertAuditRow(this.db, { ...row, hash: entryHash(row) });
      return row.seq;
    });
    return write.immediate();
  }

  list(q: AuditQueryParsed): AuditPage {
    const rows = findAuditRows(this.db, { ...toFilter(q), before: q.before }, q.limit + 1);
    const page = rows.slice(0, q.limit);
    return { entries: page.map(toAuditEntry), nextBefore: rows.length > q.limit ? page[page.length - 1].seq : null };
  }

  /** CSV of every matching entry, oldest first, streamed. */
  exportCsv(q: Omit<AuditQueryParsed, "limit" | "before">): Readable {
    const rows = iterateAuditRows(this.db, toFilter(q));
    return Readable.from(
      (function* () {
        yield auditCsvHeader();
        for (const r of rows) yield auditCsvLine(r);
      })(),
    );
  }

  verify(): ChainCheck {
    return verifyChain(iterateAuditRows(this.db));
  }

  verifyResponse(): AuditVerifyResponse {
    const { ok, checked, firstBadSeq, reason } = this.verify();
    return { ok, checked, firstBadSeq, reason };
  }
}

function dayStart(s: string): number {
  // A bare date is a day in China Standard Time (UTC+8), as the audit administrator means it.
  return Date.parse(s.length === 10 ? `${s}T00:00:00+08:00` : s);
}

function toFilter(q: Omit<AuditQueryParsed, "limit" | "before">): AuditFilter {
  const toMs = q.to ? dayStart(q.to) + (q.to.length === 10 ? 86_400_000 : 0) : undefined;
  const fromMs = q.from ? dayStart(q.from) : undefined;
  return {
    fromMs: Number.isFinite(fromMs) ? fromMs : undefined,
    toMs: Number.isFinite(toMs) ? toMs : undefined,
    actor: q.actor,
    action: q.action,
    outcome: q.outcome,
  };
}
