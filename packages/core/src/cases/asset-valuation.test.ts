import { describe, expect, it } from "vitest";
import { valueDeclaredAsset } from "./asset-valuation.js";

const NOW = Date.parse("2026-01-05T00:00:00Z");

describe("declared-input valuation of rights other than patents", () => {
  it("scores a trademark's term as renewable and explains every line; weights add up to 1", () => {
    const v = valueDeclaredAsset({ type: "trademark", status: "registered", since: "2011-06-01" }, "licensing", NOW, {
      marketSize: 70,
      industrialisation: 80,
      substitutability: 50,
      recognition: 90,
    });
    const term = v.lines.find((l) => l.indicator === "remaining_term");
    expect(term).toMatchObject({ score: 100, input: "5.4 / 10 年" });
    expect(v.lines.reduce((s, l) => s + l.weight, 0)).toBeCloseTo(1, 3);
    expect(Math.abs(v.lines.reduce((s, l) => s + l.contribution, 0) - v.score)).toBeLessThan(0.1);
    expect(v.notes[0]).toContain("申报");
  });

  it("runs a software copyright's and an IC layout's fixed terms out, and gives a GI no term", () => {
    const sw = valueDeclaredAsset(
      { type: "software_copyright", status: "registered", since: "2001-01-05" },
      "transfer",
      NOW,
    );
    expect(sw.lines.find((l) => l.indicator === "remaining_term")?.score).toBe(50);
    const ic = valueDeclaredAsset({ type: "ic_layout", status: "registered", since: "2015-01-05" }, "transfer", NOW);
    expect(ic.lines.find((l) => l.indicator === "remaining_term")?.score).toBe(0);
    const gi = valueDeclaredAsset({ type: "gi", status: "registered", since: null }, "financing", NOW);
    expect(gi.lines.find((l) => l.indicator === "remaining_term")?.score).toBe(100);
  });

  it("leaves undeclared judgements out of the weighing instead of scoring them zero", () => {
    const bare = valueDeclaredAsset({ type: "copyright", status: "pending", since: null }, "financing", NOW);
    expect(bare.dimensions.technical).toEqual({ weight: 0, score: null });
    expect(bare.dimensions.legal.weight).toBe(1);
    expect(bare.score).toBe(40); // pending status only
    const lapsed = valueDeclaredAsset({ type: "trademark", status: "lapsed", since: "2000-01-01" }, "financing", NOW);
    expect(lapsed.dimensions.legal.score).toBe(0);
  });
});
