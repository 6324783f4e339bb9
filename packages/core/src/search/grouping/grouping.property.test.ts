/**
 * group=invention against a brute-force reference: random documents sharing a few invention keys, spread over
 * several segments with deletions, replacements, compaction and reloading; random queries. The reference groups
 * the matching documents by hand: the total is the number of distinct inventions, each facet counts every
 * invention once with the values of its latest matching publication (publication date, then id), pages walk the
 * inventions in the order of their best publication, and each hit lists every live publication of its invention.
 * Relevance scores come from the ungrouped engine (the grouping is what is under test, not BM25).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SearchEngine } from "../engine.js";
import type { FacetField, PatentDoc, SortOrder } from "../types.js";

const CJK = ["电", "池", "锂", "离"];
const TYPES = ["invention_application", "invention_grant", "utility_model"];
const STATUSES = ["valid", "pending", "lapsed"];
const IPCS = ["H01M10/0525", "H01M4/505", "H02J7/00", "G06V10/82"];
const KEYS = ["AN:CN1", "AN:CN2", "AN:CN3", "FAM:F1", "PN:X"];

const cjkRun = fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 4 }).map((a) => a.join(""));
const date = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 2019, max: 2022 }).chain((y) => fc.integer({ min: 1, max: 3 }).map((m) => y * 10000 + m * 100 + 1)),
);
const body = fc.record({
  ti: fc.array(cjkRun, { maxLength: 3 }).map((a) => a.join("，")),
  ab: fc.array(cjkRun, { maxLength: 4 }).map((a) => a.join(" ")),
  ad: date,
  pd: date,
  type: fc.constantFrom(...TYPES),
  status: fc.constantFrom(...STATUSES),
  ipc: fc.uniqueArray(fc.constantFrom(...IPCS), { maxLength: 2 }),
  applicantIds: fc.uniqueArray(fc.constantFrom("a", "b", "c"), { maxLength: 2 }),
  an: fc.oneof(
    fc.constant(""),
    fc.integer({ min: 10, max: 14 }).map((n) => `CN20200${n}`),
  ),
  // mostly shared keys (inventions of several publications); sometimes none (the doc is its own invention)
  invention: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constant("") }),
});
type Body = typeof body extends fc.Arbitrary<infer T> ? T : never;
const toDoc = (id: number, b: Body): PatentDoc => ({
  id,
  pn: `CN${id}A`,
  cl: "",
  ap: [],
  in: [],
  agc: [],
  region: [],
  sei: [],
  ...b,
  invention: b.invention || `ID:${id}`,
});

type Q =
  | { k: "text"; f: "TI" | ""; v: string }
  | { k: "type"; v: string }
  | { k: "status"; v: string }
  | { k: "and" | "or"; a: Q; b: Q }
  | { k: "not"; a: Q };
const leaf: fc.Arbitrary<Q> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({ f: fc.constantFrom("TI" as const, "" as const), v: cjkRun })
      .map((r) => ({ k: "text" as const, ...r })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...TYPES).map((v) => ({ k: "type" as const, v })) },
  { weight: 1, arbitrary: fc.constantFrom(...STATUSES).map((v) => ({ k: "status" as const, v })) },
);
const query: fc.Arbitrary<Q> = fc.oneof(
  leaf,
  fc.record({ k: fc.constantFrom("and" as const, "or" as const), a: leaf, b: leaf }),
  leaf.map((a) => ({
    k: "and" as const,
    a: { k: "text" as const, f: "" as const, v: "电" },
    b: { k: "not" as const, a },
  })),
);
function print(q: Q): string {
  switch (q.k) {
    case "text":
      return q.f ? `TI=${q.v}` : q.v;
    case "type":
      return `TYPE=${q.v}`;
    case "status":
      return `STATUS=${q.v}`;
    case "not":
      return `NOT (${print(q.a)})`;
    default:
      return `(${print(q.a)} ${q.k.toUpperCase()} ${print(q.b)})`;
  }
}
function matches(d: PatentDoc, q: Q): boolean {
  switch (q.k) {
    case "text":
      return q.f === "TI" ? d.ti.includes(q.v) : d.ti.includes(q.v) || d.ab.includes(q.v);
    case "type":
      return d.type === q.v;
    case "status":
      return d.status === q.v;
    case "not":
      return !matches(d, q.a);
    case "and":
      return matches(d, q.a) && matches(d, q.b);
    case "or":
      return matches(d, q.a) || matches(d, q.b);
  }
}

const FACETS: FacetField[] = ["year", "type", "status", "ipc_subclass", "applicant"];
const dateOf = (d: PatentDoc) => (d.ad !== 0 ? d.ad : d.pd);
function facetsOf(docs: PatentDoc[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const add = (f: string, vals: string[]) => {
    out[f] ??= {};
    for (const v of new Set(vals)) out[f][v] = (out[f][v] ?? 0) + 1;
  };
  for (const d of docs) {
    add("year", dateOf(d) > 0 ? [String(Math.floor(dateOf(d) / 10000))] : []);
    add("type", [d.type]);
    add("status", [d.status]);
    add(
      "ipc_subclass",
      d.ipc.map((c) => c.slice(0, 4)),
    );
    add("applicant", d.applicantIds);
  }
  return out;
}

/** (key, id) of a publication in the sort order: smaller is better; unknown dates and numbers last. */
function sortKey(d: PatentDoc, sort: SortOrder, score: number): [number | string, number] {
  if (sort === "relevance") return [-score, d.id];
  if (sort === "app_no") return [d.an === "" ? "\uffff" : d.an.replace(/^CN/, ""), d.id];
  const x = dateOf(d);
  if (x === 0) return [Number.MAX_SAFE_INTEGER, d.id];
  return [sort === "date_desc" ? -x : x, d.id];
}
const cmp = (a: [number | string, number], b: [number | string, number]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];

