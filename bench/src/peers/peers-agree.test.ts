/**
 * The peers' renderings count what our engine counts, on a hand-made corpus whose answers are known: group=invention
 * (an application's A and B are one invention), proximity in both orders and the batch number lookup. FTS5 always;
 * Lucene when a JDK and the Lucene 8 jars are installed (the bench's own harness, run once per query).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SearchEngine } from "@zhichan/core";
import type { PatentDoc } from "@zhichan/core/search/types.ts";
import { afterAll, describe, expect, it } from "vitest";
import type { BenchNode, BenchQuery } from "../query-ast.ts";
import { renderFts5 } from "../render-fts5.ts";
import { renderOurs } from "../render-ours.ts";
import {
  createSchema,
  FacetDictionaries,
  Fts5Lookup,
  Fts5Search,
  facetOrdinals,
  finishLoad,
  insertBatch,
  openFts5,
} from "./fts5.ts";
import { checkJavaAndLucene } from "./java.ts";
import { compileHarness, runLucene, writeQueriesTsv } from "./lucene.ts";
import { parseTsvLine, tsvLine, writeDocsTsv } from "./token-tsv.ts";

const APP = "CN201910000001.1";
function doc(id: number, kind: string, an: string, ti: string, ab: string): PatentDoc {
  const type = { A: "invention_application", B: "invention_grant", U: "utility_model" }[kind] ?? "design";
  return {
    id,
    pn: `CN1000000${id}${kind}`,
    an,
    ti,
    ab,
    cl: "",
    ap: ["郑州大学"],
    in: [],
    agc: [],
    ipc: ["H01M10/0525"],
    ad: 20190301,
    pd: 20200301,
    type,
    status: "valid",
    region: [],
    sei: [],
    applicantIds: ["ap1"],
  };
}

const DOCS: PatentDoc[] = [
  doc(0, "A", APP, "锂离子电池的制备方法", "a lithium battery with a solid electrolyte"),
  doc(1, "B", APP, "锂离子电池的制备方法", "a lithium battery with a solid electrolyte"),
  doc(2, "U", "CN202020000002.X", "电池充电控制装置", "the electrolyte of a battery under charging control"),
  doc(3, "A", "", "车辆控制系统", "vehicle control system with a battery pack"),
  doc(4, "A", "CN202110000004.2", "锂电池电解液", "electrolyte for a lithium battery"),
  // a CJK run between two words: ours puts hud 4 positions after ar (增 强 现 实 between), so W/3 must not match
  doc(5, "U", "CN202120000005.6", "ar增强现实hud眼镜", ""),
  // a lone character after a run still takes a position of ours: 离子 0–1, 电 2, 方法 3 (one position between)
  doc(6, "U", "CN202120000006.X", "离子，电，方法", ""),
];

const near = (left: string, right: string, distance: number, ordered: boolean): BenchNode => ({
  kind: "near",
  left,
  right,
  distance,
  ordered,
  spelling: ordered ? `PRE/${distance}` : `NEAR/${distance}`,
});
const word = (text: string): BenchNode => ({ kind: "text", scope: "all", text });

/** Each query with the total our engine must give on DOCS (so a peer agreeing on 0 hits proves nothing). */
const CASES: Array<{ query: BenchQuery; total: number }> = [
  { query: { id: "g-word", cls: "group-invention", node: word("battery"), facet: null, group: "invention" }, total: 4 },
  {
    query: {
      id: "g-and",
      cls: "group-invention",
      node: { kind: "and", children: [word("锂离子"), word("electrolyte")] },
      facet: null,
      group: "invention",
    },
    total: 1,
  },
  { query: { id: "g-all", cls: "group-invention", node: { kind: "all" }, facet: null, group: "invention" }, total: 6 },
  { query: { id: "p-word", cls: "term-mid", node: word("battery"), facet: null }, total: 5 },
  // battery … electrolyte: 3 words apart in docs 0, 1 and 4 (4 after), 2 apart in doc 2 (electrolyte first)
  { query: { id: "near-2", cls: "proximity", node: near("battery", "electrolyte", 2, false), facet: null }, total: 1 },
  { query: { id: "near-3", cls: "proximity", node: near("battery", "electrolyte", 3, false), facet: null }, total: 4 },
  {
    query: { id: "pre", cls: "proximity-ordered", node: near("battery", "electrolyte", 3, true), facet: null },
    total: 2,
  },
  { query: { id: "near-cjk", cls: "proximity-cjk", node: near("锂离", "电池", 1, false), facet: null }, total: 2 },
  { query: { id: "near-seam-3", cls: "proximity", node: near("ar", "hud", 3, false), facet: null }, total: 0 },
  { query: { id: "near-seam-4", cls: "proximity", node: near("ar", "hud", 4, false), facet: null }, total: 1 },
  { query: { id: "near-lone-0", cls: "proximity-cjk", node: near("离子", "方法", 0, false), facet: null }, total: 0 },
  { query: { id: "near-lone-1", cls: "proximity-cjk", node: near("离子", "方法", 1, false), facet: null }, total: 1 },
  {
    query: {
      id: "lookup",
      cls: "lookup-10k",
      node: { kind: "numbers", numbers: ["CN10000001B", "CN10000004A", "CN70000000A"] },
      facet: null,
    },
    total: 2,
  },
];

