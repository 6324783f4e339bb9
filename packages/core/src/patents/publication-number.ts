/** A publication number split into its parts; `pubNo` is the dedup key across every source. */
export interface PublicationNumber {
  pubNo: string;
  country: string;
  /** Kind code (A, B2, U, S …) or null when the source wrote the number without one. */
  kind: string | null;
}

// Country (2 letters), an optional series prefix (D design, RE reissue, I in TWI, P/E in HRP/HUE/DOP, PP/PR in AU…),
// the number (may contain letters inside, e.g. HK22201139M001S), then an optional kind code (letter + digit).
const SHAPE = /^([A-Z]{2})([A-Z]{0,2})(\d[0-9A-Z]*?)([A-Z]\d?)?$/;

/**
 * Canonical upper-case publication number: NFKC (full-width letters/digits), spaces, dots, slashes and dashes removed
 * ('CN 112345678 A', 'WO2017/095614 A1'). Returns null when the text is not shaped like a publication number.
 */
export function parsePublicationNumber(raw: string | null | undefined): PublicationNumber | null {
  if (!raw) return null;
  const pubNo = raw
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s./\-_]/g, "");
  const m = SHAPE.exec(pubNo);
  if (!m) return null;
  return { pubNo, country: m[1], kind: m[4] ?? null };
}
