import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dict } from "./dict.js";
import { NumberHash, PairBuffer } from "./number-hash.js";
import { anMatches, pnMatches } from "./numbers.js";

// Small alphabets so that numbers share prefixes, differ by a kind code or a check digit, and collide in the hash.
const pnTerm = fc.stringMatching(/^(CN|US|WO)?[0-9]{1,4}([A-Z][0-9]?|[A-Z]{2})?$/);
const anTerm = fc.stringMatching(/^[0-9]{1,5}[0-9X]?$/);

/** findBatch's pairs, as find() would give them key by key ("" finds nothing: a number without that reading). */
function batched(index: NumberHash, keys: string[]): number[][] {
  const out = new PairBuffer(4); // small, so that it grows
  index.findBatch(keys, out);
  const byKey: number[][] = keys.map(() => []);
  for (let c = 0; c < out.length; c++) byKey[out.key[c]].push(out.ord[c]);
  return byKey.map((ords) => ords.sort((a, b) => a - b));
}

function brute(terms: string[], q: string, matches: (t: string, q: string) => boolean): number[] {
  return terms.flatMap((t, o) => (matches(t, q) ? [o] : []));
}

describe("NumberHash: the batch lookup's hash index answers exactly what a scan with pnMatches / anMatches answers", () => {
  it("PN: full numbers, numbers without a kind code, and numbers that are not there", () => {
    fc.assert(
      fc.property(fc.uniqueArray(pnTerm, { maxLength: 300 }), fc.array(pnTerm, { maxLength: 40 }), (raw, probes) => {
        const terms = [...raw].sort();
        const index = NumberHash.build(Dict.fromSorted(terms), "pn");
        const stripped = terms.map((t) => t.replace(/[A-Z]\d?$/, ""));
        for (const q of [...probes, ...terms, ...stripped, ""])
          expect(index.find(q)).toEqual(brute(terms, q, pnMatches));
        const keys = [...probes, "", ...stripped, ...terms];
        expect(batched(index, keys)).toEqual(keys.map((q) => (q === "" ? [] : brute(terms, q, pnMatches))));
      }),
      { numRuns: 300 },
    );
  });

  it("AN: with and without the check digit", () => {
    fc.assert(
      fc.property(fc.uniqueArray(anTerm, { maxLength: 300 }), fc.array(anTerm, { maxLength: 40 }), (raw, probes) => {
        const terms = [...raw].sort();
        const index = NumberHash.build(Dict.fromSorted(terms), "an");
        const stripped = terms.map((t) => t.slice(0, -1));
        for (const q of [...probes, ...terms, ...stripped]) expect(index.find(q)).toEqual(brute(terms, q, anMatches));
        const keys = [...stripped, "", ...probes, ...terms];
        expect(batched(index, keys)).toEqual(keys.map((q) => (q === "" ? [] : brute(terms, q, anMatches))));
      }),
      { numRuns: 300 },
    );
  });

  it("an empty dictionary finds nothing", () => {
    expect(NumberHash.build(Dict.fromSorted([]), "pn").find("CN1")).toEqual([]);
  });
});
