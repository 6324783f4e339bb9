/**
 * Inventor names as a list. Chinese exports use ';' between people. Patentics writes Western names 'Family; Given'
 * and separates people with ' | ' — there ';' is inside a name, so it becomes 'Family, Given' rather than two people.
 * The caller says which layout the file has (`pipeSeparatesPeople`), because 'Tachwali; Yahia' alone cannot tell.
 */
export function splitInventors(raw: string | null | undefined, pipeSeparatesPeople = false): string[] {
  const text = (raw ?? "").trim();
  if (!text) return [];
  if (pipeSeparatesPeople || text.includes("|")) {
    return text
      .split("|")
      .map((s) => s.trim().replace(/\s*;\s*/g, ", "))
      .filter(Boolean);
  }
  return text
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
