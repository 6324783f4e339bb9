import { type CaseTypeDef, DEFAULT_ESCALATE_AFTER } from "./definition.js";
import { stateOf } from "./machine.js";
import type { WorkCalendar } from "./workdays.js";

export type DeadlineStatus = "none" | "on_time" | "due_soon" | "overdue" | "escalated";

export interface DeadlineInfo {
  status: DeadlineStatus;
  /** End of the last working day allowed in the state (epoch ms), or null when no clock runs. */
  dueAt: number | null;
  /** When an overdue case is escalated (epoch ms), or null. */
  escalateAt: number | null;
  /** Working days left before the deadline (negative once overdue), or null. */
  workingDaysLeft: number | null;
}

/**
 * The clock of a case in a state: due `deadlineWorkingDays` working days after it entered the state; "due_soon" on
 * the last working day; "overdue" after the deadline; "escalated" `escalateAfterWorkingDays` working days later.
 */
export function deadlineOf(
  def: CaseTypeDef,
  state: string,
  enteredAt: number,
  now: number,
  calendar: WorkCalendar,
): DeadlineInfo {
  const s = stateOf(def, state);
  if (!s || s.terminal || s.deadlineWorkingDays === undefined)
    return { status: "none", dueAt: null, escalateAt: null, workingDaysLeft: null };
  const dueAt = calendar.deadline(enteredAt, s.deadlineWorkingDays);
  const escalateAt = calendar.deadline(
    enteredAt,
    s.deadlineWorkingDays + (s.escalateAfterWorkingDays ?? DEFAULT_ESCALATE_AFTER),
  );
  // Working days after today up to the due day; after the deadline, minus the working days since it.
  const left = now < dueAt ? calendar.workingDaysBetween(now, dueAt - 1) : -calendar.workingDaysBetween(dueAt - 1, now);
  const status: DeadlineStatus =
    now >= escalateAt ? "escalated" : now >= dueAt ? "overdue" : left <= 1 ? "due_soon" : "on_time";
  return { status, dueAt, escalateAt, workingDaysLeft: left };
}
