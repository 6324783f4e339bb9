import crypto from "node:crypto";
import type { AuditProblem } from "@zhichan/shared";
import type { AuditRow } from "./audit.repository.js";

/** The hash that starts the chain. */
export const GENESIS_HASH = "0".repeat(64);

/** The entry that seals a log written before the chain was keyed (see verifyChain). */
export const CHAIN_KEYED_ACTION = "audit.chain_keyed";

function entryFields(row: Omit<AuditRow, "hash">): string {
  return JSON.stringify([
    row.seq,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.target,
    row.outcome,
    row.ip,
    row.details_json,
  ]);
}

/**
 * Each entry's hash is an HMAC-SHA-256, under a key kept outside the database, of its own fields (sequence number
 * included) and the previous entry's hash: editing, deleting, inserting or reordering any entry breaks every link
 * after it, and without the key nobody can recompute the links.
 */
export function entryHash(row: Omit<AuditRow, "hash">, chainKey: Buffer): string {
  return crypto
    .createHmac("sha256", chainKey)
    .update(row.prev_hash)
    .update("\n")
    .update(entryFields(row))
    .digest("hex");
}

/** The unkeyed SHA-256 of logs written before the chain was keyed; accepted only for their sealed prefix. */
export function legacyEntryHash(row: Omit<AuditRow, "hash">): string {
  return crypto.createHash("sha256").update(row.prev_hash).update("\n").update(entryFields(row)).digest("hex");
}

/** An entry written by the unkeyed scheme (and not by the keyed one). */
export function isLegacyEntry(row: AuditRow, chainKey: Buffer): boolean {
  return entryHash(row, chainKey) !== row.hash && legacyEntryHash(row) === row.hash;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  reason: string | null;
  /** What was wrong, as a code the web page puts in words (the reason is the technical sentence). */
  problem: AuditProblem | null;
  headHash: string;
  /** Entries at the start verified by the old unkeyed scheme (logs from before keying). */
  legacy: number;
}

function sealsLegacyPrefix(row: AuditRow): boolean {
  if (row.action !== CHAIN_KEYED_ACTION || !row.details_json) return false;
  try {
    return (JSON.parse(row.details_json) as { legacyUpTo?: unknown }).legacyUpTo === row.seq - 1;
  } catch {
    return false;
  }
}

/**
 * Walks the log oldest first and stops at the first entry that does not fit the chain: sequence numbers run 1, 2, 3 …
 * without a gap, each entry links to the one before, and each hash is the keyed HMAC.
 *
 * Migration of logs written before keying: rather than rewriting history (which would need the append-only triggers
 * dropped and would change hashes people may have noted down), the unkeyed entries stay as they are and are checked
 * with the old SHA-256 — but only as an unbroken prefix that ends in an `audit.chain_keyed` entry, written with the
 * key by the first keyed process, that names the last unkeyed entry (`legacyUpTo`). That entry's HMAC covers the
 * prefix's head hash, so the prefix cannot be changed without the key; and a log with entries but no keyed entry at all
 * fails, so recomputing the whole log with plain SHA-256 is caught too.
 */
export function verifyChain(rows: Iterable<AuditRow>, chainKey: Buffer): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let legacy = 0;
  let keyed = false;
  for (const row of rows) {
    const bad = (problem: AuditProblem, reason: string): ChainCheck => ({
      ok: false,
      checked,
      firstBadSeq: row.seq,
      reason,
      problem,
      headHash: prev,
      legacy,
    });
    if (row.seq !== expectedSeq)
      return bad(
        expectedSeq === 1 ? "start" : "gap",
        expectedSeq === 1
          ? `the log does not start at entry 1 (its first entry is ${row.seq})`
          : `sequence gap: expected entry ${expectedSeq}, found ${row.seq} (entries deleted or renumbered)`,
      );
    if (row.prev_hash !== prev) return bad("link", "link to the previous entry does not match");
    if (entryHash(row, chainKey) === row.hash) {
      if (!keyed && legacy > 0 && !sealsLegacyPrefix(row))
        return bad("unsealed", `the unkeyed entries 1–${legacy} are not sealed by an ${CHAIN_KEYED_ACTION} entry`);
      keyed = true;
    } else if (!keyed && legacyEntryHash(row) === row.hash) {
      legacy++;
    } else {
      return bad(
        "content",
        "entry content does not match its keyed hash (edited, rewritten without the audit key, or checked with a different key)",
      );
    }
    prev = row.hash;
    expectedSeq++;
    checked++;
  }
  if (checked > 0 && !keyed)
    return {
      ok: false,
      checked: 0,
      firstBadSeq: 1,
      problem: "unkeyed",
      reason:
        "no entry carries the keyed hash: the log was rewritten without the audit key (or was written before keying and the server has not started since)",
      headHash: prev,
      legacy,
    };
  return { ok: true, checked, firstBadSeq: null, reason: null, problem: null, headHash: prev, legacy };
}
