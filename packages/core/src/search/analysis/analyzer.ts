/**
 * The one analyser, used for indexing and for query terms alike.
 *
 * Positions: every CJK character and every word takes one position; separators take none. A CJK run of n
 * characters starting at position p yields unigram i at p+i and bigram (i, i+1) at p+i. So a query of n CJK
 * characters is the phrase of its n-1 consecutive bigrams, and "离子" inside "锂离子电池" is the bigram at the
 * second position. Unigrams are indexed without positions (only one-character queries use them), which keeps the
 * index under 1 KB per document.
 *
 * Term keys (index side, to avoid building strings per token): a CJK unigram is its code point (< 0x110000), a
 * bigram is (c1 + 1) * 0x110000 + c2 (always >= 0x110000), a word is key -1 with the text in `words`.
 */
import { isCjk, isWordChar } from "./chars.js";
import { foldTable } from "./fold.js";
import { stem } from "./stem.js";

export const CJK_SPAN = 0x110000;
export const WORD_KEY = -1;
const MAX_WORD = 64;

export class TokenStream {
  n = 0;
  keys = new Float64Array(256);
  pos = new Int32Array(256);
  words: string[] = [];
  reset(): void {
    this.n = 0;
  }
  push(key: number, position: number, word: string): void {
    if (this.n === this.keys.length) {
      const k = new Float64Array(this.n * 2);
      k.set(this.keys);
      this.keys = k;
      const p = new Int32Array(this.n * 2);
      p.set(this.pos);
      this.pos = p;
    }
    this.keys[this.n] = key;
    this.pos[this.n] = position;
    this.words[this.n] = word;
    this.n++;
  }
}

/** Tokenises `text` into `out` starting at position `pos`; returns the next free position. */
export function tokenize(text: string, out: TokenStream, pos: number): number {
  const fold = foldTable();
  let prevCjk = -1; // previous CJK code point in the current run, or -1
  let wordStart = -1;
  const len = text.length;
  for (let i = 0; i <= len; i++) {
    let cp = -1;
    let width = 1;
    if (i < len) {
      const u = text.charCodeAt(i);
      if (u >= 0xd800 && u < 0xdc00 && i + 1 < len) {
        cp = text.codePointAt(i)!;
        width = 2;
      } else cp = fold[u];
    }
    const word = cp >= 0 && isWordChar(cp);
    if (wordStart >= 0 && !word) {
      out.push(WORD_KEY, pos++, wordToken(text, wordStart, i));
      wordStart = -1;
    }
    if (cp >= 0 && isCjk(cp)) {
      if (prevCjk >= 0) out.push((prevCjk + 1) * CJK_SPAN + cp, pos - 1, "");
      out.push(cp, pos++, "");
      prevCjk = cp;
    } else {
      prevCjk = -1;
      if (word && wordStart < 0) wordStart = i;
    }
    i += width - 1;
  }
  return pos;
}

function wordToken(text: string, from: number, to: number): string {
  const fold = foldTable();
  let w = "";
  const end = Math.min(to, from + MAX_WORD);
  for (let i = from; i < end; i++) w += String.fromCharCode(fold[text.charCodeAt(i)]);
  return stem(w);
}

/** The dictionary string of a CJK key. */
export function cjkKeyToTerm(key: number): string {
  if (key < CJK_SPAN) return String.fromCodePoint(key);
  const c1 = Math.floor(key / CJK_SPAN) - 1;
  return String.fromCodePoint(c1) + String.fromCodePoint(key % CJK_SPAN);
}

/** Whether a dictionary term carries positions: everything but a single CJK character. */
export function termHasPositions(term: string): boolean {
  const cp = term.codePointAt(0)!;
  return !(isCjk(cp) && term.length === (cp > 0xffff ? 2 : 1));
}

export interface QueryToken {
  term: string;
  pos: number; // relative to the first token
  cjk: boolean;
}

/**
 * Query-side analysis: the tokens a value must match, in order. A CJK run of one character gives its unigram;
 * a longer run gives only its bigrams (they imply the unigrams).
 */
export function analyzeQuery(text: string): QueryToken[] {
  const ts = new TokenStream();
  tokenize(text, ts, 0);
  const raw: QueryToken[] = [];
  for (let i = 0; i < ts.n; i++) {
    const key = ts.keys[i];
    if (key === WORD_KEY) raw.push({ term: ts.words[i], pos: ts.pos[i], cjk: false });
    else raw.push({ term: cjkKeyToTerm(key), pos: ts.pos[i], cjk: true });
  }
  // drop unigrams covered by a bigram at the same or previous position
  const bigramAt = new Set<number>();
  for (const t of raw) if (t.cjk && !isSingleCjk(t.term)) bigramAt.add(t.pos);
  const out = raw.filter((t) => !(t.cjk && isSingleCjk(t.term) && (bigramAt.has(t.pos) || bigramAt.has(t.pos - 1))));
  const base = out.length > 0 ? out[0].pos : 0;
  for (const t of out) t.pos -= base;
  return out;
}

function isSingleCjk(term: string): boolean {
  return !termHasPositions(term);
}
