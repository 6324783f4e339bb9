/**
 * Property tests: random small documents and random queries (generated as trees, printed as query text). The
 * engine's hits, orders and facet counts must equal a brute-force reference that works on the raw documents
 * with plain string operations (substring for CJK, a hand-written word table for English, positions counted by
 * hand for proximity) and shares no index code with the engine. Every query form of docs/QUERY.md is generated:
 * truncation, each proximity spelling, -word, FIELD:value, exact names (==) and bare patent numbers. Runs across
 * several segments, after deletions/replacements, compaction and reloading.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SearchEngine } from "./engine.js";
import type { FacetField, PatentDoc, SortOrder } from "./types.js";

const CJK = ["电", "池", "锂", "离", "子"];
// word → stem as the engine's stemmer should produce it (written out by hand)
const WORDS: Record<string, string> = {
  battery: "battery",
  batteries: "battery",
  charge: "charg",
  charging: "charg",
  device: "devic",
  devices: "devic",
  cell: "cell",
  cells: "cell",
  lithium: "lithium",
};
// stems the reference knows beyond WORDS: the Latin inventor name's words
const STEMS: Record<string, string> = { ...WORDS, zhang: "zhang", san: "san" };
/**
 * prefix → the stems it reaches, by hand: a stem is reached when some word with that stem starts with the prefix
 * (batteri* reaches battery through "batteries"; charges* reaches charg through "charges").
 */
const PREFIX_STEMS: Record<string, string[]> = {
  batt: ["battery"],
  bat: ["battery"],
  battery: ["battery"],
  batteri: ["battery"],
  batteries: ["battery"],
  char: ["charg"],
  charge: ["charg"],
  charges: ["charg"],
  chargin: ["charg"],
  charging: ["charg"],
  dev: ["devic"],
  device: ["devic"],
  devices: ["devic"],
  cel: ["cell"],
  cells: ["cell"],
  lith: ["lithium"],
  lithiums: ["lithium"],
  c: ["charg", "cell"],
};
const PREFIXES = Object.keys(PREFIX_STEMS);
const AP_NAMES = ["电池锂", "电池锂离子", "离子电池"];
const IN_NAMES = ["王伟", "王伟明", "李娜", "Zhang San", "zhang  SAN"];
/** Proximity spellings: how each prints, whether the left side must come first, and how many may stand between. */
const PROXIMITY: { print: (n: number) => string; ordered: boolean; between: (n: number) => number; min: number }[] = [
  { print: (n) => `NEAR/${n}`, ordered: false, between: (n) => n, min: 0 },
  { print: (n) => `W/${n}`, ordered: false, between: (n) => n, min: 0 },
  { print: (n) => `${n}D`, ordered: false, between: (n) => n, min: 0 },
  { print: (n) => `PRE/${n}`, ordered: true, between: (n) => n, min: 0 },
  { print: (n) => `ADJ/${n}`, ordered: true, between: (n) => n, min: 0 },
  { print: (n) => `${n}W`, ordered: true, between: (n) => n, min: 0 },
  { print: (n) => `NEAR${n}`, ordered: false, between: (n) => n - 1, min: 1 },
  { print: (n) => `ADJ${n}`, ordered: true, between: (n) => n - 1, min: 1 },
];
const pnOf = (id: number) => `CN${114600000 + id}A`;
const anDigits = (n: number) => `20211000${n}`; // twelve digits, n in 1000..1020
const IPCS = ["H01M10/0525", "H01M10/42", "H01M4/505", "H01M100/00", "H02J7/00", "G06V10/82", "B60L50/60"];
const IPC_QUERIES = ["H", "H01", "H01M", "H01M10", "H01M10/00", "H01M10/0525", "H01M100", "G06V", "B60L50/60"];
const TYPES = ["invention_application", "invention_grant", "utility_model", "design"];
const TYPE_QUERIES: Record<string, string[]> = {
  发明: ["invention_application", "invention_grant"],
  实用新型: ["utility_model"],
  design: ["design"],
  invention_grant: ["invention_grant"],
};
const STATUSES = ["valid", "pending", "lapsed"];
const STATUS_QUERIES: Record<string, string> = { 有效: "valid", pending: "pending", 失效: "lapsed" };
const REGIONS = [[], ["41", "4101", "410105"], ["41", "4101", "410102"], ["41", "4103"], ["50", "5001"]];
const REGION_QUERIES = ["41", "4101", "410105", "50", "410100"];
const SEI_QUERIES = ["1", "1.1", "1.2", "2"];

