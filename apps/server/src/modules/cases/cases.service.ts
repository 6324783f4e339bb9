import { AppError } from "@zhichan/core";
import {
  availableTransitions,
  type CaseTypeDef,
  checkTransition,
  deadlineOf,
  type WorkCalendar,
} from "@zhichan/core/cases/index.ts";
import type { CaseAttachmentUpload, CaseDetail, CreateCaseRequest } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import type { RequestInfo } from "../accounts/auth.service.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import { type AttachmentStore, checkUpload, MIME_OF } from "./attachment-store.js";
import { isOfficial, REFUSAL, visiblePartiesOf } from "./case-access.js";
import type { CaseHooksByType, HookCaseLookup } from "./case-hooks.js";
import { type CaseMailer, CaseNotifier } from "./case-notifier.js";
import type { CaseRegistry } from "./case-registry.js";
import { parseJsonObject, toCaseAttachment, toCaseEvent, toCaseSummary } from "./cases.presenter.js";
import {
  type CaseRow,
  caseAssignees,
  caseAttachments,
  caseEvents,
  findCase,
  insertAssignee,
  insertAttachment,
  insertCase,
  insertEvent,
  moveCase,
  touchCase,
} from "./cases.repository.js";
import { type FormPii, protectForm } from "./form-pii.js";
import type { AcceptedOrgs } from "./org-membership.js";
import { type OrgRef, usersWithRole, userWithRole } from "./people.repository.js";
import type { StagedUploads } from "./staged-uploads.js";

export interface CasesDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  store: AttachmentStore;
  calendar: WorkCalendar;
  registry: CaseRegistry;
  hooks: CaseHooksByType;
  acceptedOrgs: AcceptedOrgs;
  /** The accounts' personal-data facade: a form's phone numbers are stored encrypted, answered masked. */
  pii: FormPii;
  /** Files uploaded in the apply form before submitting; they become the new case's attachments. */
  staged: StagedUploads;
  /** E-mails named recipients of notifications (modules/mail), if wired. */
  mailer?: CaseMailer | null;
}

/** A stored file about to become a case attachment. */
interface NewAttachment {
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storage_name: string;
}

/**
 * The case engine's commands. Each transition is one function: load, check permission, check the transition,
 * update and write the audit row in one transaction, then side effects (notifications) after commit.
 */
export class CasesService {
  readonly notifier: CaseNotifier;
  /** What case-type hooks may read of cases (they never get the database). */
  private readonly caseLookup: HookCaseLookup;

  constructor(private readonly d: CasesDeps) {
    this.notifier = new CaseNotifier(d.db, d.clock, d.mailer ?? null);
    this.caseLookup = { find: (id) => findCase(d.db, id) };
  }

  create(actor: Actor, req: z.output<typeof CreateCaseRequest>, info: RequestInfo): CaseDetail {
    const def = this.d.registry.get(req.type);
    if (!def.openedBy.some((r) => actor.roles.some((g) => g.role === r)))
      throw new AppError("FORBIDDEN", `你的角色不能申请${def.label.zh} · your role may not open a ${def.label.en}`);
    const form = this.d.registry.parseForm(def.key, req.form);
    const org = this.filingOrg(actor, def, req.filedAs);
    const { stored, enc } = protectForm(def.key, form, this.d.pii);
    const now = this.d.clock.now();
    const id = this.d.db.sqlite.transaction(() => {
      const derived = this.d.hooks[def.key]?.onCreate?.({ cases: this.caseLookup, form, actor, org, now }) ?? {};
      const year = new Date(now + 8 * 3_600_000).getUTCFullYear(); // the filing year in China time
      const { id: caseId, ref } = insertCase(
        this.d.db,
        {
          type: def.key,
          area: def.area,
          title: req.title,
          state: def.initial,
          applicant_user_id: actor.userId,
          applicant_name: actor.displayName,
          org_id: org?.id ?? null,
          org_name: org?.name ?? null,
          district_code: org?.district_code ?? null,
          counterparty_user_id: derived.counterparty?.userId ?? null,
          counterparty_org_id: derived.counterparty?.orgId ?? null,
          form_json: JSON.stringify(stored),
          form_pii_enc: enc,
          checks_json: derived.checks ? JSON.stringify(derived.checks) : null,
          patent_id: derived.patentId ?? null,
          state_entered_at: now,
          created_at: now,
          updated_at: now,
        },
        year,
      );
      this.event(caseId, actor, now, { kind: "created", to_state: def.initial });
      this.d.audit.record({
        ...this.who(actor, info),
        action: "case.create",
        target: `case:${caseId}`,
        details: { type: def.key, ref },
      });
      for (const { kind, filename, mime, size, sha256, storage_name } of this.d.staged.take(
        actor,
        def,
        req.uploads ?? [],
      ))
        this.recordAttachment(caseId, actor, now, { kind, filename, mime, size, sha256, storage_name }, info);
      return caseId;
    })();
    this.notifier.created(this.load(id));
    return this.detail(actor, id);
  }

