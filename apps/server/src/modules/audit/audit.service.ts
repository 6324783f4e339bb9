import crypto from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import type { AuditPage, AuditQueryParsed, AuditVerifyResponse } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import { type Clock, isoNow, isoToday } from "../accounts/clock.js";
import { auditCsvHeader, auditCsvLine, toAuditEntry } from "./audit.presenter.js";
import {
  type AuditFilter,
  auditHashAt,
  countAuditRows,
  findAuditRows,
  insertAuditRow,
  iterateAuditRows,
  lastAuditRow,
} from "./audit.repository.js";
import {
  CHAIN_KEYED_ACTION,
  type ChainCheck,
  entryHash,
  GENESIS_HASH,
  isLegacyEntry,
  verifyChain,
} from "./audit-chain.js";
import {
  appendCheckpoint,
  type Checkpoint,
  type CheckpointLine,
  readCheckpoints,
  signCheckpoint,
  verifyCheckpoints,
} from "./audit-checkpoints.js";
import { type AuditKeys, deriveAuditKeys } from "./audit-key.js";

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

/** How the chain is keyed and anchored (audit-anchor.ts builds it from ZHICHAN_HOME). */
export interface AuditKeying {
  /** The secret kept outside the database (audit.key or ZHICHAN_AUDIT_KEY). */
  secret: Buffer;
  /** Where signed checkpoints of the head are appended; without one nothing is anchored (tests). */
  checkpointFile?: string;
  /** A checkpoint after this many new entries (the timer in main.ts adds one every few minutes and at shutdown). */
  checkpointEvery?: number;
  /** Also told of every checkpoint (the application log) and of a checkpoint that could not be written. */
  log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export const CHECKPOINT_EVERY = 50;

/** What verification found, beyond the chain itself. */
export interface AuditVerification extends ChainCheck {
  checkpoints: number;
  warnings: string[];
}

/** Minimum retention the platform promises; the log itself refuses deletion, so nothing is ever purged early. */
export const AUDIT_RETENTION_DAYS = 180;

/**
 * The append-only, hash-chained audit log. `record` is synchronous so a caller can write the audit row in the same
 * SQLite transaction as the change it records (db.sqlite.transaction(() => { change(); audit.record(...) })).
 */
export class AuditService {
  private readonly keys: AuditKeys;
  private lastCheckpointSeq = 0;

  /** Without keying, a random key (tests only: the log could not be verified by another process). */
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly keying: AuditKeying = { secret: crypto.randomBytes(32) },
  ) {
    this.keys = deriveAuditKeys(keying.secret);
  }

  record(e: AuditEvent): number {
    const write = this.db.sqlite.transaction(() => {
      this.sealLegacyChain();
      return this.append(e);
    });
    const seq = write.immediate();
    if (seq - this.lastCheckpointSeq >= (this.keying.checkpointEvery ?? CHECKPOINT_EVERY)) this.checkpoint();
    return seq;
  }

  /**
   * Opens the chain at start: seals an unkeyed log from before keying (audit-chain.ts explains the migration) and
   * anchors the current head.
   */
  open(): void {
    this.db.sqlite.transaction(() => this.sealLegacyChain()).immediate();
    this.checkpoint();
  }

  /**
   * In the writing transaction: if the head is unkeyed, first append the keyed entry that seals it. Checked on every
   * write (one HMAC) rather than remembered, so a seal rolled back with its caller's transaction is written again.
   */
  private sealLegacyChain(): void {
    const last = lastAuditRow(this.db);
    if (last && isLegacyEntry(last, this.keys.chain))
      this.append({
        action: CHAIN_KEYED_ACTION,
        actorName: "system",
        details: { legacyUpTo: last.seq, legacyHead: last.hash, scheme: "hmac-sha256" },
      });
  }

  private append(e: AuditEvent): number {
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
    insertAuditRow(this.db, { ...row, hash: entryHash(row, this.keys.chain) });
    return row.seq;
  }

  /**
   * Anchors the committed head outside the database: a signed {seq, hash, count, time} appended to the checkpoint
   * file and written to the application log. Skipped inside a transaction (the head might still roll back) and when
   * nothing was added since the last one. A failure is logged, never thrown: the entry is already committed.
   */
  checkpoint(): Checkpoint | null {
    const file = this.keying.checkpointFile;
    if (!file || this.db.sqlite.inTransaction) return null;
    try {
      const head = lastAuditRow(this.db);
      if (!head || head.seq === this.lastCheckpointSeq) return null;
      // The head must be on disk before a checkpoint claims it: in WAL mode with synchronous=NORMAL a power cut can
      // lose the last commits, and a checkpoint beyond them would then read as a deleted tail. A passive WAL checkpoint
      // syncs the WAL (and never waits for readers).
      this.db.sqlite.pragma("wal_checkpoint(PASSIVE)");
      const at = isoNow(this.clock);
      const cp = signCheckpoint(
        { seq: head.seq, hash: head.hash, count: countAuditRows(this.db), at },
        this.keys.checkpoint,
      );
      appendCheckpoint(file, cp);
      this.lastCheckpointSeq = head.seq;
      this.keying.log?.info({ auditCheckpoint: cp }, "audit checkpoint");
      return cp;
    } catch (err) {
      this.keying.log?.error({ err }, "audit checkpoint could not be written");
      return null;
    }
  }

  list(q: AuditQueryParsed): AuditPage {
    const rows = findAuditRows(this.db, { ...toFilter(q), before: q.before }, q.limit + 1);
    const page = rows.slice(0, q.limit);
    return { entries: page.map(toAuditEntry), nextBefore: rows.length > q.limit ? page[page.length - 1].seq : null };
  }

  /** The CSV export's file name, dated with the clock's day. */
  exportFileName(): string {
    return `zhichan-audit-${isoToday(this.clock)}.csv`;
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

  /**
   * The chain (keyed hashes, contiguous sequence from 1), then every checkpoint in the checkpoint file — or in the
   * files given, e.g. a copy of the application log — against the database.
   */
  verify(
    checkpointFiles: string[] = this.keying.checkpointFile ? [this.keying.checkpointFile] : [],
  ): AuditVerification {
    const warnings: string[] = [];
    const chain = verifyChain(iterateAuditRows(this.db), this.keys.chain);
    const checkpoints: CheckpointLine[] = [];
    for (const f of checkpointFiles) {
      if (!fs.existsSync(f)) {
        warnings.push(
          `no checkpoint file ${f}: a deleted tail cannot be detected · 没有检查点文件，无法发现尾部被删除`,
        );
        continue;
      }
      const read = readCheckpoints(f);
      checkpoints.push(...read.checkpoints);
      if (read.skipped) warnings.push(`${f}: ${read.skipped} lines are not checkpoints and were skipped`);
    }
    if (!chain.ok) return { ...chain, checkpoints: checkpoints.length, warnings };
    const head = lastAuditRow(this.db);
    const cps = verifyCheckpoints(checkpoints, this.keys.checkpoint, {
      count: countAuditRows(this.db),
      headSeq: head?.seq ?? 0,
      hashAt: (seq) => auditHashAt(this.db, seq),
    });
    return { ...chain, ...cps, checkpoints: checkpoints.length, warnings };
  }

  verifyResponse(): AuditVerifyResponse {
    const { ok, checked, firstBadSeq, reason, problem, checkpoints, warnings } = this.verify();
    return { ok, checked, firstBadSeq, reason, problem, checkpoints, checkpointsMissing: warnings.length > 0 };
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
