/**
 * Long postings lists take other code paths than the small property-test corpora: cached decoded lists,
 * position offsets for phrase checks, dense scoring, the accumulator fast path. A few thousand docs over a
 * tiny alphabet make every term long (over the 4096 thresholds once compacted); results must still equal plain
 * substring matching.
 */
import { describe, expect, it } from "vitest";
import { SearchEngine } from "./engine.js";
import { doc } from "./test-fixtures.js";

const ALPHABET = ["电", "池", "锂", "离", "子"];
let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const text = (n: number) =>
  Array.from({ length: n }, () => (rnd() < 0.1 ? "，" : ALPHABET[Math.floor(rnd() * 5)])).join("");

describe("large lists", () => {
  const docs = Array.from({ length: 6000 }, (_, i) =>
    doc(i + 1, { ti: text(6), ab: text(40), ad: 20200101 + (i % 28) }),
  );
  const e = SearchEngine.create();
  e.addDocuments(docs.slice(0, 3000));
  e.addDocuments(docs.slice(3000));
  e.deleteDocuments([5, 6, 7]);
  const live = docs.filter((d) => ![5, 6, 7].includes(d.id));
  const expected = (q: string) =>
    live
      .filter((d) => d.ti.includes(q) || d.ab.includes(q))
      .map((d) => d.id)
      .sort((a, b) => a - b);
  const got = (q: string, sort: "relevance" | "date_asc" = "date_asc") =>
    [...e.iterateIds(q, { sort })].sort((a, b) => a - b);

  it("matches phrases, words and characters exactly, repeatedly (cached lists)", () => {
    for (const q of ["电池", "锂离子", "离子电池", "池电锂离", "子", "电电电"]) {
      for (let rep = 0; rep < 2; rep++) {
        expect(got(q), q).toEqual(expected(q));
        expect(e.search(q, { limit: 5 }).total, q).toBe(expected(q).length);
      }
    }
  });

  it("agrees between the accumulator path and the general path, and across compaction", () => {
    const queries = [
      "电池 离子",
      "电池 OR 锂离",
      "电池 NOT 子电",
      "电池 AND AD>=20200110",
      '"锂离子" 池电',
      "电池 NEAR/3 离子",
    ];
    const before = queries.map((q) => e.search(q, { limit: 20, facets: ["year"] }));
    for (const [i, q] of queries.entries()) {
      const walked = [...e.iterateIds(q, { sort: "relevance" })].slice(0, 20);
      expect(
        before[i].hits.map((h) => h.id),
        q,
      ).toEqual(walked);
    }
    e.compact();
    const after = queries.map((q) => e.search(q, { limit: 20, facets: ["year"] }));
    for (const [i, q] of queries.entries()) {
      expect(after[i].total, q).toBe(before[i].total);
      expect(after[i].facets, q).toEqual(before[i].facets);
    }
    for (const q of ["锂离子", "离子电池"]) expect(got(q), q).toEqual(expected(q));
  });
});

describe("English phrases over lists of very different lengths", () => {
  // skewed word frequencies: "clock" is in nearly every doc (skip table, bitmap view), "orb" in a few hundred (position
  // offsets), "pme" in a few dozen (decoded per query, positions walked); repeated words exercise tf > 1
  const WORDS = ["clock", "clock", "clock", "gate", "gate", "orb", "slam", "pme", "lidar", "nano"];
  const word = () => (rnd() < 0.02 ? "pme" : WORDS[Math.floor(rnd() * WORDS.length)]);
  // the first and last docs hold every phrase tested: list ends are where merges go wrong
  const all = "clock gate orb slam pme clock pme orb slam nano lidar nano gate clock clock slam orb pme";
  // ids not in doc order (as after updates), so ties in score are broken against the order of the lists
  const docs = Array.from({ length: 5000 }, (_, i) =>
    doc(((i * 7919) % 5000) + 1, {
      ab: i === 0 || i === 4999 ? all : Array.from({ length: 2 + Math.floor(rnd() * 14) }, word).join(" "),
    }),
  );
  const e = SearchEngine.create();
  e.addDocuments(docs);
  const expected = (phrase: string) =>
    docs
      .filter((d) => ` ${d.ab} `.includes(` ${phrase} `))
      .map((d) => d.id)
      .sort((a, b) => a - b);

  it("finds exactly the docs holding the words in order", () => {
    const phrases = ["clock gate", "gate clock", "orb slam", "pme clock", "clock pme", "clock clock", "pme orb slam"];
    for (const p of [...phrases, "slam orb pme", "clock gate orb slam", "nano lidar nano"]) {
      const want = expected(p);
      for (let rep = 0; rep < 2; rep++) {
        expect(
          [...e.iterateIds(`AB="${p}"`, { sort: "date_asc" })].sort((a, b) => a - b),
          p,
        ).toEqual(want);
        expect(e.search(`"${p}"`, { limit: 3 }).total, p).toBe(want.length);
      }
    }
    expect(expected("clock gate").length).toBeGreaterThan(100); // the lists really are long
  });

  it("pages a single long word the same with block skipping as the export order", () => {
    for (const q of ["AB=clock", "AB=orb", "AB=pme"]) {
      const walked = [...e.iterateIds(q, { sort: "relevance" })];
      const paged: number[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 4; page++) {
        const r = e.search(q, { limit: 7, cursor });
        expect(r.total, q).toBe(walked.length);
        paged.push(...r.hits.map((h) => h.id));
        cursor = r.nextCursor ?? undefined;
      }
      expect(paged, q).toEqual(walked.slice(0, 28));
    }
  });
});
