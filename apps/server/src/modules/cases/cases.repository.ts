import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { CaseAttachmentsTable, CaseEventsTable, CasesTable, Database } from "../../db/schema.js";
import { all, first, one, run } from "../../db/sync-query.js";

export type CaseRow = Selectable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type CaseAttachmentRow = Selectable<CaseAttachmentsTable>;
export type NewCase = Omit<CaseRow, "id" | "ref" | "version" | "overdue_flagged_at" | "escalated_at">;
export type NewEvent = Omit<CaseEventRow, "id" | "internal"> & { internal?: number };

/**
 * Inserts a case with its reference: ZC, the filing year, the case's number in six digits (ZC2026000042). The number
 * is the table's next AUTOINCREMENT id, taken inside this one INSERT together with the row, so cases filed at the same
 * moment (by other connections or processes too) can never share a reference, and no row is ever without one.
 */
export function insertCase(db: Db, c: NewCase, year: number): { id: number; ref: string } {
  // sqlite_sequence is SQLite's own table (not in schema.ts); both uses read it within the one statement
  const next = sql<number>`(max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'cases'), 0),
    coalesce((SELECT max(id) FROM cases), 0)) + 1)`;
  return one(
    db,
    db.kysely
      .insertInto("cases")
      .values({
        id: next,
        // the year as text: a JS number would bind as REAL (2026.0)
        ref: sql<string>`'ZC' || ${String(year)} || printf('%06d', ${next})`,
        type: c.type,
        area: c.area,
        title: c.title,
        state: c.state,
        applicant_user_id: c.applicant_user_id,
        applicant_name: c.applicant_name,
        org_id: c.org_id,
        org_name: c.org_name,
        district_code: c.district_code,
        counterparty_user_id: c.counterparty_user_id,
        counterparty_org_id: c.counterparty_org_id,
        form_json: c.form_json,
        form_pii_enc: c.form_pii_enc,
        checks_json: c.checks_json,
        patent_id: c.patent_id,
        state_entered_at: c.state_entered_at,
        created_at: c.created_at,
        updated_at: c.updated_at,
      })
      .returning(["id", "ref"]),
  );
}

export function findCase(db: Db, id: number): CaseRow | undefined {
  return first(db, db.kysely.selectFrom("cases").selectAll().where("id", "=", id));
}

/** Moves a case to a state if nobody changed it meanwhile; false when the version moved on. */
export function moveCase(db: Db, id: number, version: number, state: string, at: number): boolean {
  const info = run(
    db,
    db.kysely
      .updateTable("cases")
      .set((eb) => ({
        state,
        state_entered_at: at,
        updated_at: at,
        version: eb("version", "+", 1),
        overdue_flagged_at: null,
        escalated_at: null,
      }))
      .where("id", "=", id)
      .where("version", "=", version),
  );
  return info.changes === 1;
}

export function touchCase(db: Db, id: number, at: number): void {
  run(
    db,
    db.kysely
      .updateTable("cases")
      .set((eb) => ({ updated_at: at, version: eb("version", "+", 1) }))
      .where("id", "=", id),
  );
}

export function flagDeadline(db: Db, id: number, column: "overdue_flagged_at" | "escalated_at", at: number): void {
  run(
    db,
    db.kysely
      .updateTable("cases")
      .set({ [column]: at })
      .where("id", "=", id),
  );
}

export function insertEvent(db: Db, e: NewEvent): void {
  run(
    db,
    db.kysely.insertInto("case_events").values({
      case_id: e.case_id,
      at: e.at,
      kind: e.kind,
      actor_id: e.actor_id,
      actor_name: e.actor_name,
      transition: e.transition,
      from_state: e.from_state,
      to_state: e.to_state,
      body: e.body,
      internal: e.internal ?? 0,
      details_json: e.details_json,
    }),
  );
}

export function caseEvents(db: Db, caseId: number, includeInternal: boolean): CaseEventRow[] {
  return all(
    db,
    db.kysely
      .selectFrom("case_events")
      .selectAll()
      .where("case_id", "=", caseId)
      .$call((q) => (includeInternal ? q : q.where("internal", "=", 0)))
      .orderBy("id"),
  );
}

