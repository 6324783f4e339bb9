import type { Insertable, Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first, run } from "../../db/sync-query.js";

export type SurveyRecord = Selectable<Database["surveys"]>;
export type ResponseRecord = Selectable<Database["survey_responses"]>;

export function listSurveys(db: Db): SurveyRecord[] {
  return all(db, db.kysely.selectFrom("surveys").selectAll().orderBy("id", "desc"));
}
export function findSurvey(db: Db, id: number): SurveyRecord | undefined {
  return first(db, db.kysely.selectFrom("surveys").selectAll().where("id", "=", id));
}
export function insertSurvey(db: Db, s: Omit<SurveyRecord, "id" | "published_at">): number {
  const row: Insertable<Database["surveys"]> = {
    title: s.title,
    period_start: s.period_start,
    period_end: s.period_end,
    due_date: s.due_date,
    categories_json: s.categories_json,
    definition_json: s.definition_json,
    status: s.status,
    created_by: s.created_by,
    created_at: s.created_at,
  };
  return run(db, db.kysely.insertInto("surveys").values(row)).lastInsertRowid;
}
/** `publishedAt` null keeps the date the survey was first published (a reopened and again closed survey keeps it). */
export function setSurveyStatus(db: Db, id: number, status: string, publishedAt: string | null = null): void {
  run(
    db,
    db.kysely
      .updateTable("surveys")
      .set((eb) => ({ status, published_at: eb.fn.coalesce(eb.val(publishedAt), "published_at") }))
      .where("id", "=", id),
  );
}
export function responsesOf(db: Db, surveyId: number): ResponseRecord[] {
  return all(db, db.kysely.selectFrom("survey_responses").selectAll().where("survey_id", "=", surveyId));
}
export function findResponse(db: Db, surveyId: number, orgId: number): ResponseRecord | undefined {
  return first(
    db,
    db.kysely.selectFrom("survey_responses").selectAll().where("survey_id", "=", surveyId).where("org_id", "=", orgId),
  );
}
/** A new answer replaces the organisation's earlier one and clears its review. */
export function upsertResponse(db: Db, r: Omit<ResponseRecord, "reviewed_by" | "review_note">): void {
  run(
    db,
    db.kysely
      .insertInto("survey_responses")
      .values({
        survey_id: r.survey_id,
        org_id: r.org_id,
        answers_json: r.answers_json,
        problems_json: r.problems_json,
        status: r.status,
        channel: r.channel,
        submitted_at: r.submitted_at,
        submitted_by: r.submitted_by,
      })
      .onConflict((oc) =>
        oc.columns(["survey_id", "org_id"]).doUpdateSet((eb) => ({
          answers_json: eb.ref("excluded.answers_json"),
          problems_json: eb.ref("excluded.problems_json"),
          status: eb.ref("excluded.status"),
          channel: eb.ref("excluded.channel"),
          submitted_at: eb.ref("excluded.submitted_at"),
          submitted_by: eb.ref("excluded.submitted_by"),
          reviewed_by: null,
          review_note: null,
        })),
      ),
  );
}
export function reviewResponse(
  db: Db,
  surveyId: number,
  orgId: number,
  status: string,
  by: string | null,
  note: string,
): void {
  run(
    db,
    db.kysely
      .updateTable("survey_responses")
      .set({ status, reviewed_by: by, review_note: note })
      .where("survey_id", "=", surveyId)
      .where("org_id", "=", orgId),
  );
}
