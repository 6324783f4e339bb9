import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { ServiceDeskTables } from "../../db/schema-service-desk.js";

export type WindowRow = Selectable<ServiceDeskTables["service_windows"]>;
export type SlotRow = Selectable<ServiceDeskTables["appointment_slots"]> & { booked: number };
export type AppointmentRow = Selectable<ServiceDeskTables["appointments"]>;

export const activeWindows = (db: Db) =>
  db.sqlite.prepare("SELECT * FROM service_windows WHERE active = 1 ORDER BY district_code, id").all() as WindowRow[];

export const windowById = (db: Db, id: number) =>
  db.sqlite.prepare("SELECT * FROM service_windows WHERE id = ?").get(id) as WindowRow | undefined;

export function insertWindow(db: Db, w: Omit<WindowRow, "id" | "active">): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO service_windows (name, name_en, kind, district_code, address, created_at)
         VALUES (@name, @name_en, @kind, @district_code, @address, @created_at)`,
      )
      .run(w).lastInsertRowid,
  );
}

export function insertSlot(
  db: Db,
  s: { window_id: number; date: string; start_time: string; end_time: string; capacity: number; created_at: number },
): void {
  db.sqlite
    .prepare(
      `INSERT INTO appointment_slots (window_id, date, start_time, end_time, capacity, created_at)
       VALUES (@window_id, @date, @start_time, @end_time, @capacity, @created_at)`,
    )
    .run(s);
}

const SLOT_WITH_COUNT = `SELECT s.*, (SELECT count(*) FROM appointments a WHERE a.slot_id = s.id AND a.status = 'booked')
  AS booked FROM appointment_slots s`;

export const slotsOf = (db: Db, windowId: number, from: string, to: string) =>
  db.sqlite
    .prepare(`${SLOT_WITH_COUNT} WHERE s.window_id = ? AND s.date >= ? AND s.date <= ? ORDER BY s.date, s.start_time`)
    .all(windowId, from, to) as SlotRow[];

export const slotById = (db: Db, id: number) =>
  db.sqlite.prepare(`${SLOT_WITH_COUNT} WHERE s.id = ?`).get(id) as SlotRow | undefined;

export const liveBooking = (db: Db, slotId: number, userId: number) =>
  db.sqlite
    .prepare("SELECT id FROM appointments WHERE slot_id = ? AND user_id = ? AND status = 'booked'")
    .get(slotId, userId) as { id: number } | undefined;

export function insertAppointment(
  db: Db,
  a: { slot_id: number; user_id: number; purpose: string; created_at: number },
): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO appointments (slot_id, user_id, purpose, status, created_at)
         VALUES (@slot_id, @user_id, @purpose, 'booked', @created_at)`,
      )
      .run(a).lastInsertRowid,
  );
}

export const appointmentById = (db: Db, id: number) =>
  db.sqlite.prepare("SELECT * FROM appointments WHERE id = ?").get(id) as AppointmentRow | undefined;

export const appointmentsOf = (db: Db, userId: number) =>
  db.sqlite
    .prepare("SELECT * FROM appointments WHERE user_id = ? ORDER BY id DESC LIMIT 200")
    .all(userId) as AppointmentRow[];

export const appointmentsInSlots = (db: Db, windowId: number, date: string) =>
  db.sqlite
    .prepare(
      `SELECT a.* FROM appointments a JOIN appointment_slots s ON s.id = a.slot_id
       WHERE s.window_id = ? AND s.date = ? ORDER BY s.start_time, a.id`,
    )
    .all(windowId, date) as AppointmentRow[];

export const cancelAppointment = (db: Db, id: number, at: number) =>
  db.sqlite
    .prepare("UPDATE appointments SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status = 'booked'")
    .run(at, id).changes === 1;

/** Live bookings on `date` not yet reminded (the reminder sweep). */
export const unremindedOn = (db: Db, date: string) =>
  db.sqlite
    .prepare(
      `SELECT a.* FROM appointments a JOIN appointment_slots s ON s.id = a.slot_id
       WHERE a.status = 'booked' AND a.reminded_at IS NULL AND s.date = ?`,
    )
    .all(date) as AppointmentRow[];

export const markReminded = (db: Db, id: number, at: number) =>
  db.sqlite.prepare("UPDATE appointments SET reminded_at = ? WHERE id = ?").run(at, id);
