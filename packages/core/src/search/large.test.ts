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
