import { describe, expect, it } from "vitest";
import { countAt, countByArea, type MetricDefinition, type RegistryFact, yearlyProgress } from "./progress.js";

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
});
