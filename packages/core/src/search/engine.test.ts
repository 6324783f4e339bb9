import { describe, expect, it } from "vitest";
import { SearchEngine } from "./engine.js";
import { doc, SAMPLE } from "./test-fixtures.js";
import { QuerySyntaxError, type SortOrder } from "./types.js";

function engine(split = false): SearchEngine {
  const e = SearchEngine.create();
  if (split) {
    e.addDocuments(SAMPLE.slice(0, 2));
    e.addDocuments(SAMPLE.slice(2));
  } else e.addDocuments(SAMPLE);
  return e;
}

function ids(e: SearchEngine, q: string, sort: SortOrder = "date_asc"): number[] {
  return [...e.iterateIds(q, { sort })].sort((a, b) => a - b);
}

describe.each([false, true])("SearchEngine (split segments: %s)", (split) => {
  const e = engine(split);

  it("finds CJK words and substrings", () => {
    expect(ids(e, "电池")).toEqual([1, 3, 5]);
    expect(ids(e, "离子")).toEqual([1]);
    expect(ids(e, "锂离子电池")).toEqual([1]);
    expect(ids(e, "锂")).toEqual([1]);
    expect(ids(e, "子电池正")).toEqual([1]);
    expect(ids(e, "电池正极材料的")).toEqual([]);
  });

  it("matches English with stemming, case and truncation", () => {
    expect(ids(e, "batteries")).toEqual([2]);
    expect(ids(e, "CHARGE")).toEqual([2]);
    expect(ids(e, "lith*")).toEqual([2]);
    expect(ids(e, '"lithium battery"')).toEqual([2]);
    expect(ids(e, '"battery lithium"')).toEqual([]);
  });

  it("restricts to fields", () => {
    expect(ids(e, "TI=电池")).toEqual([1, 3]);
    expect(ids(e, "AB=电机")).toEqual([5]);
    expect(ids(e, "CL=控制器")).toEqual([3]);
    expect(ids(e, "AP=郑州大学")).toEqual([1]);
    expect(ids(e, "AP=郑州")).toEqual([1]);
    expect(ids(e, "IN=张三")).toEqual([1]);
    expect(ids(e, "AGC=代理")).toEqual([1]);
    expect(ids(e, "TI=(电池 OR 车辆)")).toEqual([1, 3, 5]);
  });

  it("evaluates AND, OR, NOT and implicit AND", () => {
    expect(ids(e, "电池 AND 电机")).toEqual([5]);
    expect(ids(e, "电池 电机")).toEqual([5]);
    expect(ids(e, "电池 OR 图像")).toEqual([1, 3, 4, 5]);
    expect(ids(e, "电池 NOT 电机")).toEqual([1, 3]);
    expect(ids(e, "NOT 电池")).toEqual([2, 4]);
    expect(ids(e, "电池 与 电机")).toEqual([5]);
    expect(ids(e, "(电池 OR lithium) AND NOT TYPE=发明")).toEqual([2, 5]);
  });

  it("matches every document with * (and pages through them all, facets counted)", () => {
    expect(ids(e, "*")).toEqual([1, 2, 3, 4, 5]);
    expect(ids(e, "* AND TYPE=发明")).toEqual(ids(e, "TYPE=发明"));
    expect(ids(e, "* NOT 电池")).toEqual([2, 4]);
    const first = e.search("*", { limit: 3, facets: ["year"], sort: "relevance" });
    expect(first.total).toBe(5);
    const rest = e.search("*", { limit: 3, cursor: first.nextCursor, sort: "relevance" });
    expect([...first.hits, ...rest.hits].map((h) => h.id).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(first.facets.year).toEqual(e.search("NOT 不存在", { limit: 0, facets: ["year"] }).facets.year);
    expect(first.highlightTerms).toEqual([]);
  });

  it("does proximity", () => {
    expect(ids(e, "电池 NEAR/3 电机")).toEqual([5]);
    expect(ids(e, "电机 NEAR/0 和电")).toEqual([5]);
    expect(ids(e, "控制器 NEAR/2 电池")).toEqual([3]);
    expect(ids(e, "控制器 NEAR/1 电压")).toEqual([]);
    expect(ids(e, "电机 PRE/1 电池")).toEqual([5]);
    expect(ids(e, "电池 PRE/0 电机")).toEqual([]);
  });

  it("filters by date, type, status, region, SEI, IPC, PN, AN", () => {
    expect(ids(e, "AD>=2021")).toEqual([2, 4]);
    expect(ids(e, "AD=2020..2021")).toEqual([1, 2, 5]);
    expect(ids(e, "AD<2020-06-01")).toEqual([1]);
    expect(ids(e, "AD>2020-01-15")).toEqual([2, 4, 5]);
    expect(ids(e, "PD=2019")).toEqual([3]);
    expect(ids(e, "AD=20200115")).toEqual([1]);
    expect(ids(e, "TYPE=发明")).toEqual([1, 3, 4]);
    expect(ids(e, "TYPE=utility_model")).toEqual([2]);
    expect(ids(e, "STATUS=有效")).toEqual([1]);
    expect(ids(e, "REGION=4101")).toEqual([1, 3, 5]);
    expect(ids(e, "REGION=410100")).toEqual([1, 3, 5]);
    expect(ids(e, "REGION=41")).toEqual([1, 2, 3, 5]);
    expect(ids(e, "SEI=1")).toEqual([1, 3]);
    expect(ids(e, "SEI=1.1")).toEqual([3]);
    expect(ids(e, "IPC=H01M")).toEqual([1, 3, 5]);
    expect(ids(e, "IPC=H01M10")).toEqual([1, 3]);
    expect(ids(e, "IPC=H01M10/00")).toEqual([1, 3]);
    expect(ids(e, "IPC=h01m 10/0525")).toEqual([1]);
    expect(ids(e, "IPC=H01M1")).toEqual([]);
    expect(ids(e, "IPC=G")).toEqual([3, 4]);
    expect(ids(e, "PN=CN100001A")).toEqual([1]);
    expect(ids(e, "PN=100001")).toEqual([1]);
    expect(ids(e, "pn=cn100002")).toEqual([2]);
    expect(ids(e, "AN=202010000003")).toEqual([3]);
    expect(ids(e, "AN=CN202010000003.1")).toEqual([3]);
  });

  it("resolves region names through the resolver", () => {
    const resolver = (name: string) => (name === "郑州" ? ["410100"] : []);
    expect([...e.iterateIds("REGION=郑州", { regionResolver: resolver })].sort()).toEqual([1, 3, 5]);
    expect(() => e.search("REGION=郑州")).toThrow(QuerySyntaxError);
    expect(() => e.search("REGION=火星", { regionResolver: resolver })).toThrow(/Unknown region/);
  });

  it("sorts and pages with cursors", () => {
    const byDate = e.search("电池 OR lithium OR 图像", { sort: "date_desc", limit: 2 });
    expect(byDate.total).toBe(5);
    expect(byDate.hits.map((h) => h.id)).toEqual([4, 2]);
    const p2 = e.search("电池 OR lithium OR 图像", { sort: "date_desc", limit: 2, cursor: byDate.nextCursor });
    expect(p2.hits.map((h) => h.id)).toEqual([5, 1]);
    const p3 = e.search("电池 OR lithium OR 图像", { sort: "date_desc", limit: 2, cursor: p2.nextCursor });
    expect(p3.hits.map((h) => h.id)).toEqual([3]);
    expect(p3.nextCursor).toBeNull();
    expect([...e.iterateIds("NOT 不存在", { sort: "date_asc" })]).toEqual([3, 1, 5, 2, 4]);
    expect([...e.iterateIds("NOT 不存在", { sort: "app_no" })]).toEqual([1, 2, 3, 5, 4]);
  });

  it("handles limit 0 and limits beyond the hit count", () => {
    const none = e.search("电池", { limit: 0, facets: ["year"] });
    expect([none.total, none.hits, none.nextCursor]).toEqual([3, [], null]);
    expect(none.facets.year?.length).toBeGreaterThan(0);
    const all = e.search("电池", { limit: 1_000_000_000 });
    expect(all.hits.map((h) => h.id).sort()).toEqual([1, 3, 5]);
    expect(all.nextCursor).toBeNull();
  });

  it("ranks title matches first", () => {
    const r = e.search("电池", { limit: 3 });
    expect(r.hits[0].id === 1 || r.hits[0].id === 3).toBe(true);
    expect(r.hits[2].id).toBe(5);
    expect(r.hits[0].score).toBeGreaterThan(r.hits[2].score);
    expect(r.highlightTerms).toEqual(["电池"]);
  });

  it("counts facets exactly", () => {
    const r = e.search("NOT 不存在", {
      facets: [
        "year",
        "type",
        "status",
        "ipc_section",
        "ipc_class",
        "ipc_subclass",
        "ipc_group",
        "province",
        "city",
        "district",
        "sei",
        "applicant",
        "agency",
      ],
      limit: 0,
    });
    expect(r.total).toBe(5);
    expect(r.hits).toEqual([]);
    expect(r.facets.year).toEqual([
      { value: "2020", count: 2 },
      { value: "2019", count: 1 },
      { value: "2021", count: 1 },
      { value: "2022", count: 1 },
    ]);
    expect(r.facets.ipc_section).toEqual([
      { value: "H", count: 4 },
      { value: "B", count: 2 },
      { value: "G", count: 2 },
    ]);
    expect(r.facets.ipc_subclass?.[0]).toEqual({ value: "H01M", count: 3 });
    expect(r.facets.ipc_group).toContainEqual({ value: "H01M10/00", count: 2 });
    expect(r.facets.ipc_group).toContainEqual({ value: "H01M100/00", count: 1 });
    expect(r.facets.province).toEqual([
      { value: "41", count: 4 },
      { value: "50", count: 1 },
    ]);
    expect(r.facets.city?.[0]).toEqual({ value: "4101", count: 3 });
    expect(r.facets.district?.[0]).toEqual({ value: "410105", count: 2 });
    expect(r.facets.sei).toEqual([
      { value: "1.2", count: 2 },
      { value: "1.1", count: 1 },
      { value: "5.1", count: 1 },
    ]);
    expect(r.facets.applicant?.[0]).toEqual({ value: "a1", count: 3 });
    expect(r.facets.agency).toEqual([{ value: "郑州知识产权代理所", count: 1 }]);
    expect(r.facets.type?.[0]).toEqual({ value: "invention_application", count: 2 });
    expect(e.search("电池", { facets: ["year"], facetSize: 1 }).facets.year).toEqual([{ value: "2020", count: 2 }]);
  });

  it("finds similar documents", () => {
    const s = e.similar(3, 2);
    expect(s.length).toBeGreaterThan(0);
    expect(s.map((h) => h.id)).not.toContain(3);
    expect(s[0].id).toBe(1);
    expect(e.similar(999, 3)).toEqual([]);
  });

  it("rejects bad queries and cursors", () => {
    expect(() => e.search("")).toThrow(QuerySyntaxError);
    expect(() => e.search("TI=(电池 AND")).toThrow(QuerySyntaxError);
    expect(() => e.search("电池", { cursor: "garbage!" })).toThrow(/cursor/);
    const c = e.search("电池", { limit: 1 }).nextCursor!;
    expect(() => e.search("电池", { limit: 1, sort: "date_asc", cursor: c })).toThrow(/cursor/);
  });
});

describe("SearchEngine lifecycle", () => {
  it("replaces, deletes, compacts and round-trips through segment files", () => {
    const e = engine(true);
    expect(e.docCount).toBe(5);
    e.addDocuments([doc(3, { ti: "新标题 风力发电机", ad: 20230101 })]);
    expect(e.docCount).toBe(5);
    expect(ids(e, "电池")).toEqual([1, 5]);
    expect(ids(e, "风力")).toEqual([3]);
    e.deleteDocuments([5, 42]);
    expect(e.docCount).toBe(4);
    expect(ids(e, "电池")).toEqual([1]);
    expect(ids(e, "NOT 电池")).toEqual([2, 3, 4]);
    const before = e.search("NOT 电池", { facets: ["year", "ipc_group"], sort: "app_no" });

    const loaded = SearchEngine.fromSegmentFiles(e.toSegmentFiles());
    expect(loaded.docCount).toBe(4);
    expect(loaded.search("NOT 电池", { facets: ["year", "ipc_group"], sort: "app_no" })).toEqual(before);

    e.compact();
    expect(e.segmentCount).toBe(1);
    expect(e.docCount).toBe(4);
    expect(e.search("NOT 电池", { facets: ["year", "ipc_group"], sort: "app_no" })).toEqual(before);
    expect(ids(e, "风力")).toEqual([3]);
    expect(ids(e, "锂离子电池")).toEqual([1]);
    expect(ids(e, "电池 NEAR/3 正极")).toEqual([1]);

    const again = SearchEngine.fromSegmentFiles(e.toSegmentFiles());
    expect(again.search("电池 OR 风力", { sort: "date_desc" })).toEqual(
      e.search("电池 OR 风力", { sort: "date_desc" }),
    );
  });

  it("keeps the last of duplicate ids within one batch", () => {
    const e = SearchEngine.create();
    e.addDocuments([doc(1, { ti: "甲乙" }), doc(2, { ti: "丙丁" }), doc(1, { ti: "戊己" })]);
    expect(e.docCount).toBe(2);
    expect(ids(e, "甲乙")).toEqual([]);
    expect(ids(e, "戊己")).toEqual([1]);
  });

  it("keeps dictionary order across scripts (BMP, astral CJK, Latin, Greek, kana, hangul)", () => {
    const texts = ["𠀀𠀁 abc 中文", "Ωmega ÄÖ 𠀁𠀂", "カタカナ 한국어 z9", "中文𠀀 αβγ", "文中 abd"];
    const e = SearchEngine.create();
    e.addDocuments(texts.map((ti, i) => doc(i + 1, { ti })));
    const check = (eng: SearchEngine) => {
      expect(ids(eng, "𠀀𠀁")).toEqual([1]);
      expect(ids(eng, "𠀁")).toEqual([1, 2]);
      expect(ids(eng, "𠀀")).toEqual([1, 4]);
      expect(ids(eng, "中文")).toEqual([1, 4]);
      expect(ids(eng, "文")).toEqual([1, 4, 5]);
      expect(ids(eng, "ωmega")).toEqual([2]);
      expect(ids(eng, "äö")).toEqual([2]);
      expect(ids(eng, "カタ")).toEqual([3]);
      expect(ids(eng, "한국")).toEqual([3]);
      expect(ids(eng, "ab*")).toEqual([1, 5]);
      expect(ids(eng, "Z9")).toEqual([3]);
      expect(ids(eng, "αβγ")).toEqual([4]);
    };
    check(e);
    e.addDocuments([doc(9, { ti: "𠀃𠀄" })]);
    e.compact();
    check(e);
    expect(ids(e, "𠀃𠀄")).toEqual([9]);
  });

  it("loads segment bytes at any byte offset and never writes into them", () => {
    const e = engine(true);
    e.deleteDocuments([2]);
    const files = e.toSegmentFiles().map((f) => {
      const big = new Uint8Array(f.data.length + 3);
      big.set(f.data, 3);
      return { name: f.name, data: big.subarray(3) };
    });
    const snapshot = files.map((f) => f.data.slice());
    const loaded = SearchEngine.fromSegmentFiles(files);
    expect(loaded.docCount).toBe(4);
    expect(ids(loaded, "电池 OR lithium")).toEqual([1, 3, 5]);
    loaded.deleteDocuments([1]);
    expect(files.map((f) => f.data)).toEqual(snapshot);
  });

  it("rejects a corrupt segment file", () => {
    expect(() => SearchEngine.fromSegmentFiles([{ name: "x", data: new Uint8Array(16) }])).toThrow(/magic/);
  });

  it("handles an empty engine", () => {
    const e = SearchEngine.create();
    expect(e.search("电池")).toEqual({ total: 0, hits: [], nextCursor: null, facets: {}, highlightTerms: ["电池"] });
    expect([...e.iterateIds("NOT 电池")]).toEqual([]);
    e.compact();
    expect(e.toSegmentFiles()).toEqual([]);
  });
});
