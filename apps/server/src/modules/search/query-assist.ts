/**
 * What the search service adds around a query (issue #16 items 7 and 9): the cross-language expansions of its
 * words, and, for a query with no hits, the sub-queries that do hit with their exact counts.
 */

import type { SearchEngine } from "@zhichan/core/search/engine.ts";
import { expandableWords, parseQuery, suggestionCandidates } from "@zhichan/core/search/index.ts";
import type { GroupBy, RegionResolver } from "@zhichan/core/search/types.ts";
import type { CrossLanguageWord, QuerySuggestion } from "@zhichan/shared/search-assist.ts";
import { BilingualDictionary } from "./bilingual-dictionary.js";
import { crossLanguageExpansions } from "./cross-language.js";

export interface AssistSources {
  /** Whether a Chinese word occurs in an IPC title (the reference module's IPC table). */
  inIpcTitles: (zh: string) => boolean;
  /** The dictionary; read from data/dictionary on first use when not given. */
  dictionary?: () => BilingualDictionary;
}

/** Word counts kept for the chips' "has hits" check; cleared when the index changes size or grows past this. */
const MAX_CACHED_COUNTS = 5000;

export interface Expanded {
  words: CrossLanguageWord[];
  map: Map<string, string[]> | undefined;
}

export class QueryAssist {
  private dict: BilingualDictionary | null = null;
  private counts = new Map<string, number>();
  private countsAt = -1;

  constructor(
    private readonly engine: () => SearchEngine,
    private readonly regionResolver: RegionResolver,
    private readonly sources: AssistSources,
  ) {}

  private dictionary(): BilingualDictionary {
    this.dict ??= this.sources.dictionary?.() ?? BilingualDictionary.load();
    return this.dict;
  }

  /** A word searched alone in title, abstract and claims (a phrase when it has spaces). */
  private wordHits(word: string): number {
    const engine = this.engine();
    if (this.countsAt !== engine.docCount || this.counts.size > MAX_CACHED_COUNTS) {
      this.counts.clear();
      this.countsAt = engine.docCount;
    }
    let n = this.counts.get(word);
    if (n === undefined) {
      n = engine.search(`"${word.replaceAll('"', "")}"`, { limit: 0 }).total;
      this.counts.set(word, n);
    }
    return n;
  }

  /** The words added for the query's words (none when off); a bad query is left to the search to report. */
  expand(q: string, on: boolean, drop: readonly string[]): Expanded {
    if (!on) return { words: [], map: undefined };
    let words: string[];
    try {
      words = expandableWords(parseQuery(q, { regionResolver: this.regionResolver }));
    } catch {
      return { words: [], map: undefined };
    }
    const added = crossLanguageExpansions(words, drop, {
      dictionary: () => this.dictionary(),
      inIpcTitles: this.sources.inIpcTitles,
      hits: (w) => this.wordHits(w),
    });
    return { words: added, map: new Map(added.map((a) => [a.word, a.added])) };
  }

  /** Sub-queries of a query without hits that do hit, most hits first (at most 12 are counted). */
  suggest(q: string, group: GroupBy | undefined, expansions: Map<string, string[]> | undefined): QuerySuggestion[] {
    const engine = this.engine();
    const out: QuerySuggestion[] = [];
    for (const c of suggestionCandidates(q, { regionResolver: this.regionResolver })) {
      const count = engine.search(c.query, { limit: 0, regionResolver: this.regionResolver, group, expansions }).total;
      if (count > 0) out.push({ ...c, count });
    }
    return out.sort((a, b) => b.count - a.count);
  }
}
