/**
 * The case engine's definition format: a case type is data — its states, the transitions between them (who may
 * take each, from which states), its required attachments, per-state deadlines in working days and the
 * notifications its transitions send. The form schema (zod) lives in @zhichan/shared (core imports nothing), keyed
 * by the same `key`; the server pairs the two and checks every definition has its form.
 */

/** Who may take a transition, relative to one case. */
/** counterparty: the other side of a case between two parties (the owner of a listing someone enquires about). */
export type Party = "applicant" | "official" | "assignee" | "counterparty" | "system";
export const PARTIES: readonly Party[] = ["applicant", "official", "assignee", "counterparty", "system"];

export type CaseArea = "protection" | "operations" | "talent";

/** Business roles that may be put on a case as its assignee. */
export type AssigneeRole = "official" | "expert" | "mediator" | "investigator";

export interface Label {
  zh: string;
  en: string;
}

export interface StateDef {
  key: string;
  label: Label;
  /** A terminal state has no outgoing transitions and no deadline. */
  terminal?: boolean;
  /** Working days allowed in this state before the case is overdue; none = no clock runs. */
  deadlineWorkingDays?: number;
  /** Working days after the deadline when an overdue case is escalated. Default 2. */
  escalateAfterWorkingDays?: number;
  /** Whose move it is in this state (shown to people; queues count cases waiting on officials). */
  waitingOn?: Party;
}

export interface TransitionDef {
  key: string;
  label: Label;
  from: readonly string[];
  to: string;
  by: readonly Party[];
  /** A reason or note is required (returns, rejections). */
  requiresComment?: boolean;
  /** The case must have an assignee of this role before this transition. */
  requiresAssignee?: AssigneeRole;
  /** Fields the actor must send with the transition (validated by the server's transition schemas). */
  input?: string;
}

export type AttachmentType = "pdf" | "png" | "jpeg" | "docx";

export interface AttachmentRequirement {
  kind: string;
  label: Label;
  types: readonly AttachmentType[];
  /** Must be attached before the named transition can be taken (by anyone); omitted = optional. */
  requiredBefore?: string;
  maxBytes?: number;
}

export interface NotificationRule {
  /** A transition key, or "overdue" / "escalated". */
  on: string;
  to: readonly Party[];
}

export interface CaseTypeDef {
  key: string;
  area: CaseArea;
  label: Label;
  /** Roles that may open a case of this type. */
  openedBy: readonly ("enterprise" | "agency")[];
  /**
   * May the applicant file as a person rather than for an organisation? Omitted = no: the applicant names one of
   * the organisations they are an accepted member of, explicitly (never a default, issue #13).
   */
  personalApplicant?: boolean;
  initial: string;
  states: readonly StateDef[];
  transitions: readonly TransitionDef[];
  attachments: readonly AttachmentRequirement[];
  notifications: readonly NotificationRule[];
  /** Role an official assigns (mediator, expert, investigator); none = no assignment step. */
  assigneeRole?: AssigneeRole;
}

export const DEFAULT_ESCALATE_AFTER = 2;
/** Per-file limit unless a requirement says less. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
