import { describe, expect, it } from "vitest";
import { drawExperts, type ExpertCandidate } from "./draw.js";
import { checkRewardEligibility } from "./eligibility.js";
import { nearestWorkstation } from "./routing.js";
import { type PatentFacts, valuePatent } from "./valuation.js";

const NOW = Date.parse("2026-01-05T00:00:00Z");
const granted: PatentFacts = {
  type: "invention_grant",
  status: "valid",
  appDate: "2016-01-05",
  claimsCount: 12,
  citedByCount: 7,
  ipcAll: ["H01M10/052", "H01M4/13", "B60L58/12"],
  seiCodes: ["6.1"],
};

describe("valuation (GB/T 42748-2023 indicators)", () => {
  it("explains every line, and the contributions add up to the score", () => {
    const v = valuePatent(granted, "financing", NOW);
    expect(v.lines.map((l) => l.indicator)).toContain("remaining_term");
    const term = v.lines.find((l) => l.indicator === "remaining_term");
    expect(term?.score).toBe(50); // 10 of 20 years left
    const sum = v.lines.reduce((s, l) => s + l.contribution, 0);
    expect(Math.abs(sum - v.score)).toBeLessThan(0.1);
    const weights = v.lines.reduce((s, l) => s + l.weight, 0);
    expect(weights).toBeCloseTo(1, 3);
    for (const l of v.lines) expect(l.explanation.length).toBeGreaterThan(0);
  });

  it("weights legal value more for financing than for licensing", () => {
    expect(valuePatent(granted, "financing", NOW).dimensions.legal.weight).toBeGreaterThan(
      valuePatent(granted, "licensing", NOW).dimensions.legal.weight,
    );
  });

  it("gives unanswerable lines no weight, and an expired patent a low legal score", () => {
    const lapsed = valuePatent(
      { ...granted, status: "invalid", claimsCount: null, citedByCount: null },
      "transfer",
      NOW,
    );
    expect(lapsed.lines.find((l) => l.indicator === "claims")?.weight).toBe(0);
    expect(lapsed.dimensions.legal.score).toBeLessThan(50);
    expect(lapsed.score).toBeLessThan(valuePatent(granted, "transfer", NOW).score);
  });
});

describe("expert draw", () => {
  const pool: ExpertCandidate[] = [
    { id: 1, orgName: "甲公司", fields: ["电池"], active: true, declaredConflicts: [] },
    { id: 2, orgName: "乙大学", fields: ["电池"], active: true, declaredConflicts: ["丙公司"] },
    { id: 3, orgName: "丁研究院", fields: ["电池"], active: true, declaredConflicts: [] },
    { id: 4, orgName: "戊所", fields: ["芯片"], active: true, declaredConflicts: [] },
    { id: 5, orgName: "己所", fields: ["电池"], active: false, declaredConflicts: [] },
    { id: 6, orgName: null, fields: ["电池"], active: true, declaredConflicts: [] },
  ];

  it("excludes the same organisation, declared conflicts, other fields and inactive experts", () => {
    const r = drawExperts(pool, { count: 5, field: "电池", partyOrgs: ["甲公司", "丙公司"] }, 42);
    expect(r.excluded).toEqual([
      { id: 1, reason: "same_organisation" },
      { id: 2, reason: "declared_conflict" },
      { id: 4, reason: "other_field" },
      { id: 5, reason: "inactive" },
    ]);
    expect(r.drawn.sort()).toEqual([3, 6]);
  });

  it("replays a stored draw from its stored seed and request, and another seed draws others", () => {
    // A draw as the audit log keeps it (seed, request, result), recorded from this generator: were the shuffle or
    // mulberry32 ever changed, every draw on record would replay to a different panel, and this test says so.
    const panel = Array.from({ length: 10 }, (_, i) => ({
      id: i + 1,
      orgName: `所${i}`,
      fields: ["电池"],
      active: true,
      declaredConflicts: [],
    }));
    const stored = {
      seed: 7,
      request: { count: 3, partyOrgs: ["所0"] },
      drawn: [7, 9, 5],
      excluded: [{ id: 1, reason: "same_organisation" }],
    };
    const replay = drawExperts(panel, stored.request, stored.seed);
    expect(replay).toEqual({ drawn: stored.drawn, excluded: stored.excluded, eligible: 9 });
    expect(drawExperts(panel, stored.request, 8).drawn).toEqual([5, 2, 9]);
    expect(drawExperts(panel, { ...stored.request, partyOrgs: ["所6"] }, stored.seed).drawn).not.toContain(7);
  });
});

describe("routing and eligibility", () => {
  it("finds the nearest workstation", () => {
    const s = [
      { id: 1, name: "A", lat: 34.75, lon: 113.62 },
      { id: 2, name: "B", lat: 34.8, lon: 113.7 },
    ];
    expect(nearestWorkstation({ lat: 34.79, lon: 113.69 }, s)?.station.id).toBe(2);
    expect(nearestWorkstation({ lat: 0, lon: 0 }, [])).toBeNull();
  });

  it("names every failed rule", () => {
    const r = checkRewardEligibility(
      "ip_engineer",
      { source: "declared", cityCode: "4101", engineerTitle: "senior", yearsInCityAgency: 1 },
      2026,
    );
    expect(r.eligible).toBe(false);
    expect(r.rules.filter((x) => !x.ok).map((x) => x.rule)).toEqual(["two_years_in_city_agency"]);
  });
});
