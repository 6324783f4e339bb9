import { AppError } from "@zhichan/core";
import { inDistrictScope } from "@zhichan/core/accounts/index.ts";
import { cstDate, cstDayStart } from "@zhichan/core/cases/index.ts";
import type { Appointment, CreateSlotsRequest, CreateWindowRequest, ServiceWindow } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import type { MailService } from "../mail/mail.service.js";
import {
  type AppointmentRow,
  activeWindows,
  appointmentById,
  appointmentsInSlots,
  appointmentsOf,
  cancelAppointment,
  insertAppointment,
  insertSlot,
  insertWindow,
  liveBooking,
  markReminded,
  type SlotRow,
  slotById,
  slotsOf,
  unremindedOn,
  type WindowRow,
  windowById,
} from "./appointments.repository.js";
import { ratingOf } from "./ratings.repository.js";

const DAY = 86_400_000;

/** A slot's start as an instant: its date and time are China Standard Time. */
export function slotStartMs(s: { date: string; start_time: string }): number {
  const [h, m] = s.start_time.split(":").map(Number);
  return cstDayStart(s.date) + (h! * 60 + m!) * 60_000;
}

interface Deps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  mail: MailService;
  /** Display names of people, for the officials' list of a day's bookings. */
  displayName(userId: number): string | null;
}

/**
 * 预约: officials open service windows and workstations with time slots of a given capacity; signed-in people book
 * and cancel; the day before, a reminder goes out through the mail outbox (once per booking).
 */
export class AppointmentsService {
  constructor(private readonly d: Deps) {}

  windows(): z.infer<typeof ServiceWindow>[] {
    return activeWindows(this.d.db).map(windowView);
  }

  createWindow(actor: Actor, req: z.output<typeof CreateWindowRequest>, ip: string | null) {
    if (!inDistrictScope(actor.district, req.district ?? null))
      throw new AppError("FORBIDDEN", "只能在本辖区设立窗口 · only in your own district");
    const id = insertWindow(this.d.db, {
      name: req.name,
      name_en: req.nameEn ?? null,
      kind: req.kind,
      district_code: req.district ?? null,
      address: req.address ?? null,
      created_at: this.d.clock.now(),
    });
    const action = "appointment.window_created";
    this.audit(actor, action, `service_window:${id}`, ip);
    return windowView(windowById(this.d.db, id)!);
  }

  createSlots(actor: Actor, windowId: number, req: z.output<typeof CreateSlotsRequest>, ip: string | null) {
    const w = this.inScope(actor, windowId);
    for (const s of req.slots)
      if (s.end <= s.start)
        throw new AppError("BAD_REQUEST", "结束时间须晚于开始时间 · a slot must end after it starts");
    try {
      this.d.db.sqlite.transaction(() => {
        for (const s of req.slots)
          insertSlot(this.d.db, {
            window_id: w.id,
            date: req.date,
            start_time: s.start,
            end_time: s.end,
            capacity: s.capacity,
            created_at: this.d.clock.now(),
          });
      })();
    } catch (err) {
      if (String(err).includes("UNIQUE"))
        throw new AppError("CONFLICT", "该日已有相同开始时间的时段 · a slot starting then already exists that day");
      throw err;
    }
    const action = "appointment.slots_created";
    this.audit(actor, action, `service_window:${w.id}`, ip, { date: req.date });
    return this.slots(w.id, req.date, 1);
  }

  slots(windowId: number, from: string | undefined, days: number) {
    if (!windowById(this.d.db, windowId)) throw new AppError("NOT_FOUND", "没有这个窗口 · no such window");
    const start = from ?? cstDate(this.d.clock.now());
    const end = cstDate(cstDayStart(start) + (days - 1) * DAY);
    return slotsOf(this.d.db, windowId, start, end).map(slotView);
  }

  /** Books a place; a full slot, a slot already begun or a second booking of the same slot is 409 in words. */
  book(actor: Actor, slotId: number, purpose: string): z.infer<typeof Appointment> {
    const now = this.d.clock.now();
    const id = this.d.db.sqlite.transaction(() => {
      // better-sqlite3 runs this synchronously: no other booking can come between the count and the insert
      const slot = slotById(this.d.db, slotId);
      if (!slot) throw new AppError("NOT_FOUND", "没有这个时段 · no such slot");
      if (slotStartMs(slot) <= now)
        throw new AppError("CONFLICT", "该时段已开始，不能预约 · this slot has already begun");
      if (liveBooking(this.d.db, slotId, actor.userId))
        throw new AppError("CONFLICT", "您已预约该时段 · you have already booked this slot");
      if (slot.booked >= slot.capacity)
        throw new AppError("CONFLICT", "该时段已约满，请选择其他时段 · this slot is fully booked: choose another", {
          capacity: slot.capacity,
        });
      return insertAppointment(this.d.db, { slot_id: slotId, user_id: actor.userId, purpose, created_at: now });
    })();
    const view = this.view(appointmentById(this.d.db, id)!, false);
    this.d.mail.enqueueForUser(actor.userId, {
      kind: "appointment",
      subject: { zh: `预约成功：${view.window.name}`, en: `Booked: ${view.window.nameEn ?? view.window.name}` },
      text: {
        zh: `您已预约 ${view.date} ${view.start}–${view.end} 在“${view.window.name}”办理：${purpose}。`,
        en: `You have booked ${view.date} ${view.start}–${view.end} at "${view.window.nameEn ?? view.window.name}": ${purpose}.`,
      },
      link: "/appointments",
    });
    return view;
  }

