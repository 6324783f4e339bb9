import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { CaseAttachmentsTable, CaseEventsTable, CasesTable } from "../../db/schema.js";

export type CaseRow = Selectable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type CaseAttachmentRow = Selectable<CaseAttachmentsTable>;
export type NewCase = Omit<CaseRow, "id" | "version" | "overdue_flagged_at" | "escalated_at">;
export type NewEvent = Omit<CaseEventRow, "id" | "internal"> & { internal?: number };

export function insertCase(db: Db, c: NewCase): number {
  const info = db.sqlite
    .prepare(
      `INSERT INTO cases (ref, type, area, title, state, applicant_user_id, applicant_name, org_id, org_name,
        district_code, counterparty_user_id, counterparty_org_id, form_json, form_pii_enc, checks_json, patent_id,
        state_entered_at, created_at, updated_at)
       VALUES (@ref, @type, @area, @title, @state, @applicant_user_id, @applicant_name, @org_id, @org_name,
        @district_code, @counterparty_user_id, @counterparty_org_id, @form_json, @form_pii_enc, @checks_json,
        @patent_id, @state_entered_at, @created_at, @updated_at)`,
    )
    .run(c);
  return Number(info.lastInsertRowid);
}

export function setCaseRef(db: Db, id: number, ref: string): void {
  db.sqlite.prepare("UPDATE cases SET ref = ? WHERE id = ?").run(ref, id);
}

export function findCase(db: Db, id: number): CaseRow | undefined {
  return db.sqlite.prepare("SELECT * FROM cases WHERE id = ?").get(id) as CaseRow | undefined;
}

/** Moves a case to a state if nobody changed it meanwhile; false when the version moved on. */
export function moveCase(db: Db, id: number, version: number, state: string, at: number): boolean {
  const info = db.sqlite
    .prepare(
      `UPDATE cases SET state = ?, state_entered_at = ?, updated_at = ?, version = version + 1,
        overdue_flagged_at = NULL, escalated_at = NULL WHERE id = ? AND version = ?`,
    )
    .run(state, at, at, id, version);
  return info.changes === 1;
}

export function touchCase(db: Db, id: number, at: number): void {
  db.sqlite.prepare("UPDATE cases SET updated_at = ?, version = version + 1 WHERE id = ?").run(at, id);
}

export function flagDeadline(db: Db, id: number, column: "overdue_flagged_at" | "escalated_at", at: number): void {
  db.sqlite.prepare(`UPDATE cases SET ${column} = ? WHERE id = ?`).run(at, id);
}

export function insertEvent(db: Db, e: NewEvent): void {
  db.sqlite
    .prepare(
      `INSERT INTO case_events (case_id, at, kind, actor_id, actor_name, transition, from_state, to_state, body,
        internal, details_json)
       VALUES (@case_id, @at, @kind, @actor_id, @actor_name, @transition, @from_state, @to_state, @body, @internal,
        @details_json)`,
    )
    .run({ internal: 0, ...e });
}

export function caseEvents(db: Db, caseId: number, includeInternal: boolean): CaseEventRow[] {
  return db.sqlite
    .prepare(`SELECT * FROM case_events WHERE case_id = ? ${includeInternal ? "" : "AND internal = 0"} ORDER BY id`)
    .all(caseId) as CaseEventRow[];
}

export interface AssigneeRow {
  user_id: number;
  role: string;
  assigned_at: number;
  name: string;
}

export function caseAssignees(db: Db, caseId: number): AssigneeRow[] {
  return db.sqlite
    .prepare(
      `SELECT a.user_id, a.role, a.assigned_at, u.display_name AS name FROM case_assignees a
       JOIN users u ON u.id = a.user_id WHERE a.case_id = ? ORDER BY a.assigned_at`,
    )
    .all(caseId) as AssigneeRow[];
}

export function insertAssignee(db: Db, caseId: number, userId: number, role: string, at: number, by: number): boolean {
  const info = db.sqlite
    .prepare(
      `INSERT INTO case_assignees (case_id, user_id, role, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(case_id, user_id) DO NOTHING`,
    )
    .run(caseId, userId, role, at, by);
  return info.changes === 1;
}

export function caseAttachments(db: Db, caseId: number): CaseAttachmentRow[] {
  return db.sqlite
    .prepare("SELECT * FROM case_attachments WHERE case_id = ? ORDER BY id")
    .all(caseId) as CaseAttachmentRow[];
}

export function findAttachment(db: Db, caseId: number, id: number): CaseAttachmentRow | undefined {
  return db.sqlite.prepare("SELECT * FROM case_attachments WHERE case_id = ? AND id = ?").get(caseId, id) as
    | CaseAttachmentRow
    | undefined;
}

export function insertAttachment(db: Db, a: Omit<CaseAttachmentRow, "id">): number {
  const info = db.sqlite
    .prepare(
      `INSERT INTO case_attachments (case_id, kind, filename, mime, size, sha256, storage_name, uploaded_by,
        uploaded_by_name, uploaded_at)
       VALUES (@case_id, @kind, @filename, @mime, @size, @sha256, @storage_name, @uploaded_by, @uploaded_by_name,
        @uploaded_at)`,
    )
    .run(a);
  return Number(info.lastInsertRowid);
}

export function insertNotification(
  db: Db,
  n: { case_id: number; recipient_user_id: number | null; recipient_party: string; event: string; at: number },
): void {
  db.sqlite
    .prepare(
      `INSERT INTO case_notifications (case_id, recipient_user_id, recipient_party, event, at)
       VALUES (@case_id, @recipient_user_id, @recipient_party, @event, @at)`,
    )
    .run(n);
}

