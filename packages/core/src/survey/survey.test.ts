import { describe, expect, it } from "vitest";
import { aggregateAnswers, STANDARD_AGENCY_QUESTIONS, validateAnswers, validateDefinition } from "./survey.js";

const good = { revenue: "1,200.5", staff: 12, attorneys: 4, cases_invention: 30, cases_utility: 10, cases_design: 0 };

describe("survey answers", () => {
  it("accepts and normalises a complete answer", () => {
    const r = validateAnswers(STANDARD_AGENCY_QUESTIONS, good);
    expect(r.problems).toEqual([]);
    expect(r.answers.revenue).toBe(1200.5);
    expect(r.answers.cases_trademark).toBeNull();
  });

  it("names every problem: missing, not a number, fractional count, negative, cross-field rule, unknown key", () => {
    const r = validateAnswers(STANDARD_AGENCY_QUESTIONS, {
      ...good,
      revenue: "",
      staff: 3,
      attorneys: 5,
      cases_invention: "many",
      cases_utility: 1.5,
      cases_design: -1,
      extra: 1,
    });
    expect(r.problems.map((p) => p.key).sort()).toEqual(
      ["attorneys", "cases_design", "cases_invention", "cases_utility", "extra", "revenue"].sort(),
    );
  });

  it("checks definitions", () => {
    expect(validateDefinition(STANDARD_AGENCY_QUESTIONS)).toEqual([]);
    expect(
      validateDefinition({
        questions: [
          { key: "a", labelZh: "a", type: "choice", required: true },
          { key: "a", labelZh: "b", type: "text", required: false },
        ],
      }),
    ).toHaveLength(2);
  });

  it("aggregates by group", () => {
    const rows = [
      { group: "金水区", answers: { revenue: 100, staff: 10 } },
      { group: "金水区", answers: { revenue: 50, staff: null } },
      { group: "二七区", answers: { revenue: 10, staff: 2 } },
    ];
    const agg = aggregateAnswers(STANDARD_AGENCY_QUESTIONS, rows);
    expect(agg.map((g) => g.group)).toEqual(["二七区", "金水区"]);
    expect(agg[1]).toMatchObject({
      responses: 2,
      sums: { revenue: 150, staff: 10 },
      means: { revenue: 75, staff: 10 },
    });
  });
});
