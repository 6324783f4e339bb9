/**
 * Peer tokenisation: the same terms our engine indexes (DESIGN "Chinese" + core's analysis rules), written out as
 * space-separated tokens so FTS5 (unicode61) and Lucene (WhitespaceAnalyzer) index exactly our vocabulary:
 *   - fold: NFKC + lower case, one UTF-16 unit at a time (full-width → half-width);
 *   - CJK runs (Han, kana, hangul) → overlapping bigrams; a run of one character → that unigram;
 *   - Latin/Greek/Cyrillic letter+digit runs → one word, cut at 64 units, lightly stemmed;
 *   - anything else separates.
 * Our engine also indexes every CJK unigram (without positions, for one-character queries); the peers do not,
 * since no benchmark query is a single character — that only makes the peers' indexes smaller.
 * Positions: ours gives every CJK character a position, so two CJK runs split by punctuation (离子，电池) are two
 * positions apart at the seam, while in a plain token list their bigrams would touch and a phrase could match
 * across the comma. RUN_GAP is written after every such run when anything follows it (another run, a lone
 * character, a word: 离子abc puts abc at 2 in ours, at 1 in a bare token list), so the peers' phrases and NEAR
 * distances see our positions; without it a NEAR/n across a run found extra documents (the 1M proximity classes
 * were INVALID from that drift).
 * Reimplemented here rather than imported: core's analyser is internal, and the correctness gate (equal hit
 * counts) is what proves the two agree.
 */

const MAX_WORD = 64;
/** A token no text produces (words are letters/digits only and never this long run of z's with "gap"). */
export const RUN_GAP = "zzzgapzzz";
let foldTable: Uint16Array | null = null;

function fold(unit: number): number {
  if (foldTable === null) {
    foldTable = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) {
      foldTable[c] = c;
      if (c >= 0xd800 && c < 0xe000) continue;
      const folded = String.fromCharCode(c).normalize("NFKC").toLowerCase();
      if (folded.length === 1) foldTable[c] = folded.charCodeAt(0);
    }
    foldTable[0x3000] = 0x20;
  }
  return foldTable[unit];
}

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

function isWordChar(cp: number): boolean {
  return (
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0xdf && cp <= 0x24f && cp !== 0xf7 && cp !== 0xd7) ||
    (cp >= 0x370 && cp <= 0x4ff)
  );
}

/** Folds plurals, -ing, -ed and a final e so "batteries"/"battery", "charging"/"charge" meet; numbers stay. */
export function stem(word: string): string {
  if (word.length < 4) return word;
  const last = word.charCodeAt(word.length - 1);
  if (last >= 0x30 && last <= 0x39) return word;
  let s = word;
  if (s.endsWith("ies") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("sses")) s = s.slice(0, -2);
  else if (s.endsWith("es") && /(?:[sxz]|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.length > 5 && s.endsWith("ing")) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith("ed")) s = s.slice(0, -2);
  if (s.length > 4 && s.endsWith("e")) s = s.slice(0, -1);
  return s;
}

/**
 * Truncation as our engine expands it (core search/query/terms.ts): besides the terms starting with the prefix,
 * the stems of prefix + an ending the stemmer removes that were cut back into the prefix (vehicle* → vehicl).
 */
const STRIPPED_ENDINGS = (() => {
  const out = new Set<string>();
  for (const e of ["", "e"])
    for (const ing of ["", "ing", "ed"])
      for (const plural of ["", "s", "es", "ies"]) {
        const ending = e + ing + plural;
        for (let k = 0; k <= ending.length; k++) out.add(ending.slice(k));
      }
  return [...out];
})();

export function prefixStems(prefix: string): string[] {
  const stems = new Set<string>();
  for (const tail of STRIPPED_ENDINGS) {
    const s = stem(prefix + tail);
    if (!s.startsWith(prefix)) stems.add(s);
  }
  return [...stems];
}

/** The indexed terms of `text`, in position order. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let run = ""; // current CJK run (folded)
  let runLength = 0; // in code points
  let word = "";
  // A run of n ≥ 2 characters is n − 1 bigrams but n of our positions: whatever follows it (a word, a lone
  // character, another run) gets RUN_GAP first, so it sits where our engine puts it.
  let gapDue = false;
  const push = (token: string) => {
    if (gapDue) tokens.push(RUN_GAP);
    gapDue = false;
    tokens.push(token);
  };
  const flushRun = () => {
    if (runLength === 1) push(run);
    if (runLength > 1) gapDue = true;
    run = "";
    runLength = 0;
  };
  const flushWord = () => {
    if (word.length > 0) push(stem(word.slice(0, MAX_WORD)));
    word = "";
  };
  let prevChar = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let cp: number;
    let char: string;
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      char = text.slice(i, i + 2);
      i++;
    } else {
      cp = fold(unit);
      char = String.fromCharCode(cp);
    }
    if (isCjk(cp)) {
      flushWord();
      if (runLength > 0) push(prevChar + char);
      run += char;
      runLength++;
      prevChar = char;
    } else {
      flushRun();
      if (isWordChar(cp)) word += char;
      else flushWord();
    }
  }
  flushRun();
  flushWord();
  return tokens;
}

export function isCjkToken(token: string): boolean {
  return isCjk(token.codePointAt(0)!);
}

/**
 * A within-n distance in the peers' tokens: a CJK string of n characters is n − 1 bigram tokens but spans n of our
 * character positions (its last character's position is the next bigram's), so a peer counts one more token
 * between than we count positions when a side ends in CJK.
 */
export function peerNearDistance(left: string[], right: string[], distance: number): number {
  return isCjkToken(left[left.length - 1]) || isCjkToken(right[right.length - 1]) ? distance + 1 : distance;
}
