/**
 * The one analyser, used for indexing and for query terms alike.
 *
 * Positions: every CJK character and every word takes one position; separators take none. A CJK run of n
 * characters starting at position p yields bigram (i, i+1) at p+i, and a unigram for its last character at
 * p+n-1. So a query of n CJK characters is the phrase of its n-1 consecutive bigrams, and "离子" inside
 * "锂离子电池" is the bigram at the second position.
 *
 * Only the last character of a run is indexed as a unigram: every other character starts a bigram, so the docs
 * containing character c are the union of the terms starting with c (the unigram c and the bigrams c?, one
 * contiguous dictionary range). That halves the tokens to index and keeps the index under 1 KB per document;
 * one-character queries, which are rare, pay with a union over that range.
 *
 * Token keys (index side, so no string is built per token): a CJK unigram is (cp, -1), a bigram (c1, c2),
 * a word is (WORD_KEY, -1) with the text in `words`.
 */
import { isCjk, isWordChar } from "./chars.js";
import { foldTable } from "./fold.js";
import { stem } from "./stem.js";

export const WORD_KEY = -1;
const MAX_WORD = 64;

export class TokenStream {
  n = 0;
  a = new Int32Array(256); // code point, first code point of a bigram, or WORD_KEY
  b = new Int32Array(256); // second code point of a bigram, else -1
  pos = new Int32Array(256);
  words: string[] = [];
  reset(): void {
    this.n = 0;
  }
  push(a: number, b: number, position: number, word: string): void {
    if (this.n === this.a.length) {
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.pos = grow(this.pos);
    }
    this.a[this.n] = a;
    this.b[this.n] = b;
    this.pos[this.n] = position;
    this.words[this.n] = word;
    this.n++;
  }
}

function grow(x: Int32Array): Int32Array<ArrayBuffer> {
  const y = new Int32Array(x.length * 2);
  y.set(x);
  return y;
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
        width = cp > 0xffff ? 2 : 1; // a lone high surrogate is one unit
      } else cp = fold[u];
    }
    const word = cp >= 0 && isWordChar(cp);
    if (wordStart >= 0 && !word) {
      out.push(WORD_KEY, -1, pos++, wordToken(text, wordStart, i));
      wordStart = -1;
    }
    if (cp >= 0 && isCjk(cp)) {
      if (prevCjk >= 0) out.push(prevCjk, cp, pos - 1, "");
      pos++;
      prevCjk = cp;
    } else {
      if (prevCjk >= 0) out.push(prevCjk, -1, pos - 1, ""); // the run's last character
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

/** The dictionary string of a CJK token (b = -1 for a unigram). */
export function cjkTerm(a: number, b: number): string {
  return b < 0 ? String.fromCodePoint(a) : String.fromCodePoint(a) + String.fromCodePoint(b);
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

const queryStream = new TokenStream();

/**
 * Query-side analysis: the tokens a value must match, in order. A CJK run of one character gives its unigram;
 * a longer run gives only its bigrams (they imply the unigrams).
 */
export function analyzeQuery(text: string): QueryToken[] {
  const ts = queryStream;
  ts.reset(); // reused: queries are analysed one at a time and the tokens are copied out below
  tokenize(text, ts, 0);
  const raw: QueryToken[] = [];
  for (let i = 0; i < ts.n; i++) {
    if (ts.a[i] === WORD_KEY) raw.push({ term: ts.words[i], pos: ts.pos[i], cjk: false });
    else raw.push({ term: cjkTerm(ts.a[i], ts.b[i]), pos: ts.pos[i], cjk: true });
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