const cjkRun = fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 5 }).map((a) => a.join(""));
const piece = fc.oneof(
  cjkRun,
  fc.constantFrom(...Object.keys(WORDS)).map((w) => ` ${w} `),
  fc.constantFrom("，", " ", ", "),
);
const text = (max: number) => fc.array(piece, { maxLength: max }).map((a) => a.join(""));
const date = fc.oneof(
  fc.constant(0),
  fc
    .record({
      y: fc.integer({ min: 2018, max: 2023 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => y * 10000 + m * 100 + d),
);

const docBody = fc.record({
  ti: text(4),
  ab: text(16),
  cl: text(3),
  ap: fc.array(fc.oneof(cjkRun, fc.constantFrom(...AP_NAMES)), { maxLength: 2 }),
  in: fc.array(fc.constantFrom(...IN_NAMES), { maxLength: 2 }),
  ipc: fc.uniqueArray(fc.constantFrom(...IPCS), { maxLength: 3 }),
  ad: date,
  pd: date,
  type: fc.constantFrom(...TYPES),
  status: fc.constantFrom(...STATUSES),
  region: fc.constantFrom(...REGIONS),
  sei: fc.uniqueArray(fc.constantFrom("1.1", "1.2", "2.1"), { maxLength: 2 }),
  applicantIds: fc.uniqueArray(fc.constantFrom("a", "b", "c"), { maxLength: 2 }),
  an: fc.oneof(
    fc.constant(""),
    fc.integer({ min: 1000, max: 1020 }).map((n) => `CN${anDigits(n)}.${n % 10}`),
  ),
});
type Body = typeof docBody extends fc.Arbitrary<infer T> ? T : never;

function toDoc(id: number, b: Body): PatentDoc {
  return { id, pn: pnOf(id), agc: [], ...b };
}

// ---- queries as trees ----
type Operand = { cjk: boolean; v: string };
type NumberLeaf = { k: "pn"; id: number; form: number } | { k: "an"; n: number; form: number };
type Q =
  | { k: "cjk"; f: string; sep: string; v: string; quoted: boolean }
  | { k: "word"; f: string; sep: string; v: string }
  | { k: "prefix"; f: string; sep: string; v: string }
  | { k: "near"; f: string; sep: string; a: Operand; b: Operand; n: number; op: number }
  | { k: "exact"; f: "AP" | "IN"; v: string; quoted: boolean }
  | NumberLeaf
  | { k: "numbers"; items: NumberLeaf[]; sep: string }
  | { k: "date"; f: "AD" | "PD"; op: string; v: string; from: number; to: number }
  | { k: "type"; v: string }
  | { k: "status"; v: string }
  | { k: "ipc"; v: string }
  | { k: "region"; v: string }
  | { k: "sei"; v: string }
  | { k: "and" | "or"; a: Q; b: Q }
  | { k: "not"; a: Q; dash: boolean };

const textField = fc.constantFrom("TX", "TI", "AB", "CL", "AP", "IN", "");
const sep = fc.constantFrom("=", ":");
const operand: fc.Arbitrary<Operand> = fc.oneof(
  fc.array(fc.constantFrom(...CJK), { minLength: 2, maxLength: 3 }).map((a) => ({ cjk: true, v: a.join("") })),
  fc.constantFrom(...Object.keys(WORDS)).map((v) => ({ cjk: false, v })),
);
const pnLeaf: fc.Arbitrary<NumberLeaf> = fc.record({
  k: fc.constant("pn" as const),
  id: fc.integer({ min: 0, max: 31 }).map((i) => i * 3 + 1),
  form: fc.integer({ min: 0, max: 3 }),
});
const anLeaf: fc.Arbitrary<NumberLeaf> = fc.record({
  k: fc.constant("an" as const),
  n: fc.integer({ min: 1000, max: 1021 }),
  form: fc.integer({ min: 0, max: 4 }),
});
const year = fc.integer({ min: 2017, max: 2024 });
const dateLeaf: fc.Arbitrary<Q> = fc.oneof(
  fc
    .record({ f: fc.constantFrom("AD" as const, "PD" as const), y: year })
    .map(({ f, y }) => ({ k: "date" as const, f, op: ">=", v: `${y}`, from: y * 10000 + 101, to: 99991231 })),
  fc
    .record({ f: fc.constantFrom("AD" as const, "PD" as const), y: year })
    .map(({ f, y }) => ({ k: "date" as const, f, op: "<=", v: `${y}0630`, from: 1, to: y * 10000 + 630 })),
  fc
    .record({ f: fc.constantFrom("AD" as const, "PD" as const), y: year, n: fc.integer({ min: 0, max: 2 }) })
    .map(({ f, y, n }) => ({
      k: "date" as const,
      f,
      op: "=",
      v: `${y}..${y + n}`,
      from: y * 10000 + 101,
      to: (y + n) * 10000 + 1231,
    })),
  fc
    .record({ f: fc.constantFrom("AD" as const, "PD" as const), y: year })
    .map(({ f, y }) => ({ k: "date" as const, f, op: ">", v: `${y}-06`, from: y * 10000 + 632, to: 99991231 })),
);
const leaf: fc.Arbitrary<Q> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        f: textField,
        sep,
        v: fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 4 }).map((a) => a.join("")),
        quoted: fc.boolean(),
      })
      .map((r) => ({ k: "cjk" as const, ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ f: textField, sep, v: fc.constantFrom(...Object.keys(WORDS)) })
      .map((r) => ({ k: "word" as const, ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ f: textField, sep, v: fc.constantFrom(...PREFIXES) })
      .map((r) => ({ k: "prefix" as const, ...r })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        f: textField,
        sep,
        a: operand,
        b: operand,
        n: fc.integer({ min: 0, max: 4 }),
        op: fc.integer({ min: 0, max: PROXIMITY.length - 1 }),
      })
      .map((r) => ({ k: "near" as const, ...r, n: Math.max(r.n, PROXIMITY[r.op].min) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.record({ f: fc.constant("AP" as const), v: fc.constantFrom(...AP_NAMES), quoted: fc.boolean() }),
        fc.record({ f: fc.constant("IN" as const), v: fc.constantFrom(...IN_NAMES), quoted: fc.boolean() }),
      )
      .map((r) => ({ k: "exact" as const, ...r })),
  },
  { weight: 2, arbitrary: fc.oneof(pnLeaf, anLeaf) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        items: fc.array(fc.oneof(pnLeaf, anLeaf), { minLength: 2, maxLength: 3 }),
        sep: fc.constantFrom(" ", ",", ";"),
      })
      .map((r) => ({ k: "numbers" as const, ...r })),
  },
  { weight: 1, arbitrary: dateLeaf },
  { weight: 1, arbitrary: fc.constantFrom(...Object.keys(TYPE_QUERIES)).map((v) => ({ k: "type" as const, v })) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.keys(STATUS_QUERIES)).map((v) => ({ k: "status" as const, v })) },
  { weight: 1, arbitrary: fc.constantFrom(...IPC_QUERIES).map((v) => ({ k: "ipc" as const, v })) },
  { weight: 1, arbitrary: fc.constantFrom(...REGION_QUERIES).map((v) => ({ k: "region" as const, v })) },
  { weight: 1, arbitrary: fc.constantFrom(...SEI_QUERIES).map((v) => ({ k: "sei" as const, v })) },
);
const query: fc.Arbitrary<Q> = fc.letrec<{ q: Q }>((tie) => ({
  q: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ k: fc.constantFrom("and" as const, "or" as const), a: tie("q"), b: tie("q") }),
    fc.record({ k: fc.constant("not" as const), a: tie("q"), dash: fc.boolean() }),
  ),
})).q;

