import { describe, expect, it } from "vitest";
import { trendWindow, yearSeries } from "./facetData";

const b = (year: number, count: number) => ({ value: String(year), label: String(year), count });

describe("trend series", () => {
  it("fills missing years with 0 between the first and the last", () => {
    expect(yearSeries([b(2003, 2), b(2001, 1)]).map((d) => [d.name, d.value])).toEqual([
      ["2001", 1],
      ["2002", 0],
      ["2003", 2],
    ]);
  });

  it("starts at the first year holding at least 0.1% of the hits and says what it left off", () => {
    // 1903 and 1950 hold 1 patent each out of 10,002: under 0.1% each
    const buckets = [b(1903, 1), b(1950, 1), b(2019, 4000), b(2020, 6000)];
    const w = trendWindow(buckets);
    expect(w.series.map((d) => d.name)).toEqual(["2019", "2020"]);
    expect(w.hidden).toEqual({ from: "1903", to: "2018", count: 2 });
    expect(trendWindow(buckets, true).series[0].name).toBe("1903");
    expect(trendWindow(buckets, true).hidden).toBeNull();
  });

  it("keeps every year when the first one already counts, and a later gap as it is", () => {
    const w = trendWindow([b(2001, 5), b(2010, 5)]);
    expect(w.series.length).toBe(10);
    expect(w.hidden).toBeNull();
    expect(trendWindow([]).series).toEqual([]);
  });
});
