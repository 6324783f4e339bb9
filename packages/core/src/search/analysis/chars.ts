/** Character classes on folded code points. CJK (Han, kana, hangul) is indexed as bigrams; word chars as words. */

export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x3007
  );
}

/** Letters and digits that make up Latin-script (and Greek/Cyrillic) words after folding. */
export function isWordChar(cp: number): boolean {
  return (
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0xdf && cp <= 0x24f && cp !== 0xf7 && cp !== 0xd7) ||
    (cp >= 0x370 && cp <= 0x4ff)
  );
}
