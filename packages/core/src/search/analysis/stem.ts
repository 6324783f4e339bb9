/**
 * A light, deterministic English stemmer, applied identically at index and query time. It only folds the
 * inflections that matter for patent text (plurals, -ing, -ed, final e) so "batteries", "battery",
 * "charging", "charged" and "charge" meet; it never tries to be Porter.
 */
export function stem(w: string): string {
  const n = w.length;
  if (n < 4) return w;
  const last = w.charCodeAt(n - 1);
  if (last >= 0x30 && last <= 0x39) return w; // model numbers, codes
  let s = w;
  if (s.endsWith("ies") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("sses")) s = s.slice(0, -2);
  else if (s.endsWith("es") && /(?:[sxz]|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.length > 5 && s.endsWith("ing")) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith("ed")) s = s.slice(0, -2);
  if (s.length > 4 && s.endsWith("e")) s = s.slice(0, -1);
  return s;
}
