import { type AttachmentRequirement, type CaseTypeDef, DEFAULT_MAX_ATTACHMENT_BYTES } from "./definition.js";

/** Whether the apply form asks for an attachment kind: required, optional, or not at all (it comes later). */
export type AtApplication = "required" | "optional" | null;

/**
 * What the applicant should attach when applying. A kind required before a transition that leaves the initial state
 * (the office's first decision: 准予备案, 受理, 登记质押 …) is required now — otherwise that decision later fails
 * "required attachments are missing". A kind with no requirement is offered as optional. A kind required before a
 * later transition is produced later in the case (a mediation agreement, an investigator's report), not asked for.
 */
export function atApplication(def: CaseTypeDef, a: AttachmentRequirement): AtApplication {
  if (!a.requiredBefore) return "optional";
  const t = def.transitions.find((x) => x.key === a.requiredBefore);
  return t?.from.includes(def.initial) ? "required" : null;
}

/** The byte limit a file of this kind must keep to. */
export const attachmentMaxBytes = (a: AttachmentRequirement): number => a.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;

/** The kinds the applicant must attach before submitting (see atApplication). */
export function requiredAtApplication(def: CaseTypeDef): string[] {
  return def.attachments.filter((a) => atApplication(def, a) === "required").map((a) => a.kind);
}
