import { describe, expect, it } from "vitest";
import { compareFacet, compareOutcome, gatePeer } from "./gate.ts";
import type { EngineResult, QueryOutcome } from "./job.ts";
import type { BenchQuery } from "./query-ast.ts";

const outcome = (id: string, total: number, facet: Record<string, number> | null = null): QueryOutcome => ({
  id,
  total,
  facet,
  timesUs: [100, 120],
});

describe("compareOutcome", () => {
  it("accepts equal totals and rejects different ones", () => {
    expect(compareOutcome(outcome("q", 42), outcome("q", 42), 10)).toBeNull();
    expect(compareOutcome(outcome("q", 42), outcome("q", 41), 10)).toBe("total 41, ours 42");
    expect(compareOutcome(outcome("q", 42), undefined, 10)).toMatch(/missing/);
  });
});

describe("compareFacet", () => {
  const peerAll = { "2019": 50, "2020": 40, "2021": 40, "2018": 5, "2017": 1 };

  it("accepts our top buckets when the peer's counts agree, ties broken either way", () => {
    expect(compareFacet({ "2019": 50, "2020": 40 }, peerAll, 2)).toBeNull();
    expect(compareFacet({ "2019": 50, "2021": 40 }, peerAll, 2)).toBeNull();
  });

  it("rejects a bucket count that differs", () => {
    expect(compareFacet({ "2019": 51, "2020": 40 }, peerAll, 2)).toBe("facet bucket 2019: 50, ours 51");
  });

  it("rejects a top-N that leaves out a bigger bucket", () => {
    expect(compareFacet({ "2019": 50, "2018": 5 }, peerAll, 2)).toMatch(/top-2 differs/);
  });

  it("rejects a different number of buckets", () => {
    expect(compareFacet({ "2019": 50 }, peerAll, 10)).toMatch(/shows 1 buckets/);
    expect(compareFacet({ "2019": 50 }, null, 10)).toMatch(/no facet/);
  });
});

describe("gatePeer", () => {
  it("marks a class invalid when any of its queries disagrees", () => {
    const queries: BenchQuery[] = [
      { id: "a-1", cls: "term-rare", node: { kind: "all" }, facet: null },
      { id: "a-2", cls: "term-rare", node: { kind: "all" }, facet: null },
      { id: "b-1", cls: "term-mid", node: { kind: "all" }, facet: null },
    ];
    const result = (engine: EngineResult["engine"], totals: number[]): EngineResult => ({
      engine,
      size: 10,
      ingestMs: 1,
      indexBytes: 1,
      peakRssBytes: 1,
      queries: queries.map((q, i) => outcome(q.id, totals[i])),
      notes: [],
    });
    const gate = gatePeer(queries, result("ours", [1, 2, 3]), result("fts5", [1, 9, 3]), 10);
    expect([...gate.invalidClasses]).toEqual(["term-rare"]);
    expect(gate.mismatches).toEqual([{ engine: "fts5", queryId: "a-2", problem: "total 9, ours 2" }]);
  });
});
