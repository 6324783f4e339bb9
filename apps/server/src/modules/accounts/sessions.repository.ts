import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { SessionsTable } from "../../db/schema.js";

export type SessionRow = Selectable<SessionsTable>;

export function insertSession(db: Db, s: Omit<SessionRow, "ended_at" | "end_reason">): void {
  db.sqlite
    .prepare(
      `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, absolute_expires_at, totp_verified, ip,
         user_agent)
       VALUES (@id_hash, @user_id, @csrf_token, @created_at, @last_seen_at, @absolute_expires_at, @totp_verified, @ip,
         @user_agent)`,
    )
    .run(s);
}

export function findLiveSession(db: Db, idHash: string): SessionRow | undefined {
  return db.sqlite.prepare("SELECT * FROM sessions WHERE id_hash = ? AND ended_at IS NULL").get(idHash) as
    | SessionRow
    | undefined;
}

/** A user's sessions not yet ended (some may have timed out without anyone asking since: callers check). */
export function liveSessionsOfUser(db: Db, userId: number): SessionRow[] {
  return db.sqlite
    .prepare("SELECT * FROM sessions WHERE user_id = ? AND ended_at IS NULL ORDER BY last_seen_at DESC")
    .all(userId) as SessionRow[];
}

export function touchSession(db: Db, idHash: string, at: number): void {
  db.sqlite.prepare("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?").run(at, idHash);
}

export function setSessionAbsoluteExpiry(db: Db, idHash: string, at: number): void {
  db.sqlite.prepare("UPDATE sessions SET absolute_expires_at = ? WHERE id_hash = ?").run(at, idHash);
}

export function endSession(db: Db, idHash: string, at: number, reason: string): void {
  db.sqlite
    .prepare("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id_hash = ? AND ended_at IS NULL")
    .run(at, reason, idHash);
}

/** Ends every live session of a user, optionally all but one; returns how many ended. */
export function endUserSessions(db: Db, userId: number, at: number, reason: string, exceptIdHash?: string): number {
  return db.sqlite
    .prepare("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL AND id_hash != ?")
    .run(at, reason, userId, exceptIdHash ?? "").changes;
}

export interface FailureRow {
  username: string;
  failures: number;
  last_failed_at: number;
  locked_until: number | null;
}

export function findFailures(db: Db, username: string): FailureRow | undefined {
  return db.sqlite.prepare("SELECT * FROM signin_failures WHERE username = ?").get(username) as FailureRow | undefined;
}

export function saveFailures(db: Db, row: FailureRow): void {
  db.sqlite
    .prepare(
      `INSERT INTO signin_failures (username, failures, last_failed_at, locked_until) VALUES (@username, @failures, @last_failed_at, @locked_until)
       ON CONFLICT(username) DO UPDATE SET failures = excluded.failures, last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until`,
    )
    .run(row);
}

export function clearFailures(db: Db, username: string): void {
  db.sqlite.prepare("DELETE FROM signin_failures WHERE username = ?").run(username);
}

export function insertSetupCode(db: Db, codeHash: string, role: string, at: number, expiresAt: number): void {
  // A new code replaces any unused one: only the newest printed code works.
  db.sqlite.prepare("UPDATE setup_codes SET used_at = ? WHERE used_at IS NULL").run(at);
  db.sqlite
    .prepare("INSERT INTO setup_codes (code_hash, role, created_at, expires_at) VALUES (?, ?, ?, ?)")
    .run(codeHash, role, at, expiresAt);
}

export function findUsableSetupCode(db: Db, codeHash: string, at: number): { role: string } | undefined {
  return db.sqlite
    .prepare("SELECT role FROM setup_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")
    .get(codeHash, at) as { role: string } | undefined;
}

export function useSetupCode(db: Db, codeHash: string, at: number): void {
  db.sqlite.prepare("UPDATE setup_codes SET used_at = ? WHERE code_hash = ?").run(at, codeHash);
}
