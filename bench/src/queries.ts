/**
 * Builds the concrete query list from the generated corpus's own statistics (a fixed sample: the first docs of the
 * stream, identical for every size), so every class hits and the same queries run at 100k, 1M and 5M.
 * Selectivities are fractions of the sample; at larger sizes the hit counts scale with the corpus.
 */
import { type CorpusStats, isBigram, isEnglishWord } from "./corpus-stats.ts";
import { crossLanguageQueries } from "./cross-language-queries.ts";
import { BENCH_FACETS } from "./facet-values.ts";
import type { BenchNode, BenchQuery, QueryClass, TextNode } from "./query-ast.ts";
import { prefixStems, stem } from "./tokens.ts";

/** Queries per class in the standard run (each timed many times); replay mode asks for hundreds (replay.ts). */
const DEFAULT_PER_CLASS = 5;

/** `words`: the generator's word-like Han chunks; CJK query terms are chosen among them (制造, not 的确). */
export function buildQueries(
  stats: CorpusStats,
  words: ReadonlySet<string>,
  perClass = DEFAULT_PER_CLASS,
): BenchQuery[] {
  const n = stats.docs;
  const isWord = (t: string) => (isBigram(t) && words.has(t)) || isEnglishWord(t);
  const terms = [...stats.dfAll.entries()].filter(([t]) => isWord(t));
  const inRange = (entries: Array<[string, number]>, lo: number, hi: number) =>
    entries.filter(([, df]) => df >= lo * n && df <= hi * n);

  // rare: 3–10 docs in the sample (0.01–0.03%), one of them English; mid: 0.3–1%; frequent: the top words
  const englishWords = terms.filter(([t]) => isEnglishWord(t));
  const rare = [
    ...spread(inRange(terms, 3 / n, 10 / n), perClass - 1),
    ...spread(inRange(englishWords, 3 / n, 30 / n), 1),
  ];
  const mid = spread(inRange(terms, 0.003, 0.01), perClass);
  const frequent = byDf(terms)
    .slice(0, perClass * 2)
    .filter((_, i) => i % 2 === 0)
    .map(([t]) => t);
  // two-character words searched in the title, 0.2–3% of titles
  const titleWords = spread(
    inRange(
      [...stats.dfTitle.entries()].filter(([t]) => isBigram(t) && words.has(t)),
      0.002,
      0.03,
    ),
    perClass,
  );

  const queries: BenchQuery[] = [];
  const add = (cls: QueryClass, node: BenchNode, facet: BenchQuery["facet"] = null, group?: "invention") =>
    queries.push({
      id: `${cls}-${queries.filter((q) => q.cls === cls).length + 1}`,
      cls,
      node,
      facet,
      ...(group ? { group } : {}),
    });
  const bare = (text: string): TextNode => ({ kind: "text", scope: "all", text });
  const title = (text: string): TextNode => ({ kind: "text", scope: "title", text });

  for (const t of rare) add("term-rare", bare(t));
  for (const t of mid) add("term-mid", bare(t));
  for (const t of frequent) add("term-frequent", bare(t));
  for (const t of titleWords) add("cjk-2char", title(t));
  for (let i = 0; i < perClass; i++) {
    const [f, m, m2] = [frequent[i % frequent.length], mid[i % mid.length], mid[(i + 1) % mid.length]];
    add("bool-and", { kind: "and", children: [bare(f), bare(m)] });
    add("bool-or", { kind: "or", children: [bare(m), bare(m2)] });
    add("bool-not", { kind: "andNot", left: bare(f), right: bare(m) });
  }
  const fieldQueries = subclassTitleWords(stats, words, perClass).map(
    ([subclass, word]): BenchNode => ({
      kind: "and",
      children: [title(word), { kind: "ipc", prefix: subclass }, { kind: "date", fromYear: 2018, toYear: 2020 }],
    }),
  );
  for (const node of fieldQueries) add("field-ipc-date", node);
  for (const phrase of cjkPhrases(stats, Math.max(1, Math.round(perClass / 5)))) add("phrase-cjk", bare(phrase));
  for (const pair of spread(
    [...stats.dfWordPair.entries()].filter(([, df]) => df >= 3),
    Math.max(3, perClass - 2),
  ))
    add("phrase-en", bare(pair));
  for (const node of truncations(englishWords, n, perClass)) add("truncation", node);
  const { english, cjk } = proximityPairs(stats, perClass);
  for (const node of proximities(english, UNORDERED, false)) add("proximity", node);
  for (const node of proximities(cjk, UNORDERED, false)) add("proximity-cjk", node);
  for (const node of proximities([...english, ...cjk], ORDERED, true)) add("proximity-ordered", node);
  add("lookup-10k", { kind: "numbers", numbers: lookupNumbers(stats.pns, 10_000) });
  for (const node of crossLanguageQueries(stats, words, perClass)) add("cross-language", node);
  // group=invention ("one invention per application"): a frequent and a mid word, their AND, a filtered title
  // word and every document, each counted by invention (application) instead of by publication
  const grouped: BenchNode[] = [
    bare(frequent[0]),
    bare(mid[0]),
    { kind: "and", children: [bare(frequent[0]), bare(mid[0])] },
    fieldQueries[0],
    { kind: "all" },
  ];
  for (const node of grouped) add("group-invention", node, null, "invention");
  for (const [cls, fraction] of [
    ["facet-0.1%", 0.001],
    ["facet-1%", 0.01],
    ["facet-10%", 0.1],
  ] as const) {
    // one term per facet by default; in replay mode the terms nearest the selectivity, each facet in turn
    const picked = closestDfs(terms, fraction * n, Math.max(1, Math.ceil(perClass / 5)));
    for (const term of picked) for (const facet of BENCH_FACETS) add(cls, bare(term), facet);
  }
  for (const facet of BENCH_FACETS) add("facet-100%", { kind: "all" }, facet);
  return queries;
}