function printNumber(q: NumberLeaf): string {
  if (q.k === "pn") {
    const pn = pnOf(q.id);
    return [pn, pn.slice(2, -1), pn.slice(0, -1), pn.toLowerCase()][q.form];
  }
  const d = anDigits(q.n);
  const check = q.n % 10;
  return [`CN${d}.${check}`, d, `${d}${check}`, `ZL${d}.${check}`, `${d}${(check + 1) % 10}`][q.form];
}

function print(q: Q): string {
  const f = (field: string) => (field === "" ? "" : `${field}${"sep" in q ? q.sep : "="}`);
  switch (q.k) {
    case "cjk":
      return q.quoted ? `${f(q.f)}"${q.v}"` : `${f(q.f)}${q.v}`;
    case "word":
      return `${f(q.f)}${q.v}`;
    case "prefix":
      return `${f(q.f)}${q.v}*`;
    case "near":
      return `${f(q.f)}(${q.a.v} ${PROXIMITY[q.op].print(q.n)} ${q.b.v})`;
    case "exact":
      return q.quoted || /\s/.test(q.v) ? `${q.f}=="${q.v}"` : `${q.f}==${q.v}`;
    case "pn":
    case "an":
      return printNumber(q);
    case "numbers":
      return `(${q.items.map(printNumber).join(q.sep)})`;
    case "date":
      return `${q.f}${q.op}${q.v}`;
    case "type":
      return `TYPE=${q.v}`;
    case "status":
      return `STATUS=${q.v}`;
    case "ipc":
      return `IPC=${q.v}`;
    case "region":
      return `REGION=${q.v}`;
    case "sei":
      return `SEI=${q.v}`;
    case "not":
      return q.dash ? `-(${print(q.a)})` : `NOT (${print(q.a)})`;
    default:
      return `(${print(q.a)} ${q.k.toUpperCase()} ${print(q.b)})`;
  }
}

