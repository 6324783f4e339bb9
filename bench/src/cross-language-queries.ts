/**
 * The cross-language class (issue #16 item 7): an English word of the corpus OR'ed with the Chinese word the
 * shipped dictionary gives for it — the query our engine runs when a user switches cross-language search on
 * (`battery` with crossLanguage=1 is `battery OR 电池`; docs/QUERY.md). Spelled as a plain OR, so both peers
 * answer the same question. Pairs come from the dictionary and the corpus only: the English word's stem and the
 * two-character headword (its first sense) must both occur in the sample.
 */
import { BilingualDictionary } from "../../apps/server/src/modules/search/bilingual-dictionary.ts";
import { type CorpusStats, isBigram, isEnglishWord } from "./corpus-stats.ts";
import type { BenchNode } from "./query-ast.ts";
import { stem } from "./tokens.ts";

export function crossLanguageQueries(
  stats: CorpusStats,
  words: ReadonlySet<string>,
  count: number,
  dictionary: () => BilingualDictionary = () => BilingualDictionary.load(),
): BenchNode[] {
  const dict = dictionary();
  const pairs: Array<{ en: string; zh: string; df: number }> = [];
  for (const gloss of dict.englishWords()) {
    if (!/^[a-z]{4,}$/.test(gloss)) continue;
    const en = stem(gloss);
    const enDf = isEnglishWord(en) ? (stats.dfAll.get(en) ?? 0) : 0;
    if (enDf === 0) continue;
    const zh = dict.toChinese(gloss).find((c) => c.rank === 0 && isBigram(c.zh) && words.has(c.zh))?.zh;
    const zhDf = zh ? (stats.dfAll.get(zh) ?? 0) : 0;
    if (zh && zhDf > 0 && !pairs.some((p) => p.en === en)) pairs.push({ en, zh, df: enDf + zhDf });
  }
  // evenly over the pairs ordered by frequency: rare and frequent ones both timed
  pairs.sort((a, b) => b.df - a.df || (a.en < b.en ? -1 : 1));
  const picked =
    pairs.length <= count
      ? pairs
      : Array.from({ length: count }, (_, i) => pairs[Math.floor(((i + 0.5) * pairs.length) / count)]);
  return picked.map(
    (p): BenchNode => ({
      kind: "or",
      children: [
        { kind: "text", scope: "all", text: p.en },
        { kind: "text", scope: "all", text: p.zh },
      ],
    }),
  );
}
