import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { ServiceDeskTables } from "../../db/schema-service-desk.js";

export type OutboxRow = Selectable<ServiceDeskTables["mail_outbox"]>;
export type NewOutboxRow = Pick<
  OutboxRow,
  "user_id" | "kind" | "to_enc" | "to_mask" | "subject" | "body" | "link" | "dedupe_key" | "status" | "created_at"
>;

/** Inserts a message; a message whose dedupe key is already there is not added again (returns null). */
export function insertOutbox(db: Db, m: NewOutboxRow): number | null {
  const info = db.sqlite
    .prepare(
      `INSERT INTO mail_outbox (user_id, kind, to_enc, to_mask, subject, body, link, dedupe_key, status,
         next_attempt_at, created_at)
       VALUES (@user_id, @kind, @to_enc, @to_mask, @subject, @body, @link, @dedupe_key, @status, @created_at,
         @created_at)
       ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .run(m);
  return info.changes ? Number(info.lastInsertRowid) : null;
}

/**
 * Takes up to `limit` due messages for one sender: each gets a lease (claimed_until) in the same statement, so a
 * second sender (another tick, another process) skips them until the lease runs out — after a crash, that is
 * how an unconfirmed message comes back.
 */
export function claimDue(db: Db, now: number, leaseMs: number, limit: number): OutboxRow[] {
  return db.sqlite
    .prepare(
      `UPDATE mail_outbox SET claimed_until = @until
       WHERE id IN (SELECT id FROM mail_outbox
                    WHERE status = 'pending' AND next_attempt_at <= @now
                      AND (claimed_until IS NULL OR claimed_until <= @now)
                    ORDER BY next_attempt_at, id LIMIT @limit)
       RETURNING *`,
    )
    .all({ now, until: now + leaseMs, limit }) as OutboxRow[];
}

export function markSent(db: Db, id: number, at: number): void {
  db.sqlite
    .prepare(
      `UPDATE mail_outbox SET status = 'sent', sent_at = @at, attempts = attempts + 1, claimed_until = NULL,
         last_error = NULL WHERE id = @id`,
    )
    .run({ id, at });
}

export function markRetry(db: Db, id: number, next: number, error: string, failed: boolean): void {
  db.sqlite
    .prepare(
      `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = @next, claimed_until = NULL,
         last_error = @error, status = CASE WHEN @failed THEN 'failed' ELSE status END WHERE id = @id`,
    )
    .run({ id, next, error: error.slice(0, 500), failed: failed ? 1 : 0 });
}

export function outboxCounts(db: Db): Record<string, number> {
  const rows = db.sqlite.prepare("SELECT status, count(*) AS n FROM mail_outbox GROUP BY status").all() as {
    status: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export function recentOutbox(db: Db, limit: number, status?: string): OutboxRow[] {
  return db.sqlite
    .prepare(`SELECT * FROM mail_outbox ${status ? "WHERE status = @status" : ""} ORDER BY id DESC LIMIT @limit`)
    .all({ limit, ...(status ? { status } : {}) }) as OutboxRow[];
}

export interface MailSettingsRow {
  email_enc: string | null;
  email_mask: string | null;
  language: string;
}

export function mailSettingsOf(db: Db, userId: number): MailSettingsRow | undefined {
  return db.sqlite.prepare("SELECT email_enc, email_mask, language FROM mail_settings WHERE user_id = ?").get(userId) as
    | MailSettingsRow
    | undefined;
}

export function saveMailSettings(db: Db, userId: number, s: MailSettingsRow, at: number): void {
  db.sqlite
    .prepare(
      `INSERT INTO mail_settings (user_id, email_enc, email_mask, language, updated_at)
       VALUES (@userId, @email_enc, @email_mask, @language, @at)
       ON CONFLICT (user_id) DO UPDATE SET email_enc = excluded.email_enc, email_mask = excluded.email_mask,
         language = excluded.language, updated_at = excluded.updated_at`,
    )
    .run({ userId, ...s, at });
}

export function preferencesOf(db: Db, userId: number): Map<string, boolean> {
  const rows = db.sqlite.prepare("SELECT kind, enabled FROM mail_preferences WHERE user_id = ?").all(userId) as {
    kind: string;
    enabled: number;
  }[];
  return new Map(rows.map((r) => [r.kind, r.enabled === 1]));
}

export function setPreference(db: Db, userId: number, kind: string, enabled: boolean): void {
  db.sqlite
    .prepare(
      `INSERT INTO mail_preferences (user_id, kind, enabled) VALUES (?, ?, ?)
       ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled`,
    )
    .run(userId, kind, enabled ? 1 : 0);
}
