import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { denseHas, denseIndex, denseOf } from "./dense.js";
import { filterByLists, gallop, intersect, seek, skipsOf } from "./setops.js";

const sortedUnique = (xs: number[]) => Int32Array.from([...new Set(xs)].sort((a, b) => a - b));
/** Long enough to get a skip table, with clustered and sparse stretches. */
const longList = fc
  .array(fc.integer({ min: 0, max: 40_000 }), { minLength: 2100, maxLength: 4000 })
  .map(sortedUnique)
  .filter((a) => a.length >= 2048);

describe("seek through skip tables", () => {
  it("finds the first index at or after `from` whose doc is >= x, like a linear scan", () => {
    fc.assert(
      fc.property(longList, fc.array(fc.integer({ min: -5, max: 40_005 }), { maxLength: 200 }), (a, xs) => {
        const skips = skipsOf(a);
        expect(skips).not.toBeNull();
        let from = 0;
        for (const x of xs.sort((p, q) => p - q)) {
          let ref = from;
          while (ref < a.length && a[ref] < x) ref++;
          const got = seek(a, skips, from, x);
          expect(got).toBe(ref);
          expect(gallop(a, from, x)).toBe(ref);
          from = Math.min(got, a.length);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("intersect and filterByLists agree with set arithmetic on long lists", () => {
    fc.assert(
      fc.property(longList, fc.array(fc.integer({ min: 0, max: 40_000 }), { maxLength: 120 }), (a, raw) => {
        const b = sortedUnique(raw);
        const inA = new Set(a);
        const both = [...b].filter((x) => inA.has(x));
        expect([...intersect(b, a)]).toEqual(both);
        expect([...filterByLists(b, [a], true)]).toEqual(both);
        expect([...filterByLists(b, [a], false)]).toEqual([...b].filter((x) => !inA.has(x)));
      }),
      { numRuns: 40 },
    );
  });
});

describe("dense views", () => {
  const denseList = fc
    .array(fc.integer({ min: 0, max: 20_000 }), { minLength: 6000, maxLength: 9000 })
    .map(sortedUnique)
    .filter((a) => a.length >= 4096);

  it("give each doc's index in the list, and membership, like indexOf", () => {
    fc.assert(
      fc.property(denseList, fc.array(fc.integer({ min: 0, max: 21_000 }), { maxLength: 300 }), (a, probes) => {
        const v = denseOf(a);
        expect(v).not.toBeNull();
        for (const d of probes) {
          expect(denseIndex(v!, d)).toBe(a.indexOf(d));
          expect(denseHas(v!, d)).toBe(a.includes(d));
        }
        const small = sortedUnique(probes);
        const inA = new Set(a);
        expect([...intersect(small, a)]).toEqual([...small].filter((x) => inA.has(x)));
        expect([...filterByLists(small, [a], false)]).toEqual([...small].filter((x) => !inA.has(x)));
      }),
      { numRuns: 30 },
    );
  });

  it("are not built for sparse lists", () => {
    expect(denseOf(Int32Array.from({ length: 5000 }, (_, i) => i * 100))).toBeNull();
  });
});
