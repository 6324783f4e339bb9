import { describe, expect, it } from "vitest";
import { detectBursts, unusualTypeMix } from "./bursts.js";

const many = (entity: string, month: string, n: number) =>
  Array.from({ length: n }, () => ({ entity, date: `${month}-15` }));

describe("filing bursts", () => {
  it("flags a month far above the entity's own rate and not a steady large filer", () => {
    const filings = [
      ...["2023-01", "2023-02", "2023-03", "2023-04", "2023-05"].flatMap((m) => many("甲公司", m, 2)),
      ...many("甲公司", "2023-06", 40),
      ...["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"].flatMap((m) => many("乙大学", m, 30)),
    ];
    const bursts = detectBursts(filings);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toMatchObject({ entity: "甲公司", month: "2023-06", count: 40, baseline: 2, ratio: 20 });
  });

  it("counts months without filings inside the active span as zero", () => {
    const filings = [...many("丙", "2022-01", 1), ...many("丙", "2022-12", 12)];
    const [b] = detectBursts(filings);
    expect(b).toMatchObject({
      month: "2022-12",
      count: 12,
      baseline: 0.09, // the one other filing spread over the 11 other months of its span
    });
    expect(b.ratio).toBe(12);
  });

  it("ignores small months and undated filings", () => {
    expect(detectBursts([...many("丁", "2024-03", 9), { entity: "丁", date: "" }])).toEqual([]);
  });
});

describe("unusual type mix", () => {
  it("flags an entity filing almost only utility models when the collection is mostly inventions", () => {
    const f = (entity: string, type: string, n: number) => Array.from({ length: n }, () => ({ entity, type }));
    const filings = [
      ...f("A", "utility_model", 25),
      ...f("B", "invention_application", 60),
      ...f("B", "utility_model", 5),
      ...f("C", "utility_model", 5),
    ];
    const out = unusualTypeMix(filings, ["utility_model", "design"]);
    expect(out.map((s) => s.entity)).toEqual(["A"]);
    expect(out[0].share).toBe(1);
    expect(out[0].overallShare).toBeCloseTo(35 / 95);
  });
});
