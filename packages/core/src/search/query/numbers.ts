/**
 * A publication or application number typed on its own (`CN114661197A`, `114661197`, `CN202110000001.0`,
 * `202110000001`): besides the word itself it searches PN= and AN=, so a bare number finds its record with or
 * without country prefix, kind code or check digit. A query made only of numbers (a pasted list, separated by
 * spaces, commas or semicolons) finds any of them instead of all at once.
 */
import { normalizeAn, normalizePn } from "../index/numbers.js";
import type { FilterNode } from "./ast.js";

/** Letters + digits + kind code: CN114661197A, US2020123456A1, EP1234567B1; digits alone need seven or more. */
const PN_RE = /^(?:[A-Z]{2}\d{5,13}|\d{7,13})(?:[A-Z]\d?)?$/;
/** CN application numbers: 8 or 12 digits (before/after 2003) with an optional check digit, CN or ZL before. */
const AN_RE = /^(?:CN|ZL)?(?:\d{8}|\d{12})(?:\.?[\dX])?$/;
/** Separators of a pasted list inside one token (spaces already split tokens). */
export const LIST_SEPARATORS = /[,;、]+/;

/** The PN=/AN= filters a bare token stands for, or null when it does not look like a patent number. */
export function patentNumberFilters(token: string): FilterNode[] | null {
  const s = token.toUpperCase();
  const out: FilterNode[] = [];
  if (PN_RE.test(s)) out.push({ kind: "filter", field: "pn", values: [normalizePn(s)] });
  if (AN_RE.test(s)) out.push({ kind: "filter", field: "an", values: [normalizeAn(s.replace(/^ZL/, ""))] });
  return out.length > 0 ? out : null;
}

export function looksLikePatentNumber(token: string): boolean {
  const s = token.toUpperCase();
  return PN_RE.test(s) || AN_RE.test(s);
}
