import type { CaseTypeDef, DeadlineInfo } from "@zhichan/core/cases/index.ts";
import type { CaseAttachment, CaseEvent, CaseSummary } from "@zhichan/shared";
import type { CaseAttachmentRow, CaseEventRow, CaseRow } from "./cases.repository.js";

export function toCaseSummary(row: CaseRow, def: CaseTypeDef, deadline: DeadlineInfo): CaseSummary {
  return {
    id: row.id,
    ref: row.ref,
    type: row.type,
    area: def.area,
    title: row.title,
    state: row.state,
    applicantName: row.applicant_name,
    orgName: row.org_name,
    district: row.district_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    stateEnteredAt: row.state_entered_at,
    deadline,
  };
}

const parse = (s: string | null): unknown => {
  if (!s) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
};

export function toCaseEvent(e: CaseEventRow): CaseEvent {
  return {
    id: e.id,
    at: e.at,
    kind: e.kind as CaseEvent["kind"],
    actorName: e.actor_name,
    transition: e.transition,
    fromState: e.from_state,
    toState: e.to_state,
    body: e.body,
    details: parse(e.details_json),
  };
}

export function toCaseAttachment(a: CaseAttachmentRow): CaseAttachment {
  return {
    id: a.id,
    kind: a.kind,
    filename: a.filename,
    mime: a.mime,
    size: a.size,
    sha256: a.sha256,
    uploadedAt: a.uploaded_at,
    uploadedBy: a.uploaded_by_name,
  };
}

export function parseJsonObject(s: string | null): Record<string, unknown> | null {
  const v = parse(s);
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
