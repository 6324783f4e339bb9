import { describe, expect, it } from "vitest";
import type { BenchQuery } from "./query-ast.ts";
import { isWarmup, replaySplit } from "./replay.ts";
import { timeRuns } from "./timing.ts";

const q = (id: string, cls: BenchQuery["cls"]): BenchQuery => ({ id, cls, node: { kind: "all" }, facet: null });

describe("replay mode", () => {
  it("keeps every other query of each class for the warm-up only, and a class's only query timed", () => {
    const split = replaySplit([
      q("term-rare-1", "term-rare"),
      q("term-mid-1", "term-mid"),
      q("term-rare-2", "term-rare"),
      q("term-rare-3", "term-rare"),
      q("lookup-10k-1", "lookup-10k"),
    ]);
    expect(split.filter(isWarmup).map((x) => x.id)).toEqual(["warm-term-rare-2"]);
    expect(split.filter((x) => !isWarmup(x)).map((x) => x.id)).toEqual([
      "term-rare-1",
      "term-mid-1",
      "term-rare-3",
      "lookup-10k-1",
    ]);
  });

  it("runs a timed query exactly once, with no warm-up of its own", () => {
    let runs = 0;
    const times = timeRuns(() => runs++, { runs: 30, warmups: 10, budgetMs: 1000, replay: true });
    expect(runs).toBe(1);
    expect(times).toHaveLength(1);
  });
});
