/**
 * The engine on the query forms of issue #16: truncation over stemmed words, proximity spellings, -word, exact
 * names and bare patent numbers, on one segment and across two (and after a merge and a reload).
 */
import { describe, expect, it } from "vitest";
import { SearchEngine } from "./engine.js";
import { doc } from "./test-fixtures.js";
import type { PatentDoc } from "./types.js";

const DOCS: PatentDoc[] = [
  doc(1, {
    pn: "CN114661197A",
    an: "CN202110000001.0",
    ti: "Vehicle charging device",
    ab: "The vehicles carry batteries.",
    in: ["王伟", "李娜"],
    ap: ["郑州大学"],
  }),
  doc(2, {
    pn: "CN114661197B",
    an: "CN202110000001.0",
    ti: "Vehicular radar imaging",
    ab: "Images of imaginary points.",
    in: ["王伟玮"],
    ap: ["郑州大学第一附属医院"],
  }),
  doc(3, {
    pn: "CN1234567A",
    an: "CN98123456.7",
    ti: "锂离子电池材料",
    ab: "电池的正极与负极之间设有隔膜。",
    in: ["王伟明", "Zhang  San"],
    ap: ["Acme Corp"],
  }),
  doc(4, {
    pn: "US2020123456A1",
    an: "",
    ti: "Driving a charged battery",
    ab: "A driver drives; sensing and sensors.",
    in: ["zhang san"],
  }),
];

function engines(): [string, SearchEngine][] {
  const one = SearchEngine.create();
  one.addDocuments(DOCS);
  const two = SearchEngine.create();
  two.addDocuments(DOCS.slice(0, 2));
  two.addDocuments(DOCS.slice(2));
  const merged = SearchEngine.fromSegmentFiles(two.toSegmentFiles());
  merged.compact();
  return [
    ["one segment", one],
    ["two segments", two],
    ["merged and reloaded", SearchEngine.fromSegmentFiles(merged.toSegmentFiles())],
  ];
}

describe.each(engines())("query forms (%s)", (_name, e) => {
  const ids = (q: string) => [...e.iterateIds(q, { sort: "date_asc" })].sort((a, b) => a - b);

  it("truncates stemmed words: a prefix finds every word starting with it", () => {
    expect(ids("vehicle")).toEqual([1]);
    expect(ids("vehicle*")).toEqual([1]);
    expect(ids("vehicles*")).toEqual([1]);
    expect(ids("vehic*")).toEqual([1, 2]);
    expect(ids("image*")).toEqual([2]);
    expect(ids("imag*")).toEqual([2]);
    expect(ids("imagi*")).toEqual([2]); // imaging (stem imag) and imaginary
    expect(ids("driving*")).toEqual([4]);
    expect(ids("batteries*")).toEqual([1, 4]);
    expect(ids("batteri*")).toEqual([1, 4]); // batteries starts with it, and battery is its other form
    expect(ids("sensing*")).toEqual([4]);
    expect(ids("chargin*")).toEqual([1, 4]); // charging, and charged: another form of its stem
    // a truncated word finds at least what the word finds
    for (const w of ["vehicle", "images", "driving", "charged", "sensors"]) {
      expect(ids(`${w}*`)).toEqual(expect.arrayContaining(ids(w)));
    }
  });

  it("scores truncation like the words it expands to", () => {
    const r = e.search("vehicle*", { limit: 5 });
    expect(r.total).toBe(1);
    expect(r.hits[0].score).toBeGreaterThan(0);
  });

  it("understands every proximity spelling", () => {
    // 电池 at 0, 正极 at 3 in the abstract of doc 3: one character between
    for (const q of ["电池 NEAR/1 正极", "电池 W/1 正极", "电池 1D 正极", "电池 NEAR2 正极", "正极 1D 电池"]) {
      expect(ids(q)).toEqual([3]);
    }
    for (const q of ["电池 PRE/1 正极", "电池 ADJ/1 正极", "电池 1W 正极", "电池 ADJ2 正极"])
      expect(ids(q)).toEqual([3]);
    for (const q of ["正极 PRE/1 电池", "正极 1W 电池", "电池 NEAR1 正极", "电池 ADJ 正极", "电池 0D 正极"]) {
      expect(ids(q)).toEqual([]);
    }
    expect(ids("锂离子 NEAR 电池")).toEqual([3]);
  });

  it("reads -word as NOT and FIELD:value as FIELD=value", () => {
    expect(ids("vehicle* -batteries")).toEqual([]);
    expect(ids("TI:vehic* -TI:radar")).toEqual([1]);
  });

  it("matches a whole name with == and a part of one with =", () => {
    expect(ids("IN=王伟")).toEqual([1, 2, 3]);
    expect(ids("IN==王伟")).toEqual([1]);
    expect(ids('IN=="王伟"')).toEqual([1]);
    expect(ids("IN==(王伟 OR 王伟明)")).toEqual([1, 3]);
    expect(ids('IN=="ZHANG SAN"')).toEqual([3, 4]);
    expect(ids("AP==郑州大学")).toEqual([1]);
    expect(ids("AP=郑州大学")).toEqual([1, 2]);
  });

  it("finds a record from its bare number, with or without prefix, kind code or check digit", () => {
    expect(ids("CN114661197A")).toEqual([1]);
    expect(ids("CN114661197")).toEqual([1, 2]);
    expect(ids("114661197")).toEqual([1, 2]);
    expect(ids("CN202110000001.0")).toEqual([1, 2]);
    expect(ids("202110000001")).toEqual([1, 2]);
    expect(ids("2021100000010")).toEqual([1, 2]);
    expect(ids("98123456.7")).toEqual([3]);
    expect(ids("US2020123456A1")).toEqual([4]);
    expect(ids("CN114661197B US2020123456A1")).toEqual([2, 4]);
    expect(ids("CN114661197B,CN1234567A;CN999999999A")).toEqual([2, 3]);
  });

  it("looks numbers up in batches, each with its own matches, deleted records left out", () => {
    expect(
      e.lookupNumbers([
        "CN114661197A",
        "114661197",
        "ZL202110000001.0",
        "98123456",
        "cn1234567a",
        "US2020123456A1",
        "CN0",
      ]),
    ).toEqual([[1], [1, 2], [1, 2], [3], [3], [4], []]);
  });

  it("reads full-width numbers as their ASCII spelling in a batch lookup", () => {
    expect(e.lookupNumbers(["ＣＮ１１４６６１１９７Ａ", "ｃｎ1234567ａ"])).toEqual([[1], [3]]);
  });
});

describe("batch lookup after changes", () => {
  it("leaves out deleted and replaced versions", () => {
    const e = SearchEngine.create();
    e.addDocuments(DOCS);
    e.deleteDocuments([2]);
    e.addDocuments([doc(4, { pn: "CN999999999A", an: "" })]);
    expect(e.lookupNumbers(["CN114661197", "US2020123456A1", "CN999999999"])).toEqual([[1], [], [4]]);
  });
});
