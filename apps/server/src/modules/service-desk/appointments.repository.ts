import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { ServiceDeskTables } from "../../db/schema-service-desk.js";
import { all, first, run } from "../../db/sync-query.js";

export type WindowRow = Selectable<ServiceDeskTables["service_windows"]>;
export type SlotRow = Selectable<ServiceDeskTables["appointment_slots"]> & { booked: number };
export type AppointmentRow = Selectable<ServiceDeskTables["appointments"]>;

export const activeWindows = (db: Db): WindowRow[] =>
  all(
    db,
    db.kysely.selectFrom("service_windows").selectAll().where("active", "=", 1).orderBy("district_code").orderBy("id"),
  );

export const windowById = (db: Db, id: number): WindowRow | undefined =>
  first(db, db.kysely.selectFrom("service_windows").selectAll().where("id", "=", id));

export function insertWindow(db: Db, w: Omit<WindowRow, "id" | "active">): number {
  return run(
    db,
    db.kysely.insertInto("service_windows").values({
      name: w.name,
      name_en: w.name_en,
      kind: w.kind,
      district_code: w.district_code,
      address: w.address,
      created_at: w.created_at,
    }),
  ).lastInsertRowid;
}

export function insertSlot(
  db: Db,
  s: { window_id: number; date: string; start_time: string; end_time: string; capacity: number; created_at: number },
): void {
  run(db, db.kysely.insertInto("appointment_slots").values(s));
}

/** Slots (alias s) with how many live bookings each holds. */
function slotsWithCount(db: Db) {
  return db.kysely
    .selectFrom("appointment_slots as s")
    .selectAll("s")
    .select((eb) =>
      eb
        .selectFrom("appointments as a")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("a.slot_id", "=", "s.id")
        .where("a.status", "=", "booked")
        .as("booked"),
    )
    .$narrowType<{ booked: number }>(); // count(*) is never NULL
}

export const slotsOf = (db: Db, windowId: number, from: string, to: string): SlotRow[] =>
  all(
    db,
    slotsWithCount(db)
      .where("s.window_id", "=", windowId)
      .where("s.date", ">=", from)
      .where("s.date", "<=", to)
      .orderBy("s.date")
      .orderBy("s.start_time"),
  );

export const slotById = (db: Db, id: number): SlotRow | undefined =>
  first(db, slotsWithCount(db).where("s.id", "=", id));

export const liveBooking = (db: Db, slotId: number, userId: number) =>
  first(
    db,
    db.kysely
      .selectFrom("appointments")
      .select("id")
      .where("slot_id", "=", slotId)
      .where("user_id", "=", userId)
      .where("status", "=", "booked"),
  );

export function insertAppointment(
  db: Db,
  a: { slot_id: number; user_id: number; purpose: string; created_at: number },
): number {
  return run(
    db,
    db.kysely.insertInto("appointments").values({
      slot_id: a.slot_id,
      user_id: a.user_id,
      purpose: a.purpose,
      status: "booked",
      created_at: a.created_at,
    }),
  ).lastInsertRowid;
}

export const appointmentById = (db: Db, id: number): AppointmentRow | undefined =>
  first(db, db.kysely.selectFrom("appointments").selectAll().where("id", "=", id));

export const appointmentsOf = (db: Db, userId: number): AppointmentRow[] =>
  all(
    db,
    db.kysely.selectFrom("appointments").selectAll().where("user_id", "=", userId).orderBy("id", "desc").limit(200),
  );

/** Appointments (alias a) with their slot (alias s). */
const withSlot = (db: Db) =>
  db.kysely.selectFrom("appointments as a").innerJoin("appointment_slots as s", "s.id", "a.slot_id").selectAll("a");

export const appointmentsInSlots = (db: Db, windowId: number, date: string): AppointmentRow[] =>
  all(
    db,
    withSlot(db).where("s.window_id", "=", windowId).where("s.date", "=", date).orderBy("s.start_time").orderBy("a.id"),
  );

export const cancelAppointment = (db: Db, id: number, at: number) =>
  run(
    db,
    db.kysely
      .updateTable("appointments")
      .set({ status: "cancelled", cancelled_at: at })
      .where("id", "=", id)
      .where("status", "=", "booked"),
  ).changes === 1;

/** Live bookings on `date` not yet reminded (the reminder sweep). */
export const unremindedOn = (db: Db, date: string): AppointmentRow[] =>
  all(db, withSlot(db).where("a.status", "=", "booked").where("a.reminded_at", "is", null).where("s.date", "=", date));

export const markReminded = (db: Db, id: number, at: number) =>
  run(db, db.kysely.updateTable("appointments").set({ reminded_at: at }).where("id", "=", id));