  transition(
    actor: Actor,
    id: number,
    key: string,
    req: { comment?: string; input?: Record<string, unknown> },
    info: RequestInfo,
  ): CaseDetail {
    let done: { row: CaseRow; def: CaseTypeDef } | null = null;
    this.d.db.sqlite.transaction(() => {
      const row = this.load(id);
      const def = this.d.registry.get(row.type);
      const parties = this.visibleParties(actor, row);
      const check = checkTransition(def, key, {
        state: row.state,
        parties,
        hasComment: !!req.comment?.trim(),
        assigneeRoles: caseAssignees(this.d.db, id).map((a) => a.role),
        attachmentKinds: caseAttachments(this.d.db, id).map((a) => a.kind),
      });
      if (!check.ok) {
        const [code, message] = REFUSAL[check.reason];
        throw new AppError(code, message, check);
      }
      const input = check.transition.input ? this.d.registry.parseInput(check.transition.input, req.input) : null;
      const now = this.d.clock.now();
      if (!moveCase(this.d.db, id, row.version, check.to.key, now))
        throw new AppError("CONFLICT", "案件已被他人更新，请刷新 · the case changed meanwhile: reload");
      this.event(id, actor, now, {
        kind: "transition",
        transition: key,
        from_state: row.state,
        to_state: check.to.key,
        body: req.comment?.trim() || null,
        details_json: input ? JSON.stringify(input) : null,
      });
      this.d.hooks[def.key]?.onTransition?.({ row, transition: key, input, now });
      this.d.audit.record({
        ...this.who(actor, info),
        action: `case.${key}`,
        target: `case:${id}`,
        details: { type: def.key, from: row.state, to: check.to.key },
      });
      done = { row, def };
    })();
    if (done) this.notifier.transitioned((done as { row: CaseRow; def: CaseTypeDef }).def, this.load(id), key);
    return this.detail(actor, id);
  }

  comment(actor: Actor, id: number, body: string, internal: boolean, info: RequestInfo): CaseDetail {
    this.d.db.sqlite.transaction(() => {
      const row = this.load(id);
      this.visibleParties(actor, row);
      const asOfficial = isOfficial(actor, row);
      const now = this.d.clock.now();
      this.event(id, actor, now, { kind: "comment", body, internal: internal && asOfficial ? 1 : 0 });
      touchCase(this.d.db, id, now);
      this.d.audit.record({ ...this.who(actor, info), action: "case.comment", target: `case:${id}` });
    })();
    return this.detail(actor, id);
  }

  assign(actor: Actor, id: number, userId: number, info: RequestInfo): CaseDetail {
    this.d.db.sqlite.transaction(() => {
      const row = this.load(id);
      const def = this.d.registry.get(row.type);
      if (!this.visibleParties(actor, row).includes("official"))
        throw new AppError("FORBIDDEN", "只有主管部门可以指派 · only the office may assign");
      const role = def.assigneeRole ?? "official";
      const user = userWithRole(this.d.db, userId, role);
      if (!user)
        throw new AppError("BAD_REQUEST", `该用户不是可指派的${role} · user ${userId} has no active ${role} role`);
      const now = this.d.clock.now();
      if (!insertAssignee(this.d.db, id, userId, role, now, actor.userId))
        throw new AppError("CONFLICT", "已指派 · already assigned");
      this.event(id, actor, now, { kind: "assigned", body: user.name, details_json: JSON.stringify({ userId, role }) });
      touchCase(this.d.db, id, now);
      this.d.audit.record({
        ...this.who(actor, info),
        action: "case.assign",
        target: `case:${id}`,
        details: { userId, role },
      });
    })();
    this.notifier.assigned(this.load(id), userId);
    return this.detail(actor, id);
  }

  /** Active users holding the role this case type assigns (for the office's assign dialog). */
  assignable(actor: Actor, id: number): { role: string; users: { id: number; name: string }[] } {
    const row = this.load(id);
    if (!this.visibleParties(actor, row).includes("official"))
      throw new AppError("FORBIDDEN", "只有主管部门可以指派 · only the office may assign");
    const role = this.d.registry.get(row.type).assigneeRole ?? "official";
    return { role, users: usersWithRole(this.d.db, role) };
  }

