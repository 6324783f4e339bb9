/** Document frequencies over a sample of the generated corpus: what the query builder picks its terms from. */
import type { PatentDoc } from "@zhichan/core/search/types.ts";
import { isCjk, isCjkToken, RUN_GAP, tokenize } from "./tokens.ts";

export interface CorpusStats {
  docs: number;
  /** token → docs containing it in ti, ab or cl. */
  dfAll: Map<string, number>;
  /** token → docs containing it in the title. */
  dfTitle: Map<string, number>;
  /** main IPC subclass → docs, and → title token → docs. */
  subclassDocs: Map<string, number>;
  subclassTitleDf: Map<string, Map<string, number>>;
  /** CJK substrings of 3–5 characters of titles → docs (phrase candidates). */
  dfCjkPhrase: Map<string, number>;
  /** Two adjacent word tokens "a b" → docs (English phrase candidates). */
  dfWordPair: Map<string, number>;
  /** Publication numbers of every 6th sample doc (batch lookup: numbers that exist at every size). */
  pns: string[];
}

/**
 * `words`: the generator's Han chunks of 2+ characters (word-like pieces of the real sample); phrase candidates are
 * limited to one such word of 3–4 characters or two adjacent words, which keeps the map small and the phrases real.
 */
export function collectStats(docs: Iterable<PatentDoc>, words: ReadonlySet<string>): CorpusStats {
  const stats: CorpusStats = {
    docs: 0,
    dfAll: new Map(),
    dfTitle: new Map(),
    subclassDocs: new Map(),
    subclassTitleDf: new Map(),
    dfCjkPhrase: new Map(),
    dfWordPair: new Map(),
    pns: [],
  };
  for (const doc of docs) {
    if (stats.docs % 6 === 0) stats.pns.push(doc.pn);
    stats.docs++;
    const titleTokens = new Set(tokenize(doc.ti));
    const allTokens = [...tokenize(doc.ti), ...tokenize(doc.ab), ...tokenize(doc.cl)];
    countOnce(stats.dfTitle, titleTokens);
    countOnce(stats.dfAll, allTokens);
    countOnce(stats.dfWordPair, wordPairs([doc.ti, doc.ab]));
    countOnce(stats.dfCjkPhrase, cjkPhrases(doc.ti, words)); // titles only: abstracts would add millions of keys
    const subclass = doc.ipc.length > 0 ? doc.ipc[0].slice(0, 4) : "";
    if (subclass.length === 4) {
      stats.subclassDocs.set(subclass, (stats.subclassDocs.get(subclass) ?? 0) + 1);
      let perSubclass = stats.subclassTitleDf.get(subclass);
      if (!perSubclass) {
        perSubclass = new Map();
        stats.subclassTitleDf.set(subclass, perSubclass);
      }
      countOnce(perSubclass, titleTokens);
    }
  }
  return stats;
}

function countOnce(df: Map<string, number>, items: Iterable<string>): void {
  for (const item of new Set(items)) df.set(item, (df.get(item) ?? 0) + 1);
}

/** Adjacent word tokens within each text (English phrase candidates); CJK in between breaks adjacency. */
function wordPairs(texts: string[]): string[] {
  const pairs: string[] = [];
  for (const text of texts) {
    const tokens = tokenize(text);
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [a, b] = [tokens[i], tokens[i + 1]];
      if (/^[a-z]{2,}$/.test(a) && /^[a-z]{2,}$/.test(b) && a !== RUN_GAP && b !== RUN_GAP) pairs.push(`${a} ${b}`);
    }
  }
  return pairs;
}

function cjkPhrases(text: string, words: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const phrase = run.slice(i, i + n);
        if ((n <= 4 && words.has(phrase)) || isTwoWords(phrase, words)) out.push(phrase);
      }
    }
  }
  return out;
}

function isTwoWords(phrase: string, words: ReadonlySet<string>): boolean {
  for (let cut = 2; cut <= phrase.length - 2; cut++) {
    if (words.has(phrase.slice(0, cut)) && words.has(phrase.slice(cut))) return true;
  }
  return false;
}

export function isBigram(token: string): boolean {
  return token.length === 2 && isCjk(token.charCodeAt(0)) && isCjk(token.charCodeAt(1));
}

export function isEnglishWord(token: string): boolean {
  return token !== RUN_GAP && !isCjkToken(token) && /^[a-z]{3,}$/.test(token);
}
