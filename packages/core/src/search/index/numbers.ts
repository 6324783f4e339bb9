/**
 * Publication and application numbers, normalised the same way for indexing and for PN=/AN= queries.
 * PN: upper case, spaces/dots/dashes removed, "CN" added when the number starts with a digit. A query without
 *   the kind code (CN112345678) also matches CN112345678A / B / U.
 * AN: upper case, spaces removed, "CN" prefix and the "." before the check digit removed; a query without the
 *   check digit (201910123456) also matches 2019101234567.
 */
const CLEAN_PN = /^[A-Z]{2}[0-9A-Z]*$/;
const CLEAN_AN = /^[0-9X]*$/;

export function normalizePn(raw: string): string {
  if (CLEAN_PN.test(raw)) return raw; // already normalised (the common case at ingest)
  const s = raw.toUpperCase().replace(/[\s.\-\u3000]+/g, "");
  if (s === "") return "";
  return /^\d/.test(s) ? `CN${s}` : s;
}

export function normalizeAn(raw: string): string {
  if (CLEAN_AN.test(raw)) return raw;
  let s = raw.toUpperCase().replace(/[\s.\-\u3000]+/g, "");
  if (s.startsWith("CN")) s = s.slice(2);
  return s;
}

/** A PN query matches a doc's normalised number exactly or with one kind code (letter + optional digit) after. */
export function pnMatches(docPn: string, q: string): boolean {
  if (docPn === q) return true;
  return docPn.startsWith(q) && /^[A-Z]\d?$/.test(docPn.slice(q.length));
}

export function anMatches(docAn: string, q: string): boolean {
  if (docAn === q) return true;
  return docAn.startsWith(q) && docAn.length - q.length === 1 && /^[\dX]$/.test(docAn.slice(q.length));
}