export type AssigneeRow = ReturnType<typeof caseAssignees>[number];

export function caseAssignees(db: Db, caseId: number) {
  return all(
    db,
    db.kysely
      .selectFrom("case_assignees as a")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select(["a.user_id", "a.role", "a.assigned_at", "u.display_name as name"])
      .where("a.case_id", "=", caseId)
      .orderBy("a.assigned_at"),
  );
}

export function insertAssignee(db: Db, caseId: number, userId: number, role: string, at: number, by: number): boolean {
  const info = run(
    db,
    db.kysely
      .insertInto("case_assignees")
      .values({ case_id: caseId, user_id: userId, role, assigned_at: at, assigned_by: by })
      .onConflict((oc) => oc.columns(["case_id", "user_id"]).doNothing()),
  );
  return info.changes === 1;
}

export function caseAttachments(db: Db, caseId: number): CaseAttachmentRow[] {
  return all(db, db.kysely.selectFrom("case_attachments").selectAll().where("case_id", "=", caseId).orderBy("id"));
}

export function findAttachment(db: Db, caseId: number, id: number): CaseAttachmentRow | undefined {
  return first(
    db,
    db.kysely.selectFrom("case_attachments").selectAll().where("case_id", "=", caseId).where("id", "=", id),
  );
}

export function insertAttachment(db: Db, a: Omit<CaseAttachmentRow, "id">): number {
  return run(
    db,
    db.kysely.insertInto("case_attachments").values({
      case_id: a.case_id,
      kind: a.kind,
      filename: a.filename,
      mime: a.mime,
      size: a.size,
      sha256: a.sha256,
      storage_name: a.storage_name,
      uploaded_by: a.uploaded_by,
      uploaded_by_name: a.uploaded_by_name,
      uploaded_at: a.uploaded_at,
    }),
  ).lastInsertRowid;
}

export function insertNotification(
  db: Db,
  n: { case_id: number; recipient_user_id: number | null; recipient_party: string; event: string; at: number },
): void {
  run(
    db,
    db.kysely.insertInto("case_notifications").values({
      case_id: n.case_id,
      recipient_user_id: n.recipient_user_id,
      recipient_party: n.recipient_party,
      event: n.event,
      at: n.at,
    }),
  );
}

export type NotificationRow = ReturnType<typeof notificationsFor>[number];

/**
 * Which notifications a user sees: their own and, for an official, the office inbox's rows of cases in their
 * district scope (`district` null = city-wide: all of them; a case with no district only city-wide), the same scope
 * as the queue.
 */
function notificationScope(
  eb: ExpressionBuilder<Database & { n: Database["case_notifications"]; c: CasesTable }, "n" | "c">,
  userId: number,
  office: { district: string | null } | null,
): Expression<SqlBool> {
  const mine = eb("n.recipient_user_id", "=", userId);
  if (!office) return eb.or([mine]);
  const inbox = eb("n.recipient_user_id", "is", null);
  const scope = office.district;
  if (scope === null) return eb.or([mine, inbox]);
  return eb.or([
    mine,
    eb.and([inbox, sql<SqlBool>`substr(${eb.ref("c.district_code")}, 1, length(${scope})) = ${scope}`]),
  ]);
}

/** Notifications (alias n) with their case (alias c). */
const withCase = (db: Db) =>
  db.kysely.selectFrom("case_notifications as n").innerJoin("cases as c", "c.id", "n.case_id");

export function notificationsFor(db: Db, userId: number, office: { district: string | null } | null, limit: number) {
  return all(
    db,
    withCase(db)
      .select(["n.id", "n.case_id", "n.event", "n.at", "n.read_at", "c.ref", "c.title", "c.type"])
      .where((eb) => notificationScope(eb, userId, office))
      .orderBy("n.id", "desc")
      .limit(limit),
  );
}

