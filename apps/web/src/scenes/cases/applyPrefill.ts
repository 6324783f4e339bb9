import type { FieldSpec } from "./formFields";

/** What the platform knows of the applicant's organisation (GET /api/orgs/mine) and of the applicant. */
export interface ApplicantFacts {
  org: { name: string; code: string; district: string | null } | null;
  /** The signed-in person's name. */
  person: string | null;
}

/** Form fields filled from the organisation's registration or the person (names as in CASE_FORMS). */
const SOURCES: Record<string, (f: ApplicantFacts) => string | null | undefined> = {
  enterpriseName: (f) => f.org?.name,
  pledgor: (f) => f.org?.name,
  uscc: (f) => f.org?.code,
  firstPracticeDistrict: (f) => f.org?.district,
  contactName: (f) => (f.org ? f.person : null),
  // a reward claimed as a person is usually claimed by that person
  personName: (f) => (f.org ? null : f.person),
};

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * Values to set for the form's fields the applicant has not filled yet; what they typed is never overwritten.
 * Only fields the form has are returned.
 */
export function prefillValues(
  fields: FieldSpec[],
  facts: ApplicantFacts,
  current: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const value = SOURCES[f.key]?.(facts);
    if (value && blank(current[f.key])) out[f.key] = value;
  }
  return out;
}