// ---- the reference ----
function fieldTexts(d: PatentDoc, f: string): string[] {
  switch (f) {
    case "TI":
      return [d.ti];
    case "AB":
      return [d.ab];
    case "CL":
      return [d.cl];
    case "AP":
      return d.ap;
    case "IN":
      return d.in;
    default:
      return [d.ti, d.ab, d.cl];
  }
}
const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
const ipcRef = (code: string, q: string) => {
  if (q.length <= 4) return code.startsWith(q);
  if (q.endsWith("/00")) return code.split("/")[0] === q.slice(0, -3);
  if (!q.includes("/")) return code.split("/")[0] === q;
  return code.startsWith(q);
};

/** Positions by hand: each CJK character and each word takes one; `at` is the character's offset in the text. */
interface RefUnit {
  cjk: boolean;
  v: string; // the character, or the word's stem
  at: number;
}
function refUnits(text: string): RefUnit[] {
  const out: RefUnit[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+|[\u4e00-\u9fff]/g)) {
    const cjk = /[\u4e00-\u9fff]/.test(m[0]);
    out.push({ cjk, v: cjk ? m[0] : (STEMS[m[0]] ?? m[0]), at: m.index });
  }
  return out;
}
/** Start positions where an operand matches: CJK characters consecutive in the text, or a word by stem. */
function operandStarts(us: RefUnit[], o: Operand): number[] {
  const out: number[] = [];
  for (let i = 0; i < us.length; i++) {
    if (!o.cjk) {
      if (!us[i].cjk && us[i].v === WORDS[o.v]) out.push(i);
      continue;
    }
    let ok = i + o.v.length <= us.length;
    for (let j = 0; j < o.v.length && ok; j++) {
      const u = us[i + j];
      ok = u.cjk && u.v === o.v[j] && (j === 0 || u.at === us[i + j - 1].at + 1);
    }
    if (ok) out.push(i);
  }
  return out;
}
function nearRef(text: string, q: Extract<Q, { k: "near" }>): boolean {
  const us = refUnits(text);
  const la = q.a.cjk ? q.a.v.length : 1;
  const lb = q.b.cjk ? q.b.v.length : 1;
  const { ordered, between } = PROXIMITY[q.op];
  const max = between(q.n);
  for (const a of operandStarts(us, q.a))
    for (const b of operandStarts(us, q.b)) {
      if (b >= a + la) {
        if (b - (a + la) <= max) return true;
      } else if (!ordered) {
        if (a >= b + lb ? a - (b + lb) <= max : true) return true; // overlapping matches are near
      }
    }
  return false;
}
const wholeName = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
function numberRef(d: PatentDoc, q: NumberLeaf): boolean {
  if (q.k === "pn") return d.pn === pnOf(q.id);
  if (d.an === "" || d.an.slice(2, 14) !== anDigits(q.n)) return false;
  const check = [`${q.n % 10}`, "", `${q.n % 10}`, `${q.n % 10}`, `${(q.n + 1) % 10}`][q.form];
  return check === "" || d.an.slice(15) === check;
}