function byDf(entries: Array<[string, number]>): Array<[string, number]> {
  return [...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** `count` items evenly spaced over the df-ordered candidates (deterministic). */
function spread(entries: Array<[string, number]>, count: number): string[] {
  const sorted = byDf(entries);
  if (sorted.length <= count) return sorted.map(([t]) => t);
  return Array.from({ length: count }, (_, i) => sorted[Math.floor(((i + 0.5) * sorted.length) / count)][0]);
}

/** The `count` terms whose document frequency is nearest `target` (ties by term, so deterministic). */
function closestDfs(entries: Array<[string, number]>, target: number, count: number): string[] {
  return [...entries]
    .sort((a, b) => Math.abs(a[1] - target) - Math.abs(b[1] - target) || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([t]) => t);
}

/** The most common main subclasses, each with its most typical title word that is not common everywhere. */
function subclassTitleWords(stats: CorpusStats, words: ReadonlySet<string>, count: number): Array<[string, string]> {
  const subclasses = byDf([...stats.subclassDocs.entries()]).slice(0, count);
  return subclasses.map(([subclass]) => {
    const local = [...(stats.subclassTitleDf.get(subclass) ?? new Map<string, number>()).entries()].filter(
      ([t]) => isBigram(t) && words.has(t) && (stats.dfTitle.get(t) ?? 0) < 0.03 * stats.docs,
    );
    return [subclass, byDf(local)[0]?.[0] ?? "系统"];
  });
}

/** Multi-character CJK phrases: one 3-, 4- and 5-character title substring each at two selectivities, plus 锂离子电池. */
function cjkPhrases(stats: CorpusStats, each: number): string[] {
  const n = stats.docs;
  const phrases: string[] = [];
  for (const length of [3, 4, 5]) {
    const candidates = [...stats.dfCjkPhrase.entries()].filter(([p]) => p.length === length);
    phrases.push(
      ...spread(
        candidates.filter(([, df]) => df >= 0.0005 * n && df <= 0.01 * n),
        each,
      ),
    );
  }
  phrases.push(
    ...spread(
      [...stats.dfCjkPhrase.entries()].filter(([, df]) => df >= 0.002 * n && df <= 0.02 * n),
      each,
    ),
  );
  if ((stats.dfCjkPhrase.get("锂离子电池") ?? 0) > 0) phrases.push("锂离子电池");
  return [...new Set(phrases)];
}

/**
 * English truncations over stems found in 0.1–3% of the sample: the stem less its last letter (a plain dictionary
 * range, as every engine truncates) and a word form whose stem is shorter than it (vehicle* → vehicl, which only
 * our engine's expansion finds besides the range; the peers are given the same stems explicitly).
 */
function truncations(englishWords: Array<[string, number]>, n: number, count: number): BenchNode[] {
  const stems = spread(
    englishWords.filter(([t, df]) => t.length >= 5 && df >= 0.0003 * n && df <= 0.03 * n),
    count,
  );
  return stems.map((s, i) => {
    const surface = ["e", "es", "s", "ing", "ed"].map((e) => s + e).find((w) => stem(w) === s);
    const prefix = i % 2 === 0 || !surface ? s.slice(0, -1) : surface;
    return { kind: "prefix", scope: "all", prefix, stems: prefixStems(prefix) };
  });
}

/** Spellings of the proximity operators (docs/QUERY.md section 7): unordered, then ordered. */
const UNORDERED = [
  (d: number) => `NEAR/${d}`,
  (d: number) => `W/${d}`,
  (d: number) => `${d}D`,
  (d: number) => `NEAR${d + 1}`,
];
const ORDERED = [
  (d: number) => `PRE/${d}`,
  (d: number) => `${d}W`,
  (d: number) => `ADJ/${d}`,
  (d: number) => `ADJ${d + 1}`,
];

/**
 * Word pairs seen side by side in the sample (so they hit), to be searched within a few words of each other:
 * English pairs, and the two halves of four-character title phrases. The peers tokenise CJK as bigrams, so where
 * Chinese and Latin text mix their positions drift from ours (docs/QUERY.md counts characters): FTS5 is compared
 * on the English pairs, and shown on the CJK pairs without being expected to agree.
 */
function proximityPairs(
  stats: CorpusStats,
  count: number,
): { english: Array<[string, string]>; cjk: Array<[string, string]> } {
  const english = spread(
    [...stats.dfWordPair.entries()].filter(([, df]) => df >= 3),
    count,
  ).map((p) => p.split(" ") as [string, string]);
  const cjk = spread(
    [...stats.dfCjkPhrase.entries()].filter(([p, df]) => p.length === 4 && df >= 0.0005 * stats.docs),
    count - 1,
  ).map((p): [string, string] => [p.slice(0, 2), p.slice(2)]);
  return { english, cjk };
}

function proximities(pairs: Array<[string, string]>, spellings: typeof UNORDERED, ordered: boolean): BenchNode[] {
  return pairs.map(([left, right], i): BenchNode => {
    const distance = 1 + (i % 3);
    return { kind: "near", left, right, distance, ordered, spelling: spellings[i % spellings.length](distance) };
  });
}

/** `count` numbers in a fixed order: the sample's publication numbers (they exist at every size), then ones no
 * document has, interleaved. */
function lookupNumbers(existing: string[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    out.push(i % 2 === 0 && i / 2 < existing.length ? existing[i / 2] : `CN7${String(i).padStart(8, "0")}A`);
  }
  return out;
}
