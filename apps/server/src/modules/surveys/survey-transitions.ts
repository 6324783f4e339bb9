import type { RequestContext } from "../../http/auth-context.js";

export type SurveyStatus = "draft" | "open" | "closed" | "published";
export type SurveyAction = "open" | "closed" | "published";

/**
 * The survey life cycle, the one table both the transition check and the actions the UI offers read:
 * draft → open → closed → published, and a closed survey may be reopened. Keyed by target, listing where it may
 * come from.
 */
export const SURVEY_TRANSITIONS: Readonly<Record<SurveyAction, readonly SurveyStatus[]>> = {
  open: ["draft", "closed"],
  closed: ["open"],
  published: ["closed"],
};

export function canMove(from: string, to: SurveyAction): boolean {
  return SURVEY_TRANSITIONS[to].includes(from as SurveyStatus);
}

/**
 * What the caller may do to a survey in `status` now: only a city-wide official holding survey:manage changes a
 * survey's status (a district official reads it only), so anyone else gets none.
 */
export function allowedSurveyActions(ctx: RequestContext, status: string): SurveyAction[] {
  if (ctx.district !== null || !ctx.actor?.permissions.has("survey:manage")) return [];
  return (Object.keys(SURVEY_TRANSITIONS) as SurveyAction[]).filter((to) => canMove(status, to));
}
