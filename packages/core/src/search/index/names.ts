/**
 * Exact names (`AP==…`, `IN==…`): each applicant and inventor name is also kept whole, as a keyword value, so a
 * query can ask for 王伟 and not 王伟明. Both sides are folded the same way: full-width → half-width, lower case,
 * runs of spaces → one space, trimmed.
 */
import { foldText } from "../analysis/fold.js";

export function nameKey(name: string): string {
  return foldText(name).replace(/\s+/g, " ").trim();
}

export function nameKeys(names: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const n of names ?? []) {
    const k = nameKey(n);
    if (k !== "") out.push(k);
  }
  return out;
}
