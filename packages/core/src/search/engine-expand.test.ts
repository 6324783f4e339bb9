/**
 * Issue #16 items 6, 7, 9 in the engine: cross-language expansions answer as the OR the user could have typed,
 * facet buckets under an IPC prefix, and the no-hit suggestion candidates built from the typed text.
 */
import { describe, expect, it } from "vitest";
import { SearchEngine } from "./engine.js";
import { expandableWords } from "./query/expand.js";
import { parseQuery } from "./query/parser.js";
import { suggestionCandidates } from "./query/suggest.js";
import { doc, SAMPLE } from "./test-fixtures.js";

const engine = SearchEngine.create();
engine.addDocuments([
  ...SAMPLE,
  doc(101, { ti: "A battery housing", ipc: ["H01M50/20"] }),
  doc(102, { ti: "激光雷达标定方法", ipc: ["G01S7/497"] }),
  doc(103, { ti: "Lidar point cloud", ipc: ["G01S17/89"], ad: 20220101 }),
]);
const count = (q: string, expansions?: Map<string, string[]>) => engine.search(q, { limit: 0, expansions }).total;

describe("cross-language expansions", () => {
  it("a term with an expansion finds what the OR of its words finds, in the same fields", () => {
    const ex = new Map([["battery", ["电池"]]]);
    expect(count("battery", ex)).toBe(count("battery OR 电池"));
    expect(count("battery", ex)).toBeGreaterThan(count("battery"));
    expect(count("TI=battery", ex)).toBe(count("TI=(battery OR 电池)"));
    expect(count("battery NOT 管理", ex)).toBe(count("(battery OR 电池) NOT 管理"));
  });

  it("keys are folded; truncation is not expanded; the added words are highlighted", () => {
    const ex = new Map([["lidar", ["激光雷达"]]]);
    expect(count("LIDAR", ex)).toBe(count("lidar OR 激光雷达"));
    expect(count("lidar*", ex)).toBe(count("lidar*"));
    const r = engine.search("lidar", { expansions: ex });
    expect(r.highlightTerms).toContain("激光雷达");
  });

  it("lists the plain words a dictionary may expand, each once", () => {
    expect(expandableWords(parseQuery("Battery AND TI=battery OR 电池 NOT vehicle* -管理"))).toEqual([
      "battery",
      "电池",
      "管理",
    ]);
  });

  it("export order (iterateIds) sees the same expanded hits", () => {
    const ex = new Map([["battery", ["电池"]]]);
    expect([...engine.iterateIds("battery", { expansions: ex, sort: "app_no" })].length).toBe(count("battery", ex));
  });
});

describe("facet buckets under a prefix", () => {
  it("counts only one branch's children, exactly as the full facet does", () => {
    const all = engine.search("*", { limit: 0, facets: ["ipc_subclass"], facetSize: 200 }).facets.ipc_subclass!;
    const g01 = engine.search("*", { limit: 0, facets: ["ipc_subclass"], facetSize: 200, facetPrefix: "G01" }).facets
      .ipc_subclass!;
    expect(g01.length).toBeGreaterThan(0);
    expect(g01.every((b) => b.value.startsWith("G01"))).toBe(true);
    expect(g01).toEqual(all.filter((b) => b.value.startsWith("G01")));
    const grouped = engine.search("*", {
      limit: 0,
      facets: ["ipc_group"],
      facetSize: 200,
      facetPrefix: "G01S",
      group: "invention",
    }).facets.ipc_group!;
    expect(grouped.map((b) => b.value).sort()).toEqual(["G01S17/00", "G01S7/00"]);
  });
});

describe("no-hit suggestion candidates", () => {
  it("drops each top-level part, keeping the text as typed", () => {
    const c = suggestionCandidates("超硬材料 金刚石 AND AD>=2020");
    expect(c.map((s) => s.query)).toEqual(["金刚石 AD>=2020", "超硬材料 AD>=2020", "超硬材料 金刚石"]);
    expect(c.map((s) => s.part)).toEqual(["超硬材料", "金刚石", "AD>=2020"]);
  });

  it("widens TI/AB/CL to TX first, and never leaves only exclusions", () => {
    const c = suggestionCandidates("TI=电池 -正极");
    expect(c).toEqual([
      { query: "TX=电池 -正极", kind: "widen", part: "TI" },
      { query: "TI=电池", kind: "drop", part: "-正极" },
    ]);
  });

  it("a parenthesised group is one part; an OR at the top has no drops; at most 12", () => {
    expect(suggestionCandidates("(电池 OR 电芯) 正极").map((s) => s.query)).toEqual(["正极", "(电池 OR 电芯)"]);
    expect(suggestionCandidates("电池 OR 正极")).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(" ");
    expect(suggestionCandidates(many)).toHaveLength(12);
    for (const s of suggestionCandidates("TI=电池 AB=正极 材料")) expect(() => parseQuery(s.query)).not.toThrow();
  });
});