function matches(d: PatentDoc, q: Q): boolean {
  switch (q.k) {
    case "cjk":
      return fieldTexts(d, q.f).some((t) => t.includes(q.v));
    case "word":
      return fieldTexts(d, q.f).some((t) => words(t).some((w) => STEMS[w] === WORDS[q.v]));
    case "prefix":
      return fieldTexts(d, q.f).some((t) => words(t).some((w) => PREFIX_STEMS[q.v].includes(STEMS[w])));
    case "near":
      return fieldTexts(d, q.f).some((t) => nearRef(t, q));
    case "exact":
      return (q.f === "AP" ? d.ap : d.in).some((n) => wholeName(n) === wholeName(q.v));
    case "pn":
    case "an":
      return numberRef(d, q);
    case "numbers":
      return q.items.some((i) => numberRef(d, i));
    case "date": {
      const v = q.f === "AD" ? d.ad : d.pd;
      return v !== 0 && v >= q.from && v <= q.to;
    }
    case "type":
      return TYPE_QUERIES[q.v].includes(d.type);
    case "status":
      return STATUS_QUERIES[q.v] === d.status;
    case "ipc":
      return d.ipc.some((c) => ipcRef(c, q.v));
    case "region":
      return d.region.includes(q.v === "410100" ? "4101" : q.v);
    case "sei":
      return d.sei.some((s) => s === q.v || s.startsWith(`${q.v}.`));
    case "not":
      return !matches(d, q.a);
    case "and":
      return matches(d, q.a) && matches(d, q.b);
    case "or":
      return matches(d, q.a) || matches(d, q.b);
  }
}

const dateOf = (d: PatentDoc) => (d.ad !== 0 ? d.ad : d.pd);
function refOrder(docs: PatentDoc[], sort: SortOrder): number[] {
  const key = (d: PatentDoc) => {
    if (sort === "date_desc") return dateOf(d) > 0 ? -dateOf(d) : Number.MAX_SAFE_INTEGER;
    return dateOf(d) > 0 ? dateOf(d) : Number.MAX_SAFE_INTEGER;
  };
  if (sort === "app_no") {
    return [...docs]
      .sort((a, b) => {
        if (a.an !== b.an) return a.an === "" ? 1 : b.an === "" ? -1 : a.an < b.an ? -1 : 1;
        return a.id - b.id;
      })
      .map((d) => d.id);
  }
  return [...docs].sort((a, b) => key(a) - key(b) || a.id - b.id).map((d) => d.id);
}

