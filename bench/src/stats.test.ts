import { describe, expect, it } from "vitest";
import { classPercentile, median, percentile } from "./stats.ts";
import { formatRatio } from "./summary.ts";

describe("timing statistics", () => {
  it("takes nearest-rank percentiles and the median", () => {
    expect(percentile([5, 1, 4, 2, 3], 0.95)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("weighs every query of a class equally, however many runs it got", () => {
    // a fast query timed 30 times and a slow one stopped after 5 runs: the class median sits between them
    const fast = Array.from({ length: 30 }, () => 1);
    const slow = Array.from({ length: 5 }, () => 100);
    expect(classPercentile([fast, slow], 0.5)).toBe(1);
    expect(classPercentile([fast, slow], 0.51)).toBe(100);
    expect(classPercentile([fast, slow], 0.95)).toBe(100);
  });

  it("prints ratios as ours/peer with the speed-up spelled out", () => {
    expect(formatRatio(0.08)).toBe("0.080x (12.5x faster)");
    expect(formatRatio(1.6)).toBe("1.60x (1.6x slower)");
  });
});
