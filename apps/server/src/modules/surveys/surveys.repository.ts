import type { Db } from "../../db/connection.js";

export interface SurveyRecord {
  id: number;
  title: string;
  period_start: string;
  period_end: string;
  due_date: string;
  categories_json: string;
  definition_json: string;
  status: string;
  created_by: string | null;
  created_at: string;
  published_at: string | null;
}
export interface ResponseRecord {
  survey_id: number;
  org_id: number;
  answers_json: string;
  problems_json: string;
  status: string;
  channel: string;
  submitted_at: string;
  submitted_by: string | null;
  reviewed_by: string | null;
  review_note: string | null;
}

export function listSurveys(db: Db): SurveyRecord[] {
  return db.sqlite.prepare("SELECT * FROM surveys ORDER BY id DESC").all() as SurveyRecord[];
}
export function findSurvey(db: Db, id: number): SurveyRecord | undefined {
  return db.sqlite.prepare("SELECT * FROM surveys WHERE id = ?").get(id) as SurveyRecord | undefined;
}
export function insertSurvey(db: Db, s: Omit<SurveyRecord, "id" | "published_at">): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO surveys (title, period_start, period_end, due_date, categories_json, definition_json, status, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.title,
        s.period_start,
        s.period_end,
        s.due_date,
        s.categories_json,
        s.definition_json,
        s.status,
        s.created_by,
        s.created_at,
      ).lastInsertRowid,
  );
}
export function setSurveyStatus(db: Db, id: number, status: string, publishedAt: string | null = null): void {
  db.sqlite
    .prepare("UPDATE surveys SET status = ?, published_at = coalesce(?, published_at) WHERE id = ?")
    .run(status, publishedAt, id);
}
export function responsesOf(db: Db, surveyId: number): ResponseRecord[] {
  return db.sqlite.prepare("SELECT * FROM survey_responses WHERE survey_id = ?").all(surveyId) as ResponseRecord[];
}
export function findResponse(db: Db, surveyId: number, orgId: number): ResponseRecord | undefined {
  return db.sqlite.prepare("SELECT * FROM survey_responses WHERE survey_id = ? AND org_id = ?").get(surveyId, orgId) as
    | ResponseRecord
    | undefined;
}
export function upsertResponse(db: Db, r: Omit<ResponseRecord, "reviewed_by" | "review_note">): void {
  db.sqlite
    .prepare(
      `INSERT INTO survey_responses (survey_id, org_id, answers_json, problems_json, status, channel, submitted_at, submitted_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(survey_id, org_id) DO UPDATE SET answers_json = excluded.answers_json, problems_json = excluded.problems_json,
         status = excluded.status, channel = excluded.channel, submitted_at = excluded.submitted_at,
         submitted_by = excluded.submitted_by, reviewed_by = NULL, review_note = NULL`,
    )
    .run(r.survey_id, r.org_id, r.answers_json, r.problems_json, r.status, r.channel, r.submitted_at, r.submitted_by);
}
export function reviewResponse(
  db: Db,
  surveyId: number,
  orgId: number,
  status: string,
  by: string | null,
  note: string,
): void {
  db.sqlite
    .prepare(
      "UPDATE survey_responses SET status = ?, reviewed_by = ?, review_note = ? WHERE survey_id = ? AND org_id = ?",
    )
    .run(status, by, note, surveyId, orgId);
}
