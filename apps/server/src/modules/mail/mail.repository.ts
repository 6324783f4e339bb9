import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { ServiceDeskTables } from "../../db/schema-service-desk.js";
import { all, first, run } from "../../db/sync-query.js";

export type OutboxRow = Selectable<ServiceDeskTables["mail_outbox"]>;
export type NewOutboxRow = Pick<
  OutboxRow,
  "user_id" | "kind" | "to_enc" | "to_mask" | "subject" | "body" | "link" | "dedupe_key" | "status" | "created_at"
>;

/** Inserts a message; a message whose dedupe key is already there is not added again (returns null). */
export function insertOutbox(db: Db, m: NewOutboxRow): number | null {
  const info = run(
    db,
    db.kysely
      .insertInto("mail_outbox")
      .values({
        user_id: m.user_id,
        kind: m.kind,
        to_enc: m.to_enc,
        to_mask: m.to_mask,
        subject: m.subject,
        body: m.body,
        link: m.link,
        dedupe_key: m.dedupe_key,
        status: m.status,
        next_attempt_at: m.created_at, // due at once
        created_at: m.created_at,
      })
      .onConflict((oc) => oc.column("dedupe_key").doNothing()),
  );
  return info.changes ? info.lastInsertRowid : null;
}

/**
 * Takes up to `limit` due messages for one sender: each gets a lease (claimed_until) in the same statement, so a
 * second sender (another tick, another process) skips them until the lease runs out — after a crash, that is
 * how an unconfirmed message comes back.
 */
export function claimDue(db: Db, now: number, leaseMs: number, limit: number): OutboxRow[] {
  return all(
    db,
    db.kysely
      .updateTable("mail_outbox")
      .set({ claimed_until: now + leaseMs })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("mail_outbox")
          .select("id")
          .where("status", "=", "pending")
          .where("next_attempt_at", "<=", now)
          .where((w) => w.or([w("claimed_until", "is", null), w("claimed_until", "<=", now)]))
          .orderBy("next_attempt_at")
          .orderBy("id")
          .limit(limit),
      )
      .returningAll(),
  );
}

export function markSent(db: Db, id: number, at: number): void {
  run(
    db,
    db.kysely
      .updateTable("mail_outbox")
      .set((eb) => ({
        status: "sent",
        sent_at: at,
        attempts: eb("attempts", "+", 1),
        claimed_until: null,
        last_error: null,
      }))
      .where("id", "=", id),
  );
}

export function markRetry(db: Db, id: number, next: number, error: string, failed: boolean): void {
  run(
    db,
    db.kysely
      .updateTable("mail_outbox")
      .set((eb) => ({
        attempts: eb("attempts", "+", 1),
        next_attempt_at: next,
        claimed_until: null,
        last_error: error.slice(0, 500),
        status: failed ? "failed" : eb.ref("status"),
      }))
      .where("id", "=", id),
  );
}

export function outboxCounts(db: Db): Record<string, number> {
  const rows = all(
    db,
    db.kysely
      .selectFrom("mail_outbox")
      .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
      .groupBy("status"),
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export function recentOutbox(db: Db, limit: number, status?: string): OutboxRow[] {
  return all(
    db,
    db.kysely
      .selectFrom("mail_outbox")
      .selectAll()
      .$call((q) => (status ? q.where("status", "=", status) : q))
      .orderBy("id", "desc")
      .limit(limit),
  );
}

export type MailSettingsRow = Pick<
  Selectable<ServiceDeskTables["mail_settings"]>,
  "email_enc" | "email_mask" | "language"
>;

export function mailSettingsOf(db: Db, userId: number): MailSettingsRow | undefined {
  return first(
    db,
    db.kysely.selectFrom("mail_settings").select(["email_enc", "email_mask", "language"]).where("user_id", "=", userId),
  );
}

export function saveMailSettings(db: Db, userId: number, s: MailSettingsRow, at: number): void {
  run(
    db,
    db.kysely
      .insertInto("mail_settings")
      .values({
        user_id: userId,
        email_enc: s.email_enc,
        email_mask: s.email_mask,
        language: s.language,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet((eb) => ({
          email_enc: eb.ref("excluded.email_enc"),
          email_mask: eb.ref("excluded.email_mask"),
          language: eb.ref("excluded.language"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      ),
  );
}

export function preferencesOf(db: Db, userId: number): Map<string, boolean> {
  const rows = all(
    db,
    db.kysely.selectFrom("mail_preferences").select(["kind", "enabled"]).where("user_id", "=", userId),
  );
  return new Map(rows.map((r) => [r.kind, r.enabled === 1]));
}

export function setPreference(db: Db, userId: number, kind: string, enabled: boolean): void {
  run(
    db,
    db.kysely
      .insertInto("mail_preferences")
      .values({ user_id: userId, kind, enabled: enabled ? 1 : 0 })
      .onConflict((oc) =>
        oc.columns(["user_id", "kind"]).doUpdateSet((eb) => ({ enabled: eb.ref("excluded.enabled") })),
      ),
  );
}
