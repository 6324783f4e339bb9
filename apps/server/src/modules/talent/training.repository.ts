import type { Db } from "../../db/connection.js";

export interface TrainingEventRow {
  id: number;
  title: string;
  starts_on: string;
  location: string;
  capacity: number;
  description: string | null;
  enrolled: number;
  attended: number;
}

export interface EnrolmentRow {
  event_id: number;
  user_id: number;
  name: string;
  org_name: string | null;
  enrolled_at: number;
  attended: number | null;
}

export function insertTrainingEvent(
  db: Db,
  e: {
    title: string;
    starts_on: string;
    location: string;
    capacity: number;
    description: string | null;
    created_by: number;
    created_at: number;
  },
): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO training_events (title, starts_on, location, capacity, description, created_by, created_at)
         VALUES (@title, @starts_on, @location, @capacity, @description, @created_by, @created_at)`,
      )
      .run(e).lastInsertRowid,
  );
}

const EVENT_SELECT = `SELECT e.id, e.title, e.starts_on, e.location, e.capacity, e.description,
  (SELECT count(*) FROM training_enrolments n WHERE n.event_id = e.id) AS enrolled,
  (SELECT count(*) FROM training_enrolments n WHERE n.event_id = e.id AND n.attended = 1) AS attended
  FROM training_events e`;

export function trainingEvents(db: Db): TrainingEventRow[] {
  return db.sqlite.prepare(`${EVENT_SELECT} ORDER BY e.starts_on DESC, e.id DESC`).all() as TrainingEventRow[];
}

export function trainingEvent(db: Db, id: number): TrainingEventRow | undefined {
  return db.sqlite.prepare(`${EVENT_SELECT} WHERE e.id = ?`).get(id) as TrainingEventRow | undefined;
}

export function enrolmentsOf(db: Db, eventId: number): EnrolmentRow[] {
  return db.sqlite
    .prepare("SELECT * FROM training_enrolments WHERE event_id = ? ORDER BY enrolled_at")
    .all(eventId) as EnrolmentRow[];
}

export function enrolmentsOfUser(db: Db, userId: number): EnrolmentRow[] {
  return db.sqlite.prepare("SELECT * FROM training_enrolments WHERE user_id = ?").all(userId) as EnrolmentRow[];
}

export function insertEnrolment(db: Db, e: Omit<EnrolmentRow, "attended">): boolean {
  return (
    db.sqlite
      .prepare(
        `INSERT INTO training_enrolments (event_id, user_id, name, org_name, enrolled_at)
         VALUES (@event_id, @user_id, @name, @org_name, @enrolled_at) ON CONFLICT DO NOTHING`,
      )
      .run(e).changes === 1
  );
}

export function setAttendance(db: Db, eventId: number, userId: number, attended: boolean): boolean {
  return (
    db.sqlite
      .prepare("UPDATE training_enrolments SET attended = ? WHERE event_id = ? AND user_id = ?")
      .run(attended ? 1 : 0, eventId, userId).changes === 1
  );
}
