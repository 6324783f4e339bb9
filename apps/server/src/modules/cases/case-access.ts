import { AppError } from "@zhichan/core";
import { inDistrictScope } from "@zhichan/core/accounts/index.ts";
import type { Party, TransitionRefusal } from "@zhichan/core/cases/index.ts";
import type { Db } from "../../db/connection.js";
import type { Actor } from "../accounts/accounts.policy.js";
import { type CaseRow, caseAssignees } from "./cases.repository.js";
import type { AcceptedOrgs } from "./org-membership.js";

/**
 * The caller's parties on one case: its applicant, an official in scope, an assignee, the counterparty.
 * A case filed for an organisation belongs to the organisation: whoever is an accepted member of it NOW is its
 * applicant side (the person who filed it included only while they remain a member). A case filed as a person
 * belongs to that person. The same holds for the counterparty's side.
 */
export function partiesOf(db: Db, acceptedOrgs: AcceptedOrgs, actor: Actor, row: CaseRow): Party[] {
  const parties: Party[] = [];
  let orgIds: number[] | undefined;
  const memberOf = (orgId: number) => {
    orgIds ??= acceptedOrgs(actor.userId).map((o) => o.id);
    return orgIds.includes(orgId);
  };
  const side = (userId: number | null, orgId: number | null) =>
    orgId === null ? userId === actor.userId : memberOf(orgId);
  if (side(row.applicant_user_id, row.org_id)) parties.push("applicant");
  if (actor.permissions.has("case:decide") && inDistrictScope(actor.district, row.district_code))
    parties.push("official");
  if (caseAssignees(db, row.id).some((a) => a.user_id === actor.userId)) parties.push("assignee");
  if (side(row.counterparty_user_id, row.counterparty_org_id)) parties.push("counterparty");
  return parties;
}

/** Who may read a case: any of its parties, or an official with case:read in scope. */
export function canRead(actor: Actor, row: CaseRow, parties: readonly Party[]): boolean {
  return (
    parties.length > 0 || (actor.permissions.has("case:read") && inDistrictScope(actor.district, row.district_code))
  );
}

/** The caller's parties, or NOT_FOUND (not FORBIDDEN) for a case the caller may not see, so ids reveal nothing. */
export function visiblePartiesOf(db: Db, acceptedOrgs: AcceptedOrgs, actor: Actor, row: CaseRow): Party[] {
  const parties = partiesOf(db, acceptedOrgs, actor, row);
  if (!canRead(actor, row, parties)) throw new AppError("NOT_FOUND", `没有案件 ${row.id} · no case ${row.id}`);
  return parties;
}

export function isOfficial(actor: Actor, row: CaseRow): boolean {
  return actor.permissions.has("case:read") && inDistrictScope(actor.district, row.district_code);
}

/** How each refusal of the transition check answers: status code and message. */
export const REFUSAL: Record<TransitionRefusal["reason"], [AppError["code"], string]> = {
  unknown_transition: ["BAD_REQUEST", "没有这个办理动作 · no such action for this case type"],
  wrong_state: ["CONFLICT", "案件当前状态不能进行此操作 · the case is not in a state that allows this"],
  not_permitted: ["FORBIDDEN", "你不能进行此操作 · you may not take this action on this case"],
  missing_comment: ["BAD_REQUEST", "请填写理由或说明 · a reason or note is required"],
  missing_assignee: ["BAD_REQUEST", "请先指派承办人 · assign someone to the case first"],
  missing_attachment: ["BAD_REQUEST", "缺少必需的附件 · required attachments are missing"],
};