export interface NotificationRow {
  id: number;
  case_id: number;
  event: string;
  at: number;
  read_at: number | null;
  ref: string;
  title: string;
  /** The case's type, so the event (a transition key) can be named in words. */
  type: string;
}

/**
 * Which notifications a user sees: their own and, for an official, the office inbox's rows of cases in their
 * district scope (`district` null = city-wide: all of them; a case with no district only city-wide), the same scope
 * as the queue.
 */
function notificationScope(office: { district: string | null } | null): { sql: string; scope: string | null } {
  const scope = office?.district ?? null;
  const inbox = !office
    ? ""
    : scope === null
      ? "OR n.recipient_user_id IS NULL"
      : "OR (n.recipient_user_id IS NULL AND substr(c.district_code, 1, length(@scope)) = @scope)";
  return { sql: `(n.recipient_user_id = @userId ${inbox})`, scope };
}

export function notificationsFor(
  db: Db,
  userId: number,
  office: { district: string | null } | null,
  limit: number,
): NotificationRow[] {
  const { sql, scope } = notificationScope(office);
  return db.sqlite
    .prepare(
      `SELECT n.id, n.case_id, n.event, n.at, n.read_at, c.ref, c.title, c.type FROM case_notifications n
       JOIN cases c ON c.id = n.case_id
       WHERE ${sql}
       ORDER BY n.id DESC LIMIT @limit`,
    )
    .all({ userId, limit, ...(scope === null ? {} : { scope }) }) as NotificationRow[];
}

/** How many of the notifications a user sees are newer than `afterId` (their read mark). */
export function countNotificationsAfter(
  db: Db,
  userId: number,
  office: { district: string | null } | null,
  afterId: number,
): number {
  const { sql, scope } = notificationScope(office);
  const row = db.sqlite
    .prepare(
      `SELECT count(*) AS n FROM case_notifications n JOIN cases c ON c.id = n.case_id
       WHERE n.id > @afterId AND ${sql}`,
    )
    .get({ userId, afterId, ...(scope === null ? {} : { scope }) }) as { n: number };
  return row.n;
}

/** The newest notification id a user has read (0 = none). */
export function notificationReadMark(db: Db, userId: number): number {
  const row = db.sqlite.prepare("SELECT seen_up_to FROM notification_reads WHERE user_id = ?").get(userId) as
    | { seen_up_to: number }
    | undefined;
  return row?.seen_up_to ?? 0;
}

/** Moves a user's read mark forward (never back: marking an older one read leaves newer ones read). */
export function raiseNotificationReadMark(db: Db, userId: number, upTo: number, at: number): void {
  db.sqlite
    .prepare(
      `INSERT INTO notification_reads (user_id, seen_up_to, at) VALUES (?, ?, ?)
       ON CONFLICT(user_id) DO UPDATE SET seen_up_to = max(seen_up_to, excluded.seen_up_to), at = excluded.at`,
    )
    .run(userId, upTo, at);
}

export interface CaseFilter {
  types?: string[];
  area?: string;
  state?: string;
  states?: string[];
  district?: string | null;
  q?: string;
  /** Also search the form's values (the marketplace searches asset titles and descriptions). */
  qInForm?: boolean;
  applicantUserId?: number;
  orgIds?: number[];
  assigneeUserId?: number;
}

/** Every case matching the filter, newest first (queues filter by deadline in memory, then page). */
export function findCases(db: Db, f: CaseFilter): CaseRow[] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(",");
  if (f.types) add(f.types.length ? `type IN (${placeholders(f.types)})` : "0", ...f.types);
  if (f.area) add("area = ?", f.area);
  if (f.state) add("state = ?", f.state);
  if (f.states) add(f.states.length ? `state IN (${placeholders(f.states)})` : "0", ...f.states);
  if (f.district) add("district_code LIKE ?", `${f.district}%`);
  if (f.q) {
    const cols = ["title", "ref", "applicant_name", "org_name", ...(f.qInForm ? ["form_json"] : [])];
    const like = `%${f.q.replace(/[\\%_]/g, "\\$&")}%`;
    add(`(${cols.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(" OR ")})`, ...cols.map(() => like));
  }
  if (f.applicantUserId !== undefined || f.orgIds) {
    // a party's own cases: filed as a person, or for one of the organisations it is a member of now (an org's
    // case belongs to the org, not to whoever filed it), on the applicant's side and on the counterparty's
    const mine = [
      "(org_id IS NULL AND applicant_user_id = ?)",
      "(counterparty_org_id IS NULL AND counterparty_user_id = ?)",
    ];
    const values: unknown[] = [f.applicantUserId ?? -1, f.applicantUserId ?? -1];
    if (f.orgIds?.length) {
      mine.push(`org_id IN (${placeholders(f.orgIds)})`, `counterparty_org_id IN (${placeholders(f.orgIds)})`);
      values.push(...f.orgIds, ...f.orgIds);
    }
    add(`(${mine.join(" OR ")})`, ...values);
  }
  if (f.assigneeUserId !== undefined)
    add("id IN (SELECT case_id FROM case_assignees WHERE user_id = ?)", f.assigneeUserId);
  const where = clauses.length ? `WHERE ${clauses.join(" AND ")}` : "";
  return db.sqlite.prepare(`SELECT * FROM cases ${where} ORDER BY id DESC`).all(...params) as CaseRow[];
}