  attach(actor: Actor, id: number, up: z.output<typeof CaseAttachmentUpload>, info: RequestInfo): CaseDetail {
    const row = this.load(id);
    const def = this.d.registry.get(row.type);
    this.visibleParties(actor, row);
    if (def.states.find((s) => s.key === row.state)?.terminal)
      throw new AppError("CONFLICT", "案件已办结，不能再添加附件 · the case is closed");
    const { bytes, type } = checkUpload(def, up);
    const { storageName, sha256 } = this.d.store.put(bytes); // durable on disk before the row points at it
    this.d.db.sqlite.transaction(() => {
      const now = this.d.clock.now();
      const file = {
        kind: up.kind,
        filename: up.filename.replace(/[\\/\r\n"]/g, "_"),
        mime: MIME_OF[type],
        size: bytes.length,
        sha256,
        storage_name: storageName,
      };
      this.recordAttachment(id, actor, now, file, info);
      touchCase(this.d.db, id, now);
    })();
    return this.detail(actor, id);
  }

  /** The attachment's row, its timeline event and its audit row (inside the caller's transaction). */
  private recordAttachment(caseId: number, actor: Actor, now: number, file: NewAttachment, info: RequestInfo): void {
    const attId = insertAttachment(this.d.db, {
      case_id: caseId,
      ...file,
      uploaded_by: actor.userId,
      uploaded_by_name: actor.displayName,
      uploaded_at: now,
    });
    this.event(caseId, actor, now, {
      kind: "attachment",
      body: file.filename,
      details_json: JSON.stringify({ attId, kind: file.kind, sha256: file.sha256 }),
    });
    this.d.audit.record({
      ...this.who(actor, info),
      action: "case.attach",
      target: `case:${caseId}`,
      details: { attId, sha256: file.sha256, size: file.size },
    });
  }

  detail(actor: Actor, id: number): CaseDetail {
    const row = this.load(id);
    const def = this.d.registry.get(row.type);
    const parties = this.visibleParties(actor, row);
    const now = this.d.clock.now();
    const deadline = deadlineOf(def, row.state, row.state_entered_at, now, this.d.calendar);
    return {
      ...toCaseSummary(row, def, deadline),
      form: parseJsonObject(row.form_json) ?? {},
      parties,
      assignees: caseAssignees(this.d.db, id).map((a) => ({
        userId: a.user_id,
        name: a.name,
        role: a.role,
        assignedAt: a.assigned_at,
      })),
      attachments: caseAttachments(this.d.db, id).map(toCaseAttachment),
      timeline: caseEvents(this.d.db, id, isOfficial(actor, row)).map(toCaseEvent),
      actions: availableTransitions(def, row.state, parties).map((t) => ({
        key: t.key,
        label: t.label,
        requiresComment: !!t.requiresComment,
        input: t.input ?? null,
        to: t.to,
      })),
      checks: parseJsonObject(row.checks_json),
    };
  }

  /**
   * The organisation a case is filed for, exactly as the applicant named it (no default: issue #13), if they are an
   * accepted member of it now; null when they file as a person and the type allows that.
   */
  private filingOrg(actor: Actor, def: CaseTypeDef, filedAs: CreateCaseRequest["filedAs"]): OrgRef | null {
    if (filedAs.kind === "person") {
      if (!def.personalApplicant)
        throw new AppError(
          "BAD_REQUEST",
          `${def.label.zh}须以机构名义申请，请选择申请机构 · a ${def.label.en} is filed for an organisation: choose one`,
          { field: "filedAs" },
        );
      return null;
    }
    const org = this.d.acceptedOrgs(actor.userId).find((o) => o.id === filedAs.orgId);
    if (!org) throw new AppError("FORBIDDEN", "你不是该机构的成员 · you are not a member of that organisation");
    return org;
  }

  private visibleParties(actor: Actor, row: CaseRow) {
    return visiblePartiesOf(this.d.db, this.d.acceptedOrgs, actor, row);
  }

  private load(id: number): CaseRow {
    const row = findCase(this.d.db, id);
    if (!row) throw new AppError("NOT_FOUND", `没有案件 ${id} · no case ${id}`);
    return row;
  }

  private who(actor: Actor, info: RequestInfo) {
    return { actorId: actor.userId, actorName: actor.username, ip: info.ip };
  }

  private event(
    caseId: number,
    actor: Actor | null,
    at: number,
    e: Partial<Parameters<typeof insertEvent>[1]> & { kind: string },
  ): void {
    insertEvent(this.d.db, {
      case_id: caseId,
      at,
      actor_id: actor?.userId ?? null,
      actor_name: actor?.displayName ?? null,
      transition: null,
      from_state: null,
      to_state: null,
      body: null,
      details_json: null,
      ...e,
    });
  }
}
