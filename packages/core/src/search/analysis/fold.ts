/**
 * Character folding: full-width → half-width, compatibility forms → canonical (NFKC) and lower case, one UTF-16
 * unit in, one unit out. Keeping the length unchanged lets highlighting map matches straight back onto the
 * original text; the rare characters whose NFKC or lower-case form is longer are left as they are.
 */
let table: Uint16Array | null = null;

function buildTable(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    t[c] = c;
    if (c >= 0xd800 && c < 0xe000) continue; // surrogates pass through
    const s = String.fromCharCode(c).normalize("NFKC").toLowerCase();
    if (s.length === 1) t[c] = s.charCodeAt(0);
  }
  t[0x3000] = 0x20; // ideographic space
  return t;
}

export function foldTable(): Uint16Array {
  if (table === null) table = buildTable();
  return table;
}

/** Folds a whole string (same length as the input). */
export function foldText(text: string): string {
  const t = foldTable();
  let out = "";
  let changed = false;
  const units = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = t[c];
    if (f !== c) changed = true;
    units[i] = f;
  }
  if (!changed) return text;
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}
