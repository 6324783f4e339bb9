/**
 * Markers an office or vendor prints in place of withheld names (CNIPA 不公告发明人 at the inventor's request,
 * English 'inventor withheld'): they are not people, so they are dropped; the caller keeps the raw text.
 */
const WITHHELD =
  /^(不公告(发明人|设计人)(姓名)?|请求不公布(发明人|设计人)?姓名|(the\s+)?inventors?\s+(name\s+)?(is\s+|are\s+)?withheld|withheld|not\s+disclosed)$/i;

export function isWithheldInventor(name: string): boolean {
  return WITHHELD.test(name.normalize("NFKC").trim());
}

const HAS_LATIN = /[A-Za-z]/;

/**
 * Inventor names as a list. Between people the exports use ';' / '；' (CNIPA, incoPat, cn_patents_merged), ' | '
 * (Patentics, PatSnap), '，' / '、' (hand-made lists), newlines (cells pasted from Excel), and ',' in Chinese-only
 * lists. A ',' is split only when no part has Latin letters, since 'Smith, John' is one person. Patentics writes
 * Western names 'Family; Given' with ' | ' between people — there ';' is inside a name, so it becomes 'Family, Given'.
 * The caller says which layout the file has (`pipeSeparatesPeople`), because 'Tachwali; Yahia' alone cannot tell.
 * Withheld-name markers (不公告发明人) are not people and are left out.
 */
export function splitInventors(raw: string | null | undefined, pipeSeparatesPeople = false): string[] {
  const text = (raw ?? "").trim();
  if (!text) return [];
  let names: string[];
  if (pipeSeparatesPeople || text.includes("|")) {
    names = text.split(/[|\n]/).map((s) => s.trim().replace(/\s*;\s*/g, ", "));
  } else {
    names = text.split(/[;；\n，、]+/).flatMap((s) => (HAS_LATIN.test(s) ? [s] : s.split(",")));
  }
  return names.map((s) => s.trim()).filter((s) => s && !isWithheldInventor(s));
}
