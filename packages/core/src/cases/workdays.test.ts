import { describe, expect, it } from "vitest";
import { deadlineOf } from "./deadlines.js";
import { CN_HOLIDAY_TABLES, CN_HOLIDAYS_2025 } from "./holidays.js";
import { protectionRegistration } from "./types/index.js";
import { cstDate, WorkCalendar } from "./workdays.js";

const at = (iso: string) => Date.parse(iso);
const weekendsOnly = new WorkCalendar();
const cn = new WorkCalendar(CN_HOLIDAY_TABLES);

describe("working days", () => {
  it("counts Monday to Friday when no holiday table is given", () => {
    // Friday 2025-03-07 10:00 CST + 1 working day = Monday 2025-03-10
    expect(weekendsOnly.addWorkingDays(at("2025-03-07T10:00:00+08:00"), 1)).toBe("2025-03-10");
    expect(weekendsOnly.addWorkingDays(at("2025-03-07T10:00:00+08:00"), 5)).toBe("2025-03-14");
    expect(weekendsOnly.addWorkingDays(at("2025-03-08T10:00:00+08:00"), 0)).toBe("2025-03-08");
  });

  it("uses CST days: 23:30 UTC is already the next day in China", () => {
    expect(cstDate(at("2025-03-06T23:30:00Z"))).toBe("2025-03-07");
  });

  it("skips public holidays and works the make-up days (调休)", () => {
    expect(cn.isWorkingDay("2025-01-28")).toBe(false); // 春节
    expect(cn.isWorkingDay("2025-01-26")).toBe(true); // Sunday, make-up day
    expect(cn.isWorkingDay("2025-02-08")).toBe(true); // Saturday, make-up day
    // Friday 2025-01-24 + 2 working days: Sun 26th (make-up), Mon 27th
    expect(cn.addWorkingDays(at("2025-01-24T09:00:00+08:00"), 2)).toBe("2025-01-27");
    // Mon 27th + 1: the holiday runs 28 Jan – 4 Feb, so Wed 5 Feb
    expect(cn.addWorkingDays(at("2025-01-27T09:00:00+08:00"), 1)).toBe("2025-02-05");
    // National Day 2025: 1–8 Oct off, Sat 11 Oct worked
    expect(cn.addWorkingDays(at("2025-09-30T09:00:00+08:00"), 1)).toBe("2025-10-09");
    expect(CN_HOLIDAYS_2025.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
  });

  it("counts working days between two instants", () => {
    expect(weekendsOnly.workingDaysBetween(at("2025-03-07T10:00:00+08:00"), at("2025-03-14T10:00:00+08:00"))).toBe(5);
    expect(weekendsOnly.workingDaysBetween(at("2025-03-14T10:00:00+08:00"), at("2025-03-07T10:00:00+08:00"))).toBe(0);
  });
});

describe("deadlines with a fake clock", () => {
  const entered = at("2025-03-03T10:00:00+08:00"); // Monday; `submitted` allows 5 working days → end of Mon 10 Mar

  it("runs on time, due soon, overdue, then escalated two working days later", () => {
    const d = (now: string) => deadlineOf(protectionRegistration, "submitted", entered, at(now), weekendsOnly);
    expect(d("2025-03-04T09:00:00+08:00")).toMatchObject({ status: "on_time", workingDaysLeft: 4 });
    expect(d("2025-03-10T09:00:00+08:00")).toMatchObject({ status: "due_soon", workingDaysLeft: 0 });
    expect(d("2025-03-10T23:59:59+08:00").status).toBe("due_soon");
    expect(d("2025-03-11T00:00:00+08:00")).toMatchObject({ status: "overdue", workingDaysLeft: -1 });
    expect(d("2025-03-12T18:00:00+08:00").status).toBe("overdue");
    expect(d("2025-03-13T00:00:00+08:00").status).toBe("escalated");
    expect(d("2025-03-11T00:00:00+08:00").dueAt).toBe(at("2025-03-11T00:00:00+08:00"));
  });

  it("runs no clock in terminal states", () => {
    expect(deadlineOf(protectionRegistration, "registered", entered, at("2030-01-01T00:00:00Z"), cn).status).toBe(
      "none",
    );
  });
});