  cancel(actor: Actor, id: number): z.infer<typeof Appointment> {
    const a = appointmentById(this.d.db, id);
    if (!a || a.user_id !== actor.userId) throw new AppError("NOT_FOUND", "没有这个预约 · no such appointment");
    const slot = slotById(this.d.db, a.slot_id)!;
    if (slotStartMs(slot) <= this.d.clock.now())
      throw new AppError("CONFLICT", "时段已开始，不能取消 · the slot has begun: it can no longer be cancelled");
    if (!cancelAppointment(this.d.db, id, this.d.clock.now()))
      throw new AppError("CONFLICT", "该预约已取消 · this appointment is already cancelled");
    return this.view(appointmentById(this.d.db, id)!, false);
  }

  mine(actor: Actor) {
    return appointmentsOf(this.d.db, actor.userId).map((a) => this.view(a, false));
  }

  /** A window's bookings on a day, for officials in its district. */
  bookings(actor: Actor, windowId: number, date: string) {
    const w = this.inScope(actor, windowId);
    return appointmentsInSlots(this.d.db, w.id, date).map((a) => this.view(a, true));
  }

  /** The appointment a person rates: theirs, booked, and its slot begun. */
  forRating(actor: Actor | null, id: number): { row: AppointmentRow; window: WindowRow } {
    const a = appointmentById(this.d.db, id);
    if (!a || !actor || a.user_id !== actor.userId)
      throw new AppError("NOT_FOUND", "没有这个预约 · no such appointment");
    const slot = slotById(this.d.db, a.slot_id)!;
    if (a.status !== "booked" || slotStartMs(slot) > this.d.clock.now())
      throw new AppError("CONFLICT", "预约办理后才能评价 · you can rate an appointment once it has taken place");
    return { row: a, window: windowById(this.d.db, slot.window_id)! };
  }

  /** Reminds everyone booked for tomorrow (CST), once each; main.ts runs it every 10 minutes. */
  sweepReminders(): number {
    const now = this.d.clock.now();
    const tomorrow = cstDate(now + DAY);
    let sent = 0;
    for (const a of unremindedOn(this.d.db, tomorrow)) {
      const v = this.view(a, false);
      this.d.mail.enqueueForUser(a.user_id, {
        kind: "appointment",
        subject: { zh: `明日预约提醒：${v.window.name}`, en: `Tomorrow: ${v.window.nameEn ?? v.window.name}` },
        text: {
          zh: `提醒：您预约了明天 ${v.date} ${v.start}–${v.end} 在“${v.window.name}”${v.window.address ? `（${v.window.address}）` : ""}办理：${v.purpose}。如不能前往，请在平台上取消。`,
          en: `A reminder: you are booked for tomorrow, ${v.date} ${v.start}–${v.end}, at "${v.window.nameEn ?? v.window.name}"${v.window.address ? ` (${v.window.address})` : ""}: ${v.purpose}. If you cannot come, please cancel on the platform.`,
        },
        link: "/appointments",
        dedupeKey: `appointment-reminder:${a.id}`,
      });
      markReminded(this.d.db, a.id, now);
      sent++;
    }
    return sent;
  }

  private inScope(actor: Actor, windowId: number): WindowRow {
    const w = windowById(this.d.db, windowId);
    if (!w || !inDistrictScope(actor.district, w.district_code))
      throw new AppError("NOT_FOUND", "没有这个窗口 · no such window");
    return w;
  }

  private view(a: AppointmentRow, withPerson: boolean): z.infer<typeof Appointment> {
    const slot = slotById(this.d.db, a.slot_id)!;
    return {
      id: a.id,
      status: a.status as "booked",
      purpose: a.purpose,
      window: windowView(windowById(this.d.db, slot.window_id)!),
      date: slot.date,
      start: slot.start_time,
      end: slot.end_time,
      person: withPerson ? this.d.displayName(a.user_id) : null,
      rating: ratingOf(this.d.db, "appointment", a.id),
      past: slotStartMs(slot) <= this.d.clock.now(),
    };
  }

  private audit(actor: Actor, action: string, target: string, ip: string | null, details?: Record<string, unknown>) {
    this.d.audit.record({
      action,
      outcome: "success",
      actorId: actor.userId,
      actorName: actor.username,
      target,
      ip,
      details,
    });
  }
}

function windowView(w: WindowRow): z.infer<typeof ServiceWindow> {
  return {
    id: w.id,
    name: w.name,
    nameEn: w.name_en,
    kind: w.kind as "window",
    district: w.district_code,
    address: w.address,
  };
}

function slotView(s: SlotRow) {
  return {
    id: s.id,
    windowId: s.window_id,
    date: s.date,
    start: s.start_time,
    end: s.end_time,
    capacity: s.capacity,
    booked: s.booked,
  };
}
