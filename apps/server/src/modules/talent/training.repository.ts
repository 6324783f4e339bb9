import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first, run } from "../../db/sync-query.js";

export type EnrolmentRow = Selectable<Database["training_enrolments"]>;
export type TrainingEventRow = NonNullable<ReturnType<typeof trainingEvent>>;

export function insertTrainingEvent(
  db: Db,
  e: Omit<Selectable<Database["training_events"]>, "id" | "created_by"> & { created_by: number },
): number {
  return run(db, db.kysely.insertInto("training_events").values(e)).lastInsertRowid;
}

/** Events with how many enrolled and how many attended (counted by subqueries: an event with none counts 0). */
function eventsWithCounts(db: Db) {
  return db.kysely
    .selectFrom("training_events as e")
    .select((eb) => [
      "e.id",
      "e.title",
      "e.starts_on",
      "e.location",
      "e.capacity",
      "e.description",
      eb
        .selectFrom("training_enrolments as n")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("n.event_id", "=", "e.id")
        .as("enrolled"),
      eb
        .selectFrom("training_enrolments as n")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("n.event_id", "=", "e.id")
        .where("n.attended", "=", 1)
        .as("attended"),
    ])
    .$narrowType<{ enrolled: number; attended: number }>(); // count(*) of a subquery is never NULL
}

export function trainingEvents(db: Db): TrainingEventRow[] {
  return all(db, eventsWithCounts(db).orderBy("e.starts_on", "desc").orderBy("e.id", "desc"));
}

export function trainingEvent(db: Db, id: number) {
  return first(db, eventsWithCounts(db).where("e.id", "=", id));
}

export function enrolmentsOf(db: Db, eventId: number): EnrolmentRow[] {
  return all(
    db,
    db.kysely.selectFrom("training_enrolments").selectAll().where("event_id", "=", eventId).orderBy("enrolled_at"),
  );
}

export function enrolmentsOfUser(db: Db, userId: number): EnrolmentRow[] {
  return all(db, db.kysely.selectFrom("training_enrolments").selectAll().where("user_id", "=", userId));
}

export function insertEnrolment(db: Db, e: Omit<EnrolmentRow, "attended">): boolean {
  return (
    run(
      db,
      db.kysely
        .insertInto("training_enrolments")
        .values(e)
        .onConflict((oc) => oc.doNothing()),
    ).changes === 1
  );
}

export function setAttendance(db: Db, eventId: number, userId: number, attended: boolean): boolean {
  return (
    run(
      db,
      db.kysely
        .updateTable("training_enrolments")
        .set({ attended: attended ? 1 : 0 })
        .where("event_id", "=", eventId)
        .where("user_id", "=", userId),
    ).changes === 1
  );
}
