/**
 * IPC codes. Canonical form is "H01M10/0525": no spaces, upper case, main group and subgroup joined by "/".
 * Facet levels: section "H", class "H01", subclass "H01M", group = main group written "H01M10/00" (the IPC
 * scheme's own notation for a main group, as in the IPC tree and the SEI table).
 */
const CANONICAL = /^[A-H]\d\d[A-Z][1-9]\d*\/\d+$/;

export function canonicalIpc(raw: string): string {
  if (CANONICAL.test(raw)) return raw; // the common case at ingest: already canonical, no new string
  const s = raw.toUpperCase().replace(/[\s\u3000]+/g, "");
  const m = /^([A-H])(\d{2})([A-Z])0*(\d+)\/(\d+)$/.exec(s);
  if (m) return `${m[1]}${m[2]}${m[3]}${m[4]}/${m[5]}`;
  return s;
}

export function ipcSection(code: string): string {
  return code.slice(0, 1);
}
export function ipcClass(code: string): string {
  return code.length >= 3 ? code.slice(0, 3) : "";
}
export function ipcSubclass(code: string): string {
  return code.length >= 4 ? code.slice(0, 4) : "";
}
export function ipcGroup(code: string): string {
  const slash = code.indexOf("/");
  if (slash > 4) return `${code.slice(0, slash)}/00`;
  return code.length > 4 ? `${code}/00` : "";
}

/**
 * Whether canonical `code` falls under the query `q` (already canonicalised):
 * "H", "H01", "H01M" match by prefix; "H01M10" and "H01M10/00" match the whole main group (so not H01M100/...);
 * "H01M10/05" matches subgroups starting with it (H01M10/052, H01M10/0525); a full code matches itself.
 */
export function ipcMatches(code: string, q: string): boolean {
  if (q.length <= 4) return code.startsWith(q);
  const slash = q.indexOf("/");
  if (slash < 0) return code.startsWith(`${q}/`) || code === q;
  if (q.endsWith("/00")) return code.startsWith(q.slice(0, -2));
  return code.startsWith(q);
}

/** The dictionary prefix under which every match of q lies (for a binary-search range). */
export function ipcSearchPrefix(q: string): string {
  if (q.endsWith("/00")) return q.slice(0, -2);
  return q;
}

export const IPC_QUERY_RE = /^[A-H](\d{2}([A-Z](\d{1,4}(\/\d{1,6})?)?)?)?$/;
