import { type CaseTypeDef, recipientsOf } from "@zhichan/core/cases/index.ts";
import type { Db } from "../../db/connection.js";
import type { Clock } from "../accounts/clock.js";
import {
  type CaseRow,
  caseAssignees,
  countNotificationsAfter,
  insertNotification,
  type NotificationRow,
  notificationReadMark,
  notificationsFor,
  raiseNotificationReadMark,
} from "./cases.repository.js";

type Office = { district: string | null } | null;

/**
 * In-app notifications, written after the change they announce has committed (a failed notification never undoes
 * a decision). The applicant and assignees get their own rows; "official" goes to the office's shared inbox.
 */
export class CaseNotifier {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  created(row: CaseRow): void {
    if (row.counterparty_user_id !== null) this.send(row, "counterparty", row.counterparty_user_id, "created");
    else this.send(row, "official", null, "created");
  }

  transitioned(def: CaseTypeDef, row: CaseRow, event: string): void {
    for (const party of recipientsOf(def, event)) this.toParty(row, party, event);
  }

  assigned(row: CaseRow, userId: number): void {
    this.send(row, "assignee", userId, "assigned");
  }

  deadline(def: CaseTypeDef, row: CaseRow, event: "overdue" | "escalated"): void {
    for (const party of recipientsOf(def, event)) this.toParty(row, party, event);
  }

  /**
   * A user's notifications; `office` (an official's district scope) adds the office inbox's rows of cases in that
   * scope only, so a district's officials never see other districts' case titles (issue #13).
   */
  list(userId: number, office: Office, limit = 50): NotificationRow[] {
    return notificationsFor(this.db, userId, office, limit);
  }

  /** The recent notifications with each one's read state, and how many are unread in all (the header's bell). */
  inbox(
    userId: number,
    office: Office,
    limit = 50,
  ): { rows: (NotificationRow & { unread: boolean })[]; unread: number } {
    const mark = notificationReadMark(this.db, userId);
    const rows = this.list(userId, office, limit).map((r) => ({ ...r, unread: r.id > mark }));
    return { rows, unread: countNotificationsAfter(this.db, userId, office, mark) };
  }

  /**
   * Marks read everything up to `upTo`, but never past the newest notification the user can see: a mark ahead of
   * it would silently swallow notifications that have not arrived yet.
   */
  markRead(userId: number, office: Office, upTo: number): void {
    const newest = this.list(userId, office, 1)[0]?.id ?? 0;
    const mark = Math.min(upTo, newest);
    if (mark > 0) raiseNotificationReadMark(this.db, userId, mark, this.clock.now());
  }

  private toParty(row: CaseRow, party: string, event: string): void {
    if (party === "applicant") this.send(row, party, row.applicant_user_id, event);
    else if (party === "assignee")
      for (const a of caseAssignees(this.db, row.id)) this.send(row, party, a.user_id, event);
    else if (party === "official") this.send(row, party, null, event);
    else if (party === "counterparty" && row.counterparty_user_id !== null)
      this.send(row, party, row.counterparty_user_id, event);
  }

  private send(row: CaseRow, party: string, userId: number | null, event: string): void {
    try {
      insertNotification(this.db, {
        case_id: row.id,
        recipient_user_id: userId,
        recipient_party: party,
        event,
        at: this.clock.now(),
      });
    } catch {
      // a side effect after commit: losing one notification must not fail the request that decided the case
    }
  }
}
