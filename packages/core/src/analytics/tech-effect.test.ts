import { describe, expect, it } from "vitest";
import { SearchEngine } from "../search/engine.js";
import { doc } from "../search/test-fixtures.js";
import type { PatentDoc } from "../search/types.js";
import { mineEffects } from "./effects.js";
import { andQuery, assembleMatrix, effectQuery } from "./tech-effect.js";

// Small documents: titles and abstracts carry effect phrases; IPC main groups are the technology branches.
const TEXTS: [string, string, string[]][] = [
  ["一种电池隔膜", "提高生产效率，降低制造成本。", ["H01M50/40"]],
  ["电池正极材料", "降低成本并提高能量密度。", ["H01M4/13"]],
  ["电池管理系统", "提高检测精度，延长电池寿命。", ["H01M10/42", "G01R31/36"]],
  ["电池热管理装置", "降低能耗，延长使用寿命。", ["H01M10/60"]],
  ["电池隔膜涂层", "提高安全性。", ["H01M50/44"]],
  ["电池极片辊压机", "提高生产效率。", ["B21B1/22"]],
  ["充电桩", "降低成本，提高充电效率。", ["B60L53/30"]],
  ["电池回收方法", "减少污染，降低处理成本。", ["H01M10/54"]],
  ["锂电池电解液", "提高电池的稳定性和安全性。", ["H01M10/0567"]],
  ["电池包箱体", "减轻重量，降低制造成本。", ["H01M50/20"]],
];
const DOCS: PatentDoc[] = TEXTS.map(([ti, ab, ipc], i) => doc(i + 1, { ti, ab, ipc }));

/** Brute force: the documents whose text holds the term (a Chinese phrase matches as a substring). */
const has = (d: PatentDoc, term: string) => `${d.ti}\n${d.ab}\n${d.cl}`.includes(term);
const inGroup = (d: PatentDoc, group: string) => d.ipc.some((c) => c.startsWith(`${group}/`));

describe("technology–effect matrix", () => {
  const engine = SearchEngine.create();
  engine.addDocuments(DOCS);
  const count = (q: string) => engine.search(q, { limit: 0 }).total;
  const effects = mineEffects(
    DOCS.map((d) => ({ title: d.ti, abstract: d.ab })),
    { minDocs: 1 },
  );
  const groups = ["H01M50", "H01M10", "H01M4", "B60L53", "B21B1"];
  const branches = groups.map((g) => ({ label: g, query: `IPC=${g}` }));

  const bases: [string, (d: PatentDoc) => boolean][] = [
    ["*", () => true],
    ["TI=电池", (d) => d.ti.includes("电池")],
    ["隔膜 OR 正极", (d) => has(d, "隔膜") || has(d, "正极")],
  ];
  it.each(bases)("counts every cell exactly (base %s) as a brute-force scan does", (base, inBase) => {
    const m = assembleMatrix(base, branches, effects, count);
    let blanks = 0;
    groups.forEach((g, i) => {
      effects.forEach((e, k) => {
        const want = DOCS.filter((d) => inBase(d) && inGroup(d, g) && e.terms.some((t) => has(d, t))).length;
        expect(m.cells[i][k].count, `${g} × ${e.label}`).toBe(want);
        expect(count(m.cells[i][k].query)).toBe(want); // the query a click opens finds the same hits
        if (want === 0) blanks++;
      });
      expect(m.branches[i].total).toBe(DOCS.filter((d) => inBase(d) && inGroup(d, g)).length);
    });
    effects.forEach((e, k) => {
      expect(m.effects[k].total).toBe(DOCS.filter((d) => inBase(d) && e.terms.some((t) => has(d, t))).length);
    });
    expect(m.blanks).toBe(blanks);
    expect(blanks).toBeGreaterThan(0); // the fixture has white space, so the test sees both kinds of cell
  });

  it("mined the effects the fixture holds", () => {
    expect(effects.slice(0, 2)).toEqual([
      { label: "降低成本", terms: ["降低成本", "降低制造成本", "降低处理成本"], docs: 5 },
      { label: "提高效率", terms: ["提高生产效率", "提高充电效率"], docs: 3 },
    ]);
  });

  it("writes cell queries an analyst can read", () => {
    expect(effectQuery(["降低成本"])).toBe('"降低成本"');
    expect(andQuery("*", "IPC=H01M10", effectQuery(["a", "b"]))).toBe('(IPC=H01M10) AND ("a" OR "b")');
    expect(andQuery("电池 OR 电芯", "IPC=H01M", '"降低成本"')).toBe('(电池 OR 电芯) AND (IPC=H01M) AND "降低成本"');
    expect(andQuery("*")).toBe("*");
  });
});