function reference(live: PatentDoc[], matching: PatentDoc[], sort: SortOrder, scores: Map<number, number>) {
  const byKey = new Map<string, PatentDoc[]>();
  for (const d of matching) byKey.set(d.invention!, [...(byKey.get(d.invention!) ?? []), d]);
  const inventions = [...byKey.entries()].map(([key, docs]) => {
    const best = [...docs].sort((a, b) =>
      cmp(sortKey(a, sort, scores.get(a.id)!), sortKey(b, sort, scores.get(b.id)!)),
    )[0];
    const latest = [...docs].sort((a, b) => b.pd - a.pd || b.id - a.id)[0];
    const members = live
      .filter((d) => d.invention === key)
      .map((d) => d.id)
      .sort((a, b) => a - b);
    return { best, latest, members, bestKey: sortKey(best, sort, scores.get(best.id)!) };
  });
  inventions.sort((a, b) => cmp(a.bestKey, b.bestKey));
  return { inventions, facets: facetsOf(inventions.map((i) => i.latest)) };
}

const scenario = fc.record({
  bodies: fc.array(body, { minLength: 1, maxLength: 30 }),
  cuts: fc.array(fc.nat(), { maxLength: 3 }),
  deletes: fc.array(fc.nat(), { maxLength: 4 }),
  replacements: fc.array(fc.tuple(fc.nat(), body), { maxLength: 3 }),
  compact: fc.boolean(),
  reload: fc.boolean(),
  queries: fc.array(query, { minLength: 1, maxLength: 4 }),
});

function build(s: typeof scenario extends fc.Arbitrary<infer T> ? T : never) {
  const docs = s.bodies.map((b, i) => toDoc(i * 2 + 1, b));
  let engine = SearchEngine.create();
  const cuts = [...new Set(s.cuts.map((c) => c % docs.length))].sort((a, b) => a - b);
  let from = 0;
  for (const c of [...cuts, docs.length]) {
    if (c > from) engine.addDocuments(docs.slice(from, c));
    from = Math.max(from, c);
  }
  const live = new Map(docs.map((d) => [d.id, d]));
  const delIds = s.deletes.map((n) => docs[n % docs.length].id);
  engine.deleteDocuments(delIds);
  for (const id of delIds) live.delete(id);
  const repl = s.replacements.map(([n, b]) => toDoc(docs[n % docs.length].id, b));
  if (repl.length > 0) engine.addDocuments(repl);
  for (const d of repl) live.set(d.id, d);
  if (s.compact) engine.compact();
  if (s.reload) engine = SearchEngine.fromSegmentFiles(engine.toSegmentFiles());
  return { engine, live: [...live.values()] };
}

describe("group=invention vs brute-force reference", () => {
  it("totals, facets, pages, publications and grouped exports match", () => {
    let grouped = 0;
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom<SortOrder>("relevance", "date_desc", "date_asc", "app_no"),
        fc.integer({ min: 1, max: 4 }),
        (s, sort, pageSize) => {
          const { engine, live } = build(s);
          for (const q of s.queries) {
            const text = print(q);
            const matching = live.filter((d) => matches(d, q));
            const scores = new Map(engine.search(text, { limit: 100 }).hits.map((h) => [h.id, h.score]));
            for (const d of matching) if (!scores.has(d.id)) scores.set(d.id, 0);
            const ref = reference(live, matching, sort, scores);
            if (ref.inventions.length < matching.length) grouped++;
            const walked: number[] = [];
            let cursor: string | null = null;
            let pages = 0;
            do {
              const r = engine.search(text, {
                sort,
                limit: pageSize,
                cursor,
                group: "invention",
                facets: pages === 0 ? FACETS : [],
                facetSize: 50,
              });
              expect(r.total, text).toBe(ref.inventions.length);
              if (pages === 0)
                for (const f of FACETS) {
                  const got = Object.fromEntries((r.facets[f] ?? []).map((b) => [b.value, b.count]));
                  expect(got, `${f} for ${text}`).toEqual(ref.facets[f] ?? {});
                }
              for (const h of r.hits) {
                const inv = ref.inventions[walked.length];
                expect(h.id, `${text} ${sort}`).toBe(inv?.best.id);
                expect(h.publications).toEqual(inv.members);
                walked.push(h.id);
              }
              cursor = r.nextCursor;
              pages++;
            } while (cursor !== null && pages < 100);
            expect(walked).toEqual(ref.inventions.map((i) => i.best.id));
            expect([...engine.iterateIds(text, { sort, group: "invention" })]).toEqual(walked);
            expect([...engine.iterateIds(text, { sort, group: "invention", pick: "latest" })]).toEqual(
              ref.inventions.map((i) => i.latest.id),
            );
          }
        },
      ),
      { numRuns: 80 },
    );
    // the data must actually fold publications together, or the test proves little
    expect(grouped).toBeGreaterThan(20);
  });
});