function refFacets(docs: PatentDoc[]): Record<string, Record<string, number>> {
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
    add(
      "ipc_group",
      d.ipc.map((c) => `${c.split("/")[0]}/00`),
    );
    add(
      "province",
      d.region.filter((r) => r.length === 2),
    );
    add(
      "city",
      d.region.filter((r) => r.length === 4),
    );
    add("sei", d.sei);
    add("applicant", d.applicantIds);
  }
  return out;
}
const FACETS: FacetField[] = [
  "year",
  "type",
  "status",
  "ipc_subclass",
  "ipc_group",
  "province",
  "city",
  "sei",
  "applicant",
];

// ---- building an engine through a random history ----
const scenario = fc.record({
  bodies: fc.array(docBody, { minLength: 1, maxLength: 30 }),
  cuts: fc.array(fc.nat(), { maxLength: 2 }),
  deletes: fc.array(fc.nat(), { maxLength: 4 }),
  replacements: fc.array(fc.tuple(fc.nat(), docBody), { maxLength: 3 }),
  compact: fc.boolean(),
  reload: fc.boolean(),
  queries: fc.array(query, { minLength: 1, maxLength: 3 }),
  leaves: fc.array(leaf, { minLength: 4, maxLength: 10 }),
});

function build(s: typeof scenario extends fc.Arbitrary<infer T> ? T : never): {
  engine: SearchEngine;
  live: Map<number, PatentDoc>;
} {
  const docs = s.bodies.map((b, i) => toDoc(i * 3 + 1, b));
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
  return { engine, live };
}

describe("engine vs brute-force reference", () => {
  it("hits, orders, pages and facets match", () => {
    let nonTrivial = 0;
    let queries = 0;
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom<SortOrder>("relevance", "date_desc", "date_asc", "app_no"),
        fc.integer({ min: 1, max: 5 }),
        (s, sort, pageSize) => {
          const { engine, live } = build(s);
          expect(engine.docCount).toBe(live.size);
          for (const q of [...s.leaves, ...s.queries]) {
            const text = print(q);
            const expected = [...live.values()].filter((d) => matches(d, q));
            const got = [...engine.iterateIds(text, { sort })];
            queries++;
            if (expected.length > 0 && expected.length < live.size) nonTrivial++;
            if (sort === "relevance")
              expect([...got].sort((a, b) => a - b)).toEqual(expected.map((d) => d.id).sort((a, b) => a - b));
            else expect(got).toEqual(refOrder(expected, sort));
            // walking every page with cursors yields the same sequence
            const walked: number[] = [];
            let cursor: string | null = null;
            let pages = 0;
            do {
              const r = engine.search(text, {
                sort,
                limit: pageSize,
                cursor,
                facets: pages === 0 ? FACETS : [],
                facetSize: 100,
              });
              expect(r.total).toBe(expected.length);
              if (pages === 0) {
                const ref = refFacets(expected);
                for (const f of FACETS) {
                  const gotF = Object.fromEntries((r.facets[f] ?? []).map((b) => [b.value, b.count]));
                  expect(gotF, `${f} for ${text}`).toEqual(ref[f] ?? {});
                }
              }
              walked.push(...r.hits.map((h) => h.id));
              cursor = r.nextCursor;
              pages++;
            } while (cursor !== null && pages < 100);
            expect(walked).toEqual(got);
          }
        },
      ),
      { numRuns: 100 },
    );
    // the generators must produce queries that split the documents, or the comparison proves little
    expect(nonTrivial / queries).toBeGreaterThan(0.3);
  });
});
