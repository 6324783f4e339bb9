import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_GROUP_SIZE, suppressedCells } from "./suppression.js";

const row = (group: string, revenue: number, staff = revenue) => ({ group, counts: { revenue, staff } });

describe("suppression of small survey cells", () => {
  it("withholds a cell under the minimum group size and one more so the total cannot give it away", () => {
    const out = suppressedCells([row("中原区", 5), row("二七区", 1), row("金水区", 4), row("高新区", 7)], ["revenue"]);
    expect(out).toEqual([{}, { revenue: "small_group" }, { revenue: "complementary" }, {}]);
  });

  it("keeps withholding until the withheld cells hold at least the minimum together", () => {
    // two cells of one respondent each: either respondent could subtract their own figure from the pair
    const out = suppressedCells([row("甲", 1), row("乙", 1), row("丙", 6), row("丁", 3)], ["revenue"]);
    expect(out).toEqual([{ revenue: "small_group" }, { revenue: "small_group" }, {}, { revenue: "complementary" }]);
  });

  it("judges each question by who answered it (an optional question's cell may be small in a large group)", () => {
    const rows = [
      { group: "甲", counts: { revenue: 5, cases_trademark: 1 } },
      { group: "乙", counts: { revenue: 4, cases_trademark: 4 } },
      { group: "丙", counts: { revenue: 6, cases_trademark: 0 } },
    ];
    expect(suppressedCells(rows, ["revenue", "cases_trademark"])).toEqual([
      { cases_trademark: "small_group" },
      { cases_trademark: "complementary" },
      {},
    ]);
  });

  it("leaves groups of the minimum size and cells nobody answered alone", () => {
    expect(suppressedCells([row("甲", 3), row("乙", 0)], ["revenue"])).toEqual([{}, {}]);
    expect(suppressedCells([row("甲", 2)], ["revenue"], 2)).toEqual([{}]);
  });

  it("never leaves a column with exactly one withheld cell when another contributing cell exists", () => {
    const counts = fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(counts, (ns) => {
        const rows = ns.map((n, i) => row(`g${i}`, n));
        const out = suppressedCells(rows, ["revenue"]);
        const withheld = out.map((o, i) => (o.revenue ? i : -1)).filter((i) => i >= 0);
        const contributing = ns.filter((n) => n > 0).length;
        // every small cell is withheld
        ns.forEach((n, i) => {
          if (n > 0 && n < MIN_GROUP_SIZE) expect(out[i].revenue).toBeDefined();
        });
        if (withheld.length > 0 && contributing > 1) {
          expect(withheld.length).toBeGreaterThanOrEqual(2);
          const held = withheld.reduce((s, i) => s + ns[i], 0);
          const all = ns.reduce((s, n) => s + n, 0);
          expect(held >= MIN_GROUP_SIZE || held === all).toBe(true);
        }
      }),
    );
  });
});
