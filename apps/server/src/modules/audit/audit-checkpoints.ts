import crypto from "node:crypto";
import fs from "node:fs";
import type { AuditProblem } from "@zhichan/shared";

export const CHECKPOINT_FILE = "audit-checkpoints.log";

/** The head of the log at one moment, signed so it cannot be made up later. */
export interface Checkpoint {
  seq: number;
  hash: string;
  count: number;
  /** ISO time it was taken. */
  at: string;
  /** HMAC-SHA-256 (checkpoint key) of the fields above. */
  mac: string;
}

/**
 * HMAC rather than an Ed25519 signature: checking a checkpoint is only meaningful together with the chain, and
 * checking the chain needs the audit secret anyway, so a public key would let nobody verify anything more; one
 * secret is also one thing to back up. The checkpoint key is derived apart from the chain key (audit-key.ts).
 */
function macOf(cp: Omit<Checkpoint, "mac">, key: Buffer): string {
  return crypto
    .createHmac("sha256", key)
    .update(JSON.stringify(["zhichan-audit-checkpoint", cp.seq, cp.hash, cp.count, cp.at]))
    .digest("hex");
}

export function signCheckpoint(cp: Omit<Checkpoint, "mac">, key: Buffer): Checkpoint {
  return { ...cp, mac: macOf(cp, key) };
}

export function checkpointSigned(cp: Checkpoint, key: Buffer): boolean {
  const want = Buffer.from(macOf(cp, key), "hex");
  const got = Buffer.from(String(cp.mac), "hex");
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}

/**
 * Appends one line and fsyncs it before returning: the file is only ever appended to (O_APPEND), mode 0600, outside
 * the database. A copy of every checkpoint also goes to the application log, which is usually shipped elsewhere.
 */
export function appendCheckpoint(file: string, cp: Checkpoint): void {
  const fd = fs.openSync(file, "a", 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(cp)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function asCheckpoint(v: unknown): Checkpoint | null {
  const c = v as Partial<Checkpoint> | null;
  if (!c || typeof c !== "object") return null;
  const ok =
    Number.isInteger(c.seq) &&
    typeof c.hash === "string" &&
    Number.isInteger(c.count) &&
    typeof c.at === "string" &&
    typeof c.mac === "string";
  return ok ? (c as Checkpoint) : null;
}

export interface CheckpointLine {
  line: number;
  cp: Checkpoint;
}

/**
 * The checkpoints in a file: either the checkpoint file itself (one JSON object a line) or an application log whose
 * JSON lines carry an `auditCheckpoint` field. Other lines are skipped and counted (a line torn by a crash is not
 * evidence of anything: deleting lines is no more than deleting the file, which the application log covers).
 */
export function readCheckpoints(file: string): { checkpoints: CheckpointLine[]; skipped: number } {
  const checkpoints: CheckpointLine[] = [];
  let skipped = 0;
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((text, i) => {
      if (!text.trim()) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        if (text.startsWith("{")) skipped++; // a torn JSON line; plain text in an application log is not counted
        return;
      }
      const cp = asCheckpoint(parsed) ?? asCheckpoint((parsed as { auditCheckpoint?: unknown })?.auditCheckpoint);
      if (cp) checkpoints.push({ line: i + 1, cp });
      else if (!(parsed && typeof parsed === "object" && "msg" in parsed)) skipped++; // a log line of something else
    });
  return { checkpoints, skipped };
}

export interface CheckpointCheck {
  ok: boolean;
  firstBadSeq: number | null;
  reason: string | null;
  problem: AuditProblem | null;
}

/**
 * Every checkpoint must be signed with this key, the entry at its sequence number must still carry its hash, and the
 * log must still hold at least as many entries: so deleting the tail, or rewriting any entry up to a checkpoint, is
 * caught even by someone who recomputed a chain that is consistent in itself.
 */
export function verifyCheckpoints(
  checkpoints: CheckpointLine[],
  key: Buffer,
  log: { count: number; headSeq: number; hashAt: (seq: number) => string | undefined },
): CheckpointCheck {
  for (const { line, cp } of checkpoints) {
    const bad = (problem: AuditProblem, firstBadSeq: number, reason: string): CheckpointCheck => ({
      ok: false,
      firstBadSeq,
      reason,
      problem,
    });
    if (!checkpointSigned(cp, key))
      return bad(
        "checkpoint_forged",
        cp.seq,
        `checkpoint on line ${line} is not signed with this audit key (forged or altered)`,
      );
    const hash = log.hashAt(cp.seq);
    if (hash === undefined || log.count < cp.count)
      return bad(
        "truncated",
        Math.min(cp.seq, log.headSeq + 1),
        `the log was truncated: the checkpoint of ${cp.at} (line ${line}) recorded entry ${cp.seq} and ${cp.count} entries; the log now ends at entry ${log.headSeq} with ${log.count}`,
      );
    if (hash !== cp.hash)
      return bad(
        "rewritten",
        cp.seq,
        `entry ${cp.seq} differs from the checkpoint of ${cp.at} (line ${line}): the log was rewritten up to there`,
      );
  }
  return { ok: true, firstBadSeq: null, reason: null, problem: null };
}
