/**
 * Highlighting for result lists: everything is HTML-escaped, matched spans are wrapped in <em></em>.
 * Matching mirrors the analyser: CJK by character sequence (so a bigram or a phrase is found as a substring),
 * Latin words by stem, `word*` by prefix, all after the same character folding.
 */
import { isCjk, isWordChar } from "./analysis/chars.js";
import { foldTable } from "./analysis/fold.js";
import { stem } from "./analysis/stem.js";
import { prefixCompletionStems } from "./query/terms.js";

interface Unit {
  start: number;
  end: number;
  cjk: boolean;
  text: string; // CJK: the character; word: folded word
  stem: string;
}

function units(text: string): Unit[] {
  const fold = foldTable();
  const out: Unit[] = [];
  let wordStart = -1;
  let word = "";
  for (let i = 0; i <= text.length; i++) {
    let cp = -1;
    let width = 1;
    if (i < text.length) {
      const u = text.charCodeAt(i);
      if (u >= 0xd800 && u < 0xdc00 && i + 1 < text.length) {
        cp = text.codePointAt(i)!;
        width = cp > 0xffff ? 2 : 1; // a lone high surrogate is one unit
      } else cp = fold[u];
    }
    const isWord = cp >= 0 && isWordChar(cp);
    if (wordStart >= 0 && !isWord) {
      out.push({ start: wordStart, end: i, cjk: false, text: word, stem: stem(word.slice(0, 64)) });
      wordStart = -1;
      word = "";
    }
    if (isWord) {
      if (wordStart < 0) wordStart = i;
      word += String.fromCharCode(cp);
    } else if (cp >= 0 && isCjk(cp)) {
      const ch = String.fromCodePoint(cp);
      out.push({ start: i, end: i + width, cjk: true, text: ch, stem: ch });
    }
    i += width - 1;
  }
  return out;
}

/** As the engine expands `word*` (query/terms.ts): the word or its stem starts with it, or is one of its cut-back stems. */
function prefixMatches(u: Unit, prefix: string): boolean {
  return u.text.startsWith(prefix) || u.stem.startsWith(prefix) || prefixCompletionStems(prefix).includes(u.stem);
}

/** Matched [start, end) spans of the original text, sorted and merged. */
export function matchSpans(text: string, terms: string[]): [number, number][] {
  const tu = units(text);
  const spans: [number, number][] = [];
  for (const raw of terms) {
    const prefix = raw.endsWith("*");
    const pu = units(prefix ? raw.replace(/\*+$/, "") : raw);
    if (pu.length === 0) continue;
    for (let i = 0; i + pu.length <= tu.length; i++) {
      let ok = true;
      for (let j = 0; j < pu.length && ok; j++) {
        const a = tu[i + j];
        const b = pu[j];
        if (a.cjk !== b.cjk) ok = false;
        else if (prefix && j === pu.length - 1 && !b.cjk) ok = prefixMatches(a, b.text);
        else ok = a.stem === b.stem;
        // consecutive CJK characters of the term must be adjacent in the text too
        if (ok && j > 0 && a.cjk && b.cjk && pu[j - 1].cjk && tu[i + j - 1].end !== a.start) ok = false;
      }
      if (ok) spans.push([tu[i].start, tu[i + pu.length - 1].end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  );
}

function render(text: string, spans: [number, number][], from: number, to: number): string {
  let out = "";
  let at = from;
  for (const [s0, e0] of spans) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s) continue;
    out += `${escapeHtml(text.slice(at, s))}<em>${escapeHtml(text.slice(s, e))}</em>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at, to));
}

/** The whole text, escaped, with matches in <em>. */
export function highlight(text: string, terms: string[]): string {
  return render(text, matchSpans(text, terms), 0, text.length);
}

/** The window of at most maxChars with the most matches, escaped and highlighted, with … where cut. */
export function snippet(text: string, terms: string[], maxChars = 160): string {
  const spans = matchSpans(text, terms);
  let start = 0;
  if (text.length > maxChars && spans.length > 0) {
    let best = -1;
    const lead = Math.min(20, Math.floor(maxChars / 4)); // context shown before the first match
    for (const [s] of spans) {
      const from = Math.max(0, Math.min(s - lead, text.length - maxChars));
      let count = 0;
      for (const [a, b] of spans) if (a >= from && b <= from + maxChars) count++;
      if (count > best) {
        best = count;
        start = from;
      }
    }
  }
  let end = Math.min(text.length, start + maxChars);
  // never split a surrogate pair
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start++;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  return (start > 0 ? "…" : "") + render(text, spans, start, end) + (end < text.length ? "…" : "");
}

function isLowSurrogate(u: number): boolean {
  return u >= 0xdc00 && u < 0xe000;
}
