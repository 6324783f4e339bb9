/**
 * Merges run a step at a time while the index keeps changing (engine.planMerge, index/merge-policy.ts): new
 * segments, replacements and deletes of docs inside a running merge's inputs, several merges at once, saving
 * (segment bytes written once, deletes beside them later) and reloading. After every operation the engine must
 * answer exactly as an engine freshly built from the live docs: same totals, same hits in the same order, same
 * facet counts — never a doc counted twice or lost while a merge runs or when it swaps in.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SearchEngine } from "./engine.js";
import { doc } from "./test-fixtures.js";
import type { FacetField, MergeTask, PatentDoc } from "./types.js";

const WORDS = ["电池", "锂离子", "控制", "装置", "battery", "charging", "系统"];
const QUERIES = ["TI=电池", "电池 OR 控制", "battery", 'TI="锂离子电池"', "AP=甲公司", "TI=装置 AND NOT 系统"];
const FACETS: FacetField[] = ["year", "applicant", "type"];

const body = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
  ap: fc.constantFrom("甲公司", "乙大学", "丙研究院"),
  year: fc.integer({ min: 2015, max: 2022 }),
  grant: fc.boolean(),
});
type Body = typeof body extends fc.Arbitrary<infer T> ? T : never;

const toDoc = (id: number, b: Body): PatentDoc =>
  doc(id, {
    ti: b.words.join(""),
    ap: [b.ap],
    applicantIds: [b.ap],
    ad: b.year * 10000 + 101,
    type: b.grant ? "invention_grant" : "invention_application",
  });

const op = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant("add" as const), bodies: fc.array(body, { minLength: 1, maxLength: 3 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), body }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("plan" as const), tidy: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("step" as const), times: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("save" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reload" as const) }) },
);

/** What a query returns, in a form two engines can be compared by. */
function answers(engine: SearchEngine) {
  return QUERIES.map((q) => {
    const r = engine.search(q, { limit: 3, sort: "date_desc", facets: FACETS, facetSize: 20 });
    return {
      q,
      total: r.total,
      page: r.hits.map((h) => h.id),
      facets: r.facets,
      all: [...engine.iterateIds(q, { sort: "app_no" })],
    };
  });
}

describe("stepwise merges while the index changes", () => {
  it("answer exactly as a fresh index of the live docs after every operation", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 70 }), (ops) => {
        const engine = SearchEngine.create();
        const live = new Map<number, PatentDoc>();
        const tasks: MergeTask[] = [];
        /** Segment bytes as a saver wrote them, by segment key: written once, deletes saved beside them later. */
        const saved = new Map<number, Uint8Array>();
        let nextId = 1;
        const check = (e: SearchEngine) => {
          const fresh = SearchEngine.create();
          fresh.addDocuments([...live.values()].sort((a, b) => a.id - b.id));
          expect(e.docCount).toBe(live.size);
          expect(answers(e)).toEqual(answers(fresh));
        };
        for (const o of ops) {
          const ids = [...live.keys()];
          if (o.kind === "add") {
            const docs = o.bodies.map((b) => toDoc(nextId++, b));
            engine.addDocuments(docs);
            for (const d of docs) live.set(d.id, d);
          } else if (o.kind === "replace" && ids.length > 0) {
            const d = toDoc(ids[o.at % ids.length], o.body);
            engine.addDocuments([d]);
            live.set(d.id, d);
          } else if (o.kind === "delete" && ids.length > 0) {
            const id = ids[o.at % ids.length];
            engine.deleteDocuments([id]);
            live.delete(id);
          } else if (o.kind === "plan") {
            const t = engine.planMerge({ tidy: o.tidy });
            if (t) tasks.push(t);
          } else if (o.kind === "step") {
            for (let i = 0; i < o.times && tasks.length > 0; i++) if (tasks[0].step()) tasks.shift();
          } else if (o.kind === "save") {
            for (const v of engine.segmentViews()) if (!saved.has(v.key)) saved.set(v.key, v.bytes());
          } else if (o.kind === "reload") {
            const files = engine.segmentViews().map((v, i) => ({
              name: `seg-${String(i + 1).padStart(6, "0")}.zcs`,
              data: saved.get(v.key) ?? v.bytes(),
              deletedBits: v.deletedBits(),
            }));
            check(SearchEngine.fromSegmentFiles(files));
          }
          check(engine);
        }
        while (tasks.length > 0) if (tasks[0].step()) tasks.shift();
        check(engine);
        for (let t = engine.planMerge({ tidy: true }); t; t = engine.planMerge({ tidy: true })) while (!t.step());
        expect(engine.segmentCount).toBeLessThanOrEqual(2); // tidy leaves a base over 8 times the rest alone
        check(engine);
      }),
      { numRuns: 60, seed: 14 },
    );
  }, 120_000);

  it("drops a running merge whose inputs were compacted away, losing nothing", () => {
    const engine = SearchEngine.create();
    for (let i = 1; i <= 9; i++) engine.addDocuments([doc(i, { ti: `电池${i}` })]);
    const task = engine.planMerge();
    expect(task?.inputs).toBe(9);
    task?.step();
    engine.compact();
    engine.deleteDocuments([3]);
    while (!task?.step());
    expect(engine.segmentCount).toBe(1);
    expect(engine.search("TI=电池", { limit: 0 }).total).toBe(8);
  });

  it("refuses deletes saved beside a segment that do not fit it", () => {
    const engine = SearchEngine.create();
    engine.addDocuments([doc(1, { ti: "电池" }), doc(2, { ti: "电池" })]);
    const [v] = engine.segmentViews();
    const file = { name: "seg-000001.zcs", data: v.bytes() };
    expect(() => SearchEngine.fromSegmentFiles([{ ...file, deletedBits: new Uint8Array(2) }])).toThrow(/size/);
    expect(() => SearchEngine.fromSegmentFiles([{ ...file, deletedBits: Uint8Array.of(0b100) }])).toThrow(/past/);
    const loaded = SearchEngine.fromSegmentFiles([{ ...file, deletedBits: Uint8Array.of(0b10) }]);
    expect([...loaded.iterateIds("TI=电池")]).toEqual([1]);
    expect(loaded.segmentViews()[0].origin).toBe("seg-000001.zcs");
  });
});
