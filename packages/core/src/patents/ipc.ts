/** IPC codes of one record: canonical main code, all canonical codes (main first, deduped), and what was not IPC. */
export interface IpcSet {
  main: string | null;
  all: string[];
  /** Locarno design classes ('14-02(10)') that some exports put in the IPC column; kept apart, never as IPC. */
  locarno: string[];
  /** Pieces that were neither IPC nor Locarno; the caller keeps the raw text anyway. */
  unparsed: string[];
}

// Subclass (H01M), optional main group and subgroup ('10/0525'); the version suffix '(2006.01)' is cut before matching.
const IPC_SHAPE = /^([A-H])(\d{2})([A-Z])(?:(\d{1,4})(?:\/(\d{1,6}))?)?$/;
const LOCARNO_SHAPE = /^\d{2}-\d{2}(\(\d+\))?$/;

/**
 * Canonical IPC: NFKC, upper-case, spaces removed, version suffix '(2006.01)' / ',(2006.01)' removed, leading zeros of
 * the main group dropped ('H01M 010/0525' → 'H01M10/0525'). Null when the text is not an IPC symbol.
 */
export function canonicalIpc(raw: string): string | null {
  const text = raw
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[,，]?\s*\(\d{4}\.\d{2}\)\s*$/, "")
    .replace(/\s+/g, "");
  const m = IPC_SHAPE.exec(text);
  if (!m) return null;
  const subclass = `${m[1]}${m[2]}${m[3]}`;
  if (m[4] === undefined) return subclass;
  const group = String(Number(m[4]));
  return m[5] === undefined ? `${subclass}${group}/00` : `${subclass}${group}/${m[5]}`;
}

function splitCodes(raw: string | null | undefined): string[] {
  return (raw ?? "")
    .split(/[;；|,，\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Parses an IPC list ('G05D  1/02 | B60W 30/09', 'G06F3/01;G06T17/00') and an optional main code. When the main code
 * names only a subclass ('G05D', as Patentics' 国际主分类 does) the first full code of that subclass becomes main.
 */
export function parseIpcList(allRaw: string | null | undefined, mainRaw?: string | null): IpcSet {
  const all: string[] = [];
  const locarno: string[] = [];
  const unparsed: string[] = [];
  for (const piece of [...splitCodes(mainRaw), ...splitCodes(allRaw)]) {
    const code = canonicalIpc(piece);
    if (code) {
      if (!all.includes(code)) all.push(code);
      continue;
    }
    const compact = piece.replace(/\s+/g, "");
    if (LOCARNO_SHAPE.test(compact)) {
      if (!locarno.includes(compact)) locarno.push(compact);
    } else unparsed.push(piece);
  }
  const mainGiven = splitCodes(mainRaw)
    .map(canonicalIpc)
    .find((c): c is string => c !== null);
  let main = mainGiven ?? all[0] ?? null;
  if (main && main.length === 4) {
    const fuller = all.find((c) => c.length > 4 && c.startsWith(main as string));
    if (fuller) main = fuller;
  }
  // Main first; a bare subclass that a fuller code of the same subclass now represents is dropped from the list.
  const rest = all.filter((c) => c !== main && !(c.length === 4 && main?.startsWith(c)));
  return { main, all: main ? [main, ...rest] : rest, locarno, unparsed };
}

export interface IpcLevels {
  section: string;
  class: string;
  subclass: string;
  /** Main group in the IPC's own notation: H01M10/00. Null for a bare subclass. */
  mainGroup: string | null;
  /** The full symbol as given (subgroup or main group). */
  group: string | null;
}

/** Every level of a canonical IPC code: 'H01M10/0525' → H, H01, H01M, H01M10/00, H01M10/0525. */
export function ipcLevels(code: string): IpcLevels | null {
  const canonical = canonicalIpc(code);
  if (!canonical) return null;
  const slash = canonical.indexOf("/");
  return {
    section: canonical.slice(0, 1),
    class: canonical.slice(0, 3),
    subclass: canonical.slice(0, 4),
    mainGroup: slash < 0 ? null : `${canonical.slice(0, slash)}/00`,
    group: slash < 0 ? null : canonical,
  };
}
