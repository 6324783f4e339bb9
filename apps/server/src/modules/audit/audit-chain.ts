import crypto from "node:crypto";
import type { AuditRow } from "./audit.repository.js";

/** The hash that starts the chain. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Each entry's hash covers its own fields (sequence number included) and the previous entry's hash, so editing,
 * deleting, inserting or reordering any entry breaks every link after it.
 */
export function entryHash(row: Omit<AuditRow, "hash">): string {
  const fields = [
    row.seq,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.target,
    row.outcome,
    row.ip,
    row.details_json,
  ];
  return crypto.createHash("sha256").update(row.prev_hash).update("\n").update(JSON.stringify(fields)).digest("hex");
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  reason: string | null;
  headHash: string;
}

/** Walks the log oldest first and stops at the first entry that does not fit the chain. */
export function verifyChain(rows: Iterable<AuditRow>): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq: number | null = null;
  let checked = 0;
  for (const row of rows) {
    const bad = (reason: string): ChainCheck => ({ ok: false, checked, firstBadSeq: row.seq, reason, headHash: prev });
    if (expectedSeq !== null && row.seq !== expectedSeq)
      return bad(`sequence gap: expected ${expectedSeq}, found ${row.seq}`);
    if (row.prev_hash !== prev) return bad("link to the previous entry does not match");
    if (entryHash(row) !== row.hash) return bad("entry content does not match its hash");
    prev = row.hash;
    expectedSeq = row.seq + 1;
    checked++;
  }
  return { ok: true, checked, firstBadSeq: null, reason: null, headHash: prev };
}
