import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { ServiceDeskTables } from "../../db/schema-service-desk.js";

export type ConsultRow = Selectable<ServiceDeskTables["consultations"]>;
export type NewConsult = Omit<
  ConsultRow,
  "id" | "overdue_at" | "escalated_at" | "answer" | "answered_by" | "answered_by_name" | "answered_at"
>;

export function insertConsultation(db: Db, c: NewConsult): number {
  const cols = Object.keys(c);
  const info = db.sqlite
    .prepare(`INSERT INTO consultations (${cols.join(", ")}) VALUES (${cols.map((k) => `@${k}`).join(", ")})`)
    .run(c);
  return Number(info.lastInsertRowid);
}

export const consultationById = (db: Db, id: number) =>
  db.sqlite.prepare("SELECT * FROM consultations WHERE id = ?").get(id) as ConsultRow | undefined;

export const consultationByTokenHash = (db: Db, hash: string) =>
  db.sqlite.prepare("SELECT * FROM consultations WHERE token_hash = ?").get(hash) as ConsultRow | undefined;

export const consultationsOfAsker = (db: Db, userId: number) =>
  db.sqlite
    .prepare("SELECT * FROM consultations WHERE asker_user_id = ? ORDER BY id DESC LIMIT 200")
    .all(userId) as ConsultRow[];

/** Newest first, escalated and overdue before the rest; the service filters by who may answer. */
export const openAndRecentConsultations = (db: Db) =>
  db.sqlite
    .prepare(
      `SELECT * FROM consultations
       ORDER BY status = 'answered', escalated_at IS NULL, overdue_at IS NULL, due_at, id DESC LIMIT 2000`,
    )
    .all() as ConsultRow[];

/** Sets the answer only while the question is open (returns false if someone answered first). */
export function saveAnswer(db: Db, id: number, a: { answer: string; by: number; byName: string; at: number }): boolean {
  return (
    db.sqlite
      .prepare(
        `UPDATE consultations SET status = 'answered', answer = @answer, answered_by = @by,
           answered_by_name = @byName, answered_at = @at WHERE id = @id AND status = 'open'`,
      )
      .run({ id, ...a }).changes === 1
  );
}

export const markOverdue = (db: Db, now: number) =>
  db.sqlite
    .prepare("UPDATE consultations SET overdue_at = ? WHERE status = 'open' AND overdue_at IS NULL AND due_at <= ?")
    .run(now, now).changes;

export const overdueNotEscalated = (db: Db) =>
  db.sqlite
    .prepare("SELECT * FROM consultations WHERE status = 'open' AND overdue_at IS NOT NULL AND escalated_at IS NULL")
    .all() as ConsultRow[];

export const markEscalated = (db: Db, id: number, now: number) =>
  db.sqlite.prepare("UPDATE consultations SET escalated_at = ? WHERE id = ?").run(now, id);
