/**
 * An industry definition compiles to one query in the search language, so its live document set is a search:
 *   (SEI=1.2 OR IPC=H01L21 OR TX="芯片") NOT (TX="薯片")
 */
export interface IndustryDefinition {
  seiCode: string | null;
  ipcPrefixes: string[];
  keywords: string[];
  exclusions: string[];
}

const IPC_LIKE = /^[A-H](\d{2}([A-Z](\d{1,4}(\/\d{1,6})?)?)?)?$/;

const phrase = (v: string) => `TX="${v.replaceAll('"', "").trim()}"`;
const ipc = (v: string) => `IPC=${v.toUpperCase().replace(/\s+/g, "")}`;
const term = (v: string) => (IPC_LIKE.test(v.toUpperCase().trim()) ? ipc(v) : phrase(v));

/** The IPC and keyword clauses only (no SEI label): what finds documents the source never labelled. */
export function definitionWithoutLabel(d: IndustryDefinition): string | null {
  const parts = [...d.ipcPrefixes.map(ipc), ...d.keywords.map(phrase)];
  return parts.length ? parts.join(" OR ") : null;
}

export function exclusionQuery(d: IndustryDefinition): string | null {
  return d.exclusions.length ? d.exclusions.map(term).join(" OR ") : null;
}

export function industryQuery(d: IndustryDefinition): string {
  const body = definitionWithoutLabel(d);
  const parts = [...(d.seiCode ? [`SEI=${d.seiCode}`] : []), ...(body ? [body] : [])];
  if (parts.length === 0) return "";
  const include = parts.length === 1 ? parts[0] : parts.join(" OR ");
  const exclude = exclusionQuery(d);
  return exclude ? `(${include}) NOT (${exclude})` : include;
}

/** Any SEI label at all (the nine major categories). */
export const ANY_SEI = "(SEI=1 OR SEI=2 OR SEI=3 OR SEI=4 OR SEI=5 OR SEI=6 OR SEI=7 OR SEI=8 OR SEI=9)";
