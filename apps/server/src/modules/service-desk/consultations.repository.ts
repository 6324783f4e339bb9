import { type Expression, type Selectable, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { ServiceDeskTables } from "../../db/schema-service-desk.js";
import { all, first, one, run } from "../../db/sync-query.js";

export type ConsultRow = Selectable<ServiceDeskTables["consultations"]>;
export type NewConsult = Omit<
  ConsultRow,
  "id" | "overdue_at" | "escalated_at" | "answer" | "answered_by" | "answered_by_name" | "answered_at"
>;

export function insertConsultation(db: Db, c: NewConsult): number {
  return run(db, db.kysely.insertInto("consultations").values(c)).lastInsertRowid;
}

export const consultationById = (db: Db, id: number): ConsultRow | undefined =>
  first(db, db.kysely.selectFrom("consultations").selectAll().where("id", "=", id));

export const consultationByTokenHash = (db: Db, hash: string): ConsultRow | undefined =>
  first(db, db.kysely.selectFrom("consultations").selectAll().where("token_hash", "=", hash));

export const consultationsOfAsker = (db: Db, userId: number): ConsultRow[] =>
  all(
    db,
    db.kysely
      .selectFrom("consultations")
      .selectAll()
      .where("asker_user_id", "=", userId)
      .orderBy("id", "desc")
      .limit(200),
  );

/** Who may answer: officials (answering permission) within a district scope, and members of routed organisations. */
export interface AnswerScope {
  /** The caller holds the answering permission; `district` is their scope (null: the whole city). */
  official: boolean;
  district: string | null;
  /** Registry organisations (workstations, agencies) the caller belongs to: their routed questions are theirs. */
  orgIds: number[];
}
export type QueueStatus = "open" | "answered" | "overdue";

/** The district scope as a prefix of the question's district (code prefixes nest: 41 ⊃ 4101 ⊃ 410102). */
const inDistrict = (district: string) => sql<SqlBool>`substr(district_code, 1, length(${district})) = ${district}`;

/**
 * One page of the questions a scope may answer, escalated and overdue first, then by deadline, then newest, with the
 * count of all matches — filtered here in SQL (mirrors ConsultationsService.mayAnswer) so none is ever cut off.
 */
export function answerQueue(
  db: Db,
  scope: AnswerScope,
  status: QueueStatus | undefined,
  page: { limit: number; offset: number },
): { rows: ConsultRow[]; total: number } {
  if (!scope.official && scope.orgIds.length === 0) return { rows: [], total: 0 };
  const matching = db.kysely.selectFrom("consultations").where((eb) => {
    const ors: Expression<SqlBool>[] = [];
    if (scope.official)
      ors.push(
        scope.district === null
          ? sql<SqlBool>`1 = 1`
          : eb.and([eb("district_code", "is not", null), inDistrict(scope.district)]),
      );
    if (scope.orgIds.length > 0) ors.push(eb("routed_org_id", "in", scope.orgIds.map(Number)));
    const where = [eb.or(ors)];
    if (status === "overdue") where.push(eb("status", "=", "open"), eb("overdue_at", "is not", null));
    else if (status) where.push(eb("status", "=", status));
    return eb.and(where);
  });
  const { n: total } = one(
    db,
    matching.select((eb) => eb.fn.countAll<number>().as("n")),
  );
  const rows = all(
    db,
    matching
      .selectAll()
      .orderBy(sql`status = 'answered'`)
      .orderBy(sql`escalated_at IS NULL`)
      .orderBy(sql`overdue_at IS NULL`)
      .orderBy("due_at")
      .orderBy("id", "desc")
      .limit(page.limit)
      .offset(page.offset),
  );
  return { rows, total };
}

/** Sets the answer only while the question is open (returns false if someone answered first). */
export function saveAnswer(db: Db, id: number, a: { answer: string; by: number; byName: string; at: number }): boolean {
  return (
    run(
      db,
      db.kysely
        .updateTable("consultations")
        .set({
          status: "answered",
          answer: a.answer,
          answered_by: a.by,
          answered_by_name: a.byName,
          answered_at: a.at,
        })
        .where("id", "=", id)
        .where("status", "=", "open"),
    ).changes === 1
  );
}

export const markOverdue = (db: Db, now: number) =>
  run(
    db,
    db.kysely
      .updateTable("consultations")
      .set({ overdue_at: now })
      .where("status", "=", "open")
      .where("overdue_at", "is", null)
      .where("due_at", "<=", now),
  ).changes;

const openQuestions = (db: Db) => db.kysely.selectFrom("consultations").selectAll().where("status", "=", "open");

export const overdueNotEscalated = (db: Db): ConsultRow[] =>
  all(db, openQuestions(db).where("overdue_at", "is not", null).where("escalated_at", "is", null));

/** Marks a question escalated once (false if it already was). */
export const markEscalated = (db: Db, id: number, now: number) =>
  run(
    db,
    db.kysely
      .updateTable("consultations")
      .set({ escalated_at: now })
      .where("id", "=", id)
      .where("escalated_at", "is", null),
  ).changes === 1;

/** Open escalated questions within a district scope (null: the whole city), newest escalation first. */
export const escalatedOpen = (db: Db, district: string | null, limit: number): ConsultRow[] =>
  all(
    db,
    openQuestions(db)
      .where("escalated_at", "is not", null)
      .$call((q) => (district === null ? q : q.where(inDistrict(district))))
      .orderBy("escalated_at", "desc")
      .orderBy("id", "desc")
      .limit(limit),
  );