/** How many of the notifications a user sees are newer than `afterId` (their read mark). */
export function countNotificationsAfter(
  db: Db,
  userId: number,
  office: { district: string | null } | null,
  afterId: number,
): number {
  return one(
    db,
    withCase(db)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("n.id", ">", afterId)
      .where((eb) => notificationScope(eb, userId, office)),
  ).n;
}

/** The newest notification id a user has read (0 = none). */
export function notificationReadMark(db: Db, userId: number): number {
  const row = first(db, db.kysely.selectFrom("notification_reads").select("seen_up_to").where("user_id", "=", userId));
  return row?.seen_up_to ?? 0;
}

/** Moves a user's read mark forward (never back: marking an older one read leaves newer ones read). */
export function raiseNotificationReadMark(db: Db, userId: number, upTo: number, at: number): void {
  run(
    db,
    db.kysely
      .insertInto("notification_reads")
      .values({ user_id: userId, seen_up_to: upTo, at })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet((eb) => ({
          seen_up_to: eb.fn("max", [eb.ref("notification_reads.seen_up_to"), eb.ref("excluded.seen_up_to")]),
          at: eb.ref("excluded.at"),
        })),
      ),
  );
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
  return all(
    db,
    db.kysely
      .selectFrom("cases")
      .selectAll()
      .where((eb) => {
        const clauses: Expression<SqlBool>[] = [];
        const none = sql<SqlBool>`0`; // an empty list matches nothing
        if (f.types) clauses.push(f.types.length ? eb("type", "in", f.types) : none);
        if (f.area) clauses.push(eb("area", "=", f.area));
        if (f.state) clauses.push(eb("state", "=", f.state));
        if (f.states) clauses.push(f.states.length ? eb("state", "in", f.states) : none);
        if (f.district) clauses.push(eb("district_code", "like", `${f.district}%`));
        if (f.q) {
          const cols = [
            "title",
            "ref",
            "applicant_name",
            "org_name",
            ...(f.qInForm ? ["form_json" as const] : []),
          ] as const;
          const like = `%${f.q.replace(/[\\%_]/g, "\\$&")}%`;
          clauses.push(eb.or(cols.map((c) => sql<SqlBool>`${eb.ref(c)} LIKE ${like} ESCAPE '\\'`)));
        }
        if (f.applicantUserId !== undefined || f.orgIds) {
          // a party's own cases: filed as a person, or for one of the organisations it is a member of now (an org's
          // case belongs to the org, not to whoever filed it), on the applicant's side and on the counterparty's
          const me = f.applicantUserId ?? -1;
          const mine = [
            eb.and([eb("org_id", "is", null), eb("applicant_user_id", "=", me)]),
            eb.and([eb("counterparty_org_id", "is", null), eb("counterparty_user_id", "=", me)]),
          ];
          if (f.orgIds?.length) mine.push(eb("org_id", "in", f.orgIds), eb("counterparty_org_id", "in", f.orgIds));
          clauses.push(eb.or(mine));
        }
        if (f.assigneeUserId !== undefined) {
          const assignee = f.assigneeUserId;
          clauses.push(
            eb("id", "in", eb.selectFrom("case_assignees").select("case_id").where("user_id", "=", assignee)),
          );
        }
        return eb.and(clauses);
      })
      .orderBy("id", "desc"),
  );
}

/** Cases of these types stored before migration 009: personal data still plain in form_json (form_pii_enc NULL). */
export function casesWithPlainFormPii(db: Db, types: string[]): { id: number; type: string; form_json: string }[] {
  return all(
    db,
    db.kysely
      .selectFrom("cases")
      .select(["id", "type", "form_json"])
      .where("form_pii_enc", "is", null)
      .where("type", "in", types),
  );
}

/** Rewrites one case's form with its personal data moved to form_pii_enc (one cached statement for the whole pass). */
export function formRewriter(db: Db): (id: number, formJson: string, formPiiEnc: string) => void {
  return (id, formJson, formPiiEnc) => {
    run(db, db.kysely.updateTable("cases").set({ form_json: formJson, form_pii_enc: formPiiEnc }).where("id", "=", id));
  };
}
