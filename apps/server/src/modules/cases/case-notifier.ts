import { type CaseTypeDef, type Label, recipientsOf } from "@zhichan/core/cases/index.ts";
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
 * E-mails a named recipient about their case (the mail module's outbox, in the person's language and only if they
 * left case mail on). The office's shared inbox is not e-mailed: it has no one person to write to.
 */
export type CaseMailer = (userId: number, m: { ref: string; title: string; caseId: number; what: Label }) => void;

const WHAT: Record<string, Label> = {
  created: { zh: "有一件与您相关的新案件", en: "a new case concerns you" },
  assigned: { zh: "已指派给您", en: "assigned to you" },
  overdue: { zh: "已超过办理期限", en: "overdue" },
  escalated: { zh: "已逾期升级督办", en: "escalated as overdue" },
};

/**
 * In-app notifications, written after the change they announce has committed (a failed notification never undoes
 * a decision). The applicant and assignees get their own rows; "official" goes to the office's shared inbox.
 */
export class CaseNotifier {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly mailer: CaseMailer | null = null,
  ) {}

  created(row: CaseRow): void {
    if (row.counterparty_user_id !== null) this.send(row, "counterparty", row.counterparty_user_id, "created");
    else this.send(row, "official", null, "created");
  }

  transitioned(def: CaseTypeDef, row: CaseRow, event: string): void {
    for (const party of recipientsOf(def, event)) this.toParty(row, party, event, labelOf(def, event));
  }

  assigned(row: CaseRow, userId: number): void {
    this.send(row, "assignee", userId, "assigned");
  }

  deadline(def: CaseTypeDef, row: CaseRow, event: "overdue" | "escalated"): void {
    for (const party of recipientsOf(def, event)) this.toParty(row, party, event, WHAT[event]);
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

  private toParty(row: CaseRow, party: string, event: string, what?: Label): void {
    if (party === "applicant") this.send(row, party, row.applicant_user_id, event, what);
    else if (party === "assignee")
      for (const a of caseAssignees(this.db, row.id)) this.send(row, party, a.user_id, event, what);
    else if (party === "official") this.send(row, party, null, event);
    else if (party === "counterparty" && row.counterparty_user_id !== null)
      this.send(row, party, row.counterparty_user_id, event, what);
  }

  private send(row: CaseRow, party: string, userId: number | null, event: string, what?: Label): void {
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
    if (userId === null || !this.mailer) return;
    try {
      this.mailer(userId, {
        ref: row.ref,
        title: row.title,
        caseId: row.id,
        what: what ?? WHAT[event] ?? WHAT.created!,
      });
    } catch {
      // as above: the in-app notification stands even if the outbox could not take the e-mail
    }
  }
}

/** A transition's own words (已受理, accepted …), else the engine's words for deadlines. */
function labelOf(def: CaseTypeDef, event: string): Label | undefined {
  return def.transitions.find((t) => t.key === event)?.label ?? WHAT[event];
}
