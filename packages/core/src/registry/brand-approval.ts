import type { Grade } from "./credit-grade.js";

/**
 * Who may grant which brand-agency level, and when an approval has to give its reason (issue #17: a city official
 * granted the national level, and a grade-C agency with a serious violation was approved without a word).
 * A city's office recognises municipal brand agencies; provincial and national recognitions are the provincial office's
 * and CNIPA's acts, which the registry records from their documents but the platform does not grant.
 */
export const BRAND_LEVEL_ORDER = ["municipal", "provincial", "national"] as const;
export type BrandGrantLevel = (typeof BRAND_LEVEL_ORDER)[number];

/** The highest level an approver may grant: a city-wide official the municipal one; a district official none. */
export function brandAuthority(approver: { district: string | null }): BrandGrantLevel | null {
  return approver.district === null ? "municipal" : null;
}

export function withinAuthority(level: BrandGrantLevel, authority: BrandGrantLevel | null): boolean {
  return authority !== null && BRAND_LEVEL_ORDER.indexOf(level) <= BRAND_LEVEL_ORDER.indexOf(authority);
}

/** An approval needs a recorded reason when the agency is graded C or D, or has a serious violation open. */
export function approvalNeedsReason(grade: Grade, seriousOpen: number): boolean {
  return grade === "C" || grade === "D" || seriousOpen > 0;
}
