import { describe, expect, it } from "vitest";
import { countAt, countByArea, type MetricDefinition, paceAt, type RegistryFact, yearlyProgress } from "./progress.js";

const fact = (o: Partial<RegistryFact>): RegistryFact => ({
  subject: "org",
  category: "patent_agency",
  qualifications: [],
  status: "active",
  since: "2023-05-01",
  ended: null,
  districtCode: "410105",
  zone: null,
  ...o,
});

const agencies: MetricDefinition = { subject: "org", categories: ["patent_agency"] };

describe("plan progress", () => {
  it("counts only confirmed records in force on the date", () => {
    const facts = [
      fact({}),
      fact({ since: "2024-02-01" }),
      fact({ status: "candidate" }),
      fact({ status: "closed", ended: "2024-06-30" }),
      fact({ category: "trademark_agency" }),
    ];
    expect(countAt(agencies, facts, "2023-12-31")).toBe(2);
    expect(countAt(agencies, facts, "2024-12-31")).toBe(2);
  });

  it("matches qualifications", () => {
    const m: MetricDefinition = { subject: "org", qualificationsAny: ["national_brand_agency"] };
    expect(countAt(m, [fact({ qualifications: ["national_brand_agency"] }), fact({})], "2025-01-01")).toBe(1);
  });

  it("years: pace scales the target linearly; future years are unavailable", () => {
    const facts = Array.from({ length: 50 }, () => fact({ since: "2023-03-01" }));
    const years = yearlyProgress(agencies, facts, 120, { startYear: 2023, endYear: 2025 }, "2024-07-01");
    expect(years).toEqual([
      { year: 2023, actual: 50, pace: 40, status: "on_track" },
      { year: 2024, actual: 50, pace: 80, status: "behind" },
      { year: 2025, actual: null, pace: 120, status: "unavailable" },
    ]);
  });

  it("counts by district and by zone name (郑东新区 has no code)", () => {
    const facts = [
      fact({ zone: "郑东新区" }),
      fact({ districtCode: "410172", zone: "高新区" }),
      fact({ districtCode: "410182" }),
    ];
    const areas = [
      { key: "金水区", code: "410105", zone: null },
      { key: "郑东新区", code: null, zone: "郑东新区" },
      { key: "高新区", code: "410172", zone: "高新区" },
      { key: "荥阳市", code: "410182", zone: null },
    ];
    expect(countByArea(agencies, facts, "2025-01-01", areas)).toEqual({ 金水区: 1, 郑东新区: 1, 高新区: 1, 荥阳市: 1 });
  });

  it("counts a qualification only from the date it was granted (issue #17: a brand granted today counted back to 2023)", () => {
    const brand: MetricDefinition = { subject: "org", qualificationsAny: ["national_brand_agency"] };
    const grantedToday = fact({
      since: "2019-04-01",
      qualifications: ["national_brand_agency"],
      qualificationSince: { national_brand_agency: "2025-06-10" },
    });
    const years = yearlyProgress(brand, [grantedToday], 10, { startYear: 2023, endYear: 2025 }, "2025-06-10");
    expect(years.map((y) => y.actual)).toEqual([0, 0, 1]);
    expect(countAt(brand, [grantedToday], "2025-06-09")).toBe(0);
    // the record itself still counts from its own date for a metric that asks no qualification
    expect(countAt({ subject: "org" }, [grantedToday], "2023-12-31")).toBe(1);
    // by area, on the same rule
    const areas = [{ key: "金水区", code: "410105", zone: null }];
    expect(countByArea(brand, [grantedToday], "2024-12-31", areas)).toEqual({ 金水区: 0 });
    // an "A or B" target checks each alternative's qualification on the date too
    const either: MetricDefinition = { subject: "org", anyOf: [brand, { subject: "org", categories: ["platform"] }] };
    expect(countAt(either, [grantedToday], "2024-12-31")).toBe(0);
  });

  it("runs pace from a baseline, so a stock target is judged on its growth, not on starting above zero", () => {
    const facts = Array.from({ length: 90 }, () => fact({ since: "2020-01-01" }));
    const plan = { startYear: 2023, endYear: 2025 };
    // from zero, 90 agencies that were all there before the plan look ahead of a pace of 40 and 80 …
    const fromZero = yearlyProgress(agencies, facts, 120, plan, "2024-12-31");
    expect(fromZero.map((y) => [y.pace, y.status])).toEqual([
      [40, "on_track"],
      [80, "on_track"],
      [120, "unavailable"],
    ]);
    // … from the 2022 baseline of 84 the way to 120 is 12 a year: 96 by 2023, 108 by 2024, and 90 is behind it
    const baseline = { value: 84, date: "2022-12-31" };
    const fromBase = yearlyProgress(agencies, facts, 120, plan, "2024-12-31", { baseline });
    expect(fromBase).toEqual([
      { year: 2023, actual: 90, pace: 96, status: "behind" },
      { year: 2024, actual: 90, pace: 108, status: "behind" },
      { year: 2025, actual: null, pace: 120, status: "unavailable" },
    ]);
    const attorneys = yearlyProgress(agencies, facts, 100, plan, "2023-12-31", {
      baseline: { value: 80, date: "2022-12-31" },
    });
    expect(attorneys[0]).toMatchObject({ actual: 90, pace: 86.67, status: "on_track" });
  });

  it("pace at a mid-year baseline counts the part of the year left", () => {
    expect(paceAt(2025, 120, 2025, { value: 60, date: "2023-06-30" })).toBe(120);
    // 2023-06-30 is day 181 of 365: the rest of 2023 is 0.504 of the 2.504 years to the end of 2025
    expect(paceAt(2023, 120, 2025, { value: 60, date: "2023-06-30" })).toBe(72.08);
    expect(paceAt(2022, 120, 2025, { value: 60, date: "2023-06-30" })).toBe(60);
  });
});
