import { describe, expect, it } from "vitest";
import { creditGrade, gradeOf } from "./credit-grade.js";
import { recordInScope } from "./zones.js";

const v = (kind: string, date: string, points?: number) => ({ kind, date, points });

describe("credit grade", () => {
  it.each<[string, Parameters<typeof creditGrade>[0], number, string]>([
    ["clean agency", { violations: [], brand: "none" }, 100, "A"],
    ["clean national brand agency", { violations: [], brand: "national" }, 110, "A+"],
    ["clean provincial brand agency", { violations: [], brand: "provincial" }, 105, "A+"],
    ["one upheld complaint", { violations: [v("complaint_upheld", "2025-03-01")], brand: "none" }, 95, "A"],
    [
      "penalty and false figures",
      { violations: [v("admin_penalty", "2025-01-01"), v("false_information", "2024-06-01")], brand: "none" },
      65,
      "C",
    ],
    [
      "serious violation caps at C even with brand bonus",
      { violations: [v("abnormal_filing", "2025-05-01")], brand: "national" },
      90,
      "C",
    ],
    [
      "many violations",
      { violations: [v("unlicensed_practice", "2025-01-01"), v("admin_penalty", "2025-02-01")], brand: "none" },
      55,
      "D",
    ],
    [
      "violation older than three years does not count",
      { violations: [v("admin_penalty", "2021-06-01")], brand: "none" },
      100,
      "A",
    ],
    [
      "official's own deduction overrides the rule's",
      { violations: [v("other", "2025-01-01", 12)], brand: "none" },
      88,
      "B",
    ],
    [
      "a future-dated record is not yet in force",
      { violations: [v("admin_penalty", "2026-01-01")], brand: "none" },
      100,
      "A",
    ],
  ])("%s", (_name, input, score, grade) => {
    const r = creditGrade(input, "2025-11-26");
    expect(r.score).toBe(score);
    expect(r.grade).toBe(grade);
    expect(r.reasons[0]).toMatchObject({ kind: "start", points: 100 });
    // the reasons add up to the score
    expect(r.reasons.reduce((a, x) => a + x.points, 0)).toBe(score);
  });

  it("grade boundaries", () => {
    expect([105, 104.9, 90, 89, 75, 74, 60, 59].map((s) => gradeOf(s))).toEqual([
      "A+",
      "A",
      "A",
      "B",
      "B",
      "C",
      "C",
      "D",
    ]);
  });

  it("shows the expired violation as a reason with no points", () => {
    const r = creditGrade({ violations: [v("admin_penalty", "2020-01-01")], brand: "none" }, "2025-11-26");
    expect(r.reasons.map((x) => x.kind)).toEqual(["start", "expired"]);
  });
});

describe("record scope", () => {
  it("a district official sees records of its district and of a coded zone it is scoped to", () => {
    expect(recordInScope(null, { districtCode: null, zone: null })).toBe(true);
    expect(recordInScope("410105", { districtCode: "410105", zone: "郑东新区" })).toBe(true);
    expect(recordInScope("410172", { districtCode: null, zone: "高新区" })).toBe(true);
    expect(recordInScope("410105", { districtCode: "410102", zone: null })).toBe(false);
    expect(recordInScope("410105", { districtCode: null, zone: "高新区" })).toBe(false);
  });
});
