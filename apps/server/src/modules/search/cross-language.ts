/**
 * Which words cross-language search adds for a query (docs/QUERY.md, "跨语言检索"). Only what the dictionary
 * says, never a translation of our own:
 * - an English word (or a phrase in quotes) → the Chinese headwords it glosses, keeping a headword when the word is
 *   its first sense, or the second of only two and the headword occurs in an IPC title (the IPC's Chinese vocabulary
 *   marks technical terms: 电瓶 "accumulator; battery" is kept, 殴打 and 媒介 "intermediary; vehicle; …" are
 *   not); a plural without an entry is looked up singular;
 * - a Chinese word → its English glosses;
 * - at most MAX_ADDED per word, words the user removed left out, and words with no hit in the index left out
 *   (they would add nothing but noise to the chips).
 */
import type { BilingualDictionary } from "./bilingual-dictionary.js";

export const MAX_ADDED = 4;
const LATIN = /^[a-z][a-z0-9\- ]*$/;
const HAN = /^[\u4e00-\u9fff]+$/;

export interface CrossLanguageDeps {
  dictionary: () => BilingualDictionary;
  /** Whether a Chinese word occurs in an IPC title. */
  inIpcTitles: (zh: string) => boolean;
  /** Hits of a word searched alone (title, abstract, claims). */
  hits: (word: string) => number;
}

export function singular(word: string): string | null {
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return null;
  if (word.endsWith("s") && word.length > 3) return word.slice(0, -1);
  return null;
}

/** The added words of one query word (folded text), before the user's removals. */
export function candidatesFor(word: string, deps: CrossLanguageDeps): string[] {
  const dict = deps.dictionary();
  if (LATIN.test(word)) {
    let found = dict.toChinese(word);
    const one = found.length === 0 ? singular(word) : null;
    if (one) found = dict.toChinese(one);
    const kept = found.filter((c) => c.rank === 0 || (c.rank === 1 && c.senses === 2 && deps.inIpcTitles(c.zh)));
    // IPC vocabulary first, then first senses, each in dictionary order
    kept.sort((a, b) => Number(deps.inIpcTitles(b.zh)) - Number(deps.inIpcTitles(a.zh)));
    return [...new Set(kept.map((c) => c.zh))];
  }
  if (HAN.test(word)) return dict.toEnglish(word);
  return [];
}

export function crossLanguageExpansions(
  words: string[],
  drop: readonly string[],
  deps: CrossLanguageDeps,
): { word: string; added: string[] }[] {
  const dropped = new Set(drop.map((w) => w.toLowerCase()));
  const out: { word: string; added: string[] }[] = [];
  for (const word of words) {
    const added = candidatesFor(word, deps)
      .filter((w) => !dropped.has(w.toLowerCase()) && !words.includes(w))
      .slice(0, 2 * MAX_ADDED) // bounds the counting below
      .filter((w) => deps.hits(w) > 0)
      .slice(0, MAX_ADDED);
    if (added.length > 0) out.push({ word, added });
  }
  return out;
}
