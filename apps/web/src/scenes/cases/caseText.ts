import type { CaseTypeInfo } from "@zhichan/shared";
import type { Bilingual } from "../../i18n/useCodes";

/** Deadline colours (their names: codes.caseDeadline); states and transitions in the UI language below. */
export const DEADLINE_COLORS: Record<string, string> = {
  on_time: "green",
  due_soon: "gold",
  overdue: "red",
  escalated: "magenta",
  none: "default",
};

/** A state's name in the UI language (the case type carries both); `pick` from useCodes. */
export function stateLabel(type: CaseTypeInfo | undefined, state: string, pick: (l: Bilingual) => string): string {
  const s = type?.states.find((x) => x.key === state);
  return s ? pick(s.label) : state;
}

export function transitionLabel(type: CaseTypeInfo | undefined, key: string, pick: (l: Bilingual) => string): string {
  const t = type?.transitions.find((x) => x.key === key);
  return t ? pick(t.label) : key;
}