function oursTotal(engine: SearchEngine, query: BenchQuery): number {
  const node = query.node;
  if (node.kind === "numbers") return new Set(engine.lookupNumbers(node.numbers).flat()).size;
  return engine.search(renderOurs(node), { limit: 10, ...(query.group ? { group: query.group } : {}) }).total;
}

describe("peer renderings on a hand-made corpus", () => {
  const engine = SearchEngine.create();
  engine.addDocuments(DOCS);

  it("our engine gives the expected totals (grouping counts the A and B of one application once)", () => {
    expect(CASES.map((c) => [c.query.id, oursTotal(engine, c.query)])).toEqual(CASES.map((c) => [c.query.id, c.total]));
  });

  it("FTS5 counts the same (distinct inventions, NEAR, number probes); it has no ordered NEAR", () => {
    const db = openFts5(":memory:");
    createSchema(db);
    const dicts = new FacetDictionaries();
    const peerDocs = DOCS.map((d) => parseTsvLine(tsvLine(d).trimEnd()));
    insertBatch(
      db,
      peerDocs,
      peerDocs.map((d) => facetOrdinals(d, dicts)),
      peerDocs.map((d) => dicts.invention(d.invention)),
    );
    finishLoad(db);
    for (const { query, total } of CASES) {
      const node = query.node;
      if (node.kind === "near" && node.ordered) {
        expect(() => renderFts5(node)).toThrow(/order/);
        continue;
      }
      const search =
        node.kind === "numbers"
          ? new Fts5Lookup(db, node.numbers)
          : new Fts5Search(db, renderFts5(node), null, 10, 10, query.group);
      search.run(); // the timed statements (top-10 too) run, not only the count
      expect([query.id, search.total()]).toEqual([query.id, total]);
    }
    db.close();
  });

  const java = checkJavaAndLucene();
  const scratch = mkdtempSync(join(tmpdir(), "peers-agree-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.skipIf(!java.ok)(
    "Lucene counts the same (grouping collector, SpanNear both orders, number seeks)",
    async () => {
      if (!java.ok) return;
      const queries = CASES.map((c) => c.query);
      writeDocsTsv(DOCS, join(scratch, "docs.tsv"));
      writeQueriesTsv(queries, join(scratch, "queries.tsv"));
      compileHarness(java.classpath, join(scratch, "classes"));
      const result = await runLucene({
        classpath: java.classpath,
        classesDir: join(scratch, "classes"),
        docsTsv: join(scratch, "docs.tsv"),
        queriesTsv: join(scratch, "queries.tsv"),
        indexDir: join(scratch, "index"),
        plan: { runs: 1, warmups: 0, budgetMs: 100, replay: true },
        facetSize: 10,
        size: DOCS.length,
      });
      expect(result.queries.map((q) => [q.id, q.error ?? q.total])).toEqual(CASES.map((c) => [c.query.id, c.total]));
    },
    120_000,
  );
});
