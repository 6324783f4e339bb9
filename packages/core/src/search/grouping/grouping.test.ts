import { describe, expect, it } from "vitest";
import { SearchEngine } from "../engine.js";
import { doc } from "../test-fixtures.js";

describe("group=invention", () => {
  const a = doc(1, { ti: "锂电池", an: "CN202010000001.1", pn: "CN111A", pd: 20210101, status: "pending" });
  const b = doc(3, {
    ti: "锂电池",
    an: "ZL2020100000011", // the same application, spelt as a patent number
    pn: "CN111B",
    pd: 20230101,
    status: "valid",
    type: "invention_grant",
  });
  const other = doc(2, { ti: "锂电池 锂电池", an: "CN202010000002.5", pn: "CN222A", pd: 20220101 });

  function engine(): SearchEngine {
    const e = SearchEngine.create();
    e.addDocuments([a, other]);
    e.addDocuments([b]); // the grant arrives in a later segment
    return e;
  }

  it("folds the A and B publications of one application across segments, keys derived from the numbers", () => {
    const r = engine().search("TI=锂电池", { group: "invention", facets: ["status", "type"] });
    expect(r.total).toBe(2);
    expect(r.hits.map((h) => [h.id, h.publications])).toEqual([
      [2, [2]],
      [1, [1, 3]],
    ]);
    // counted once, with the latest publication's values: the grant and its status
    expect(r.facets.status).toEqual([
      { value: "pending", count: 1 },
      { value: "valid", count: 1 },
    ]);
    expect(r.facets.type).toEqual([
      { value: "invention_application", count: 1 },
      { value: "invention_grant", count: 1 },
    ]);
  });

  it("leaves the ungrouped search as it was", () => {
    const r = engine().search("TI=锂电池", { facets: ["status"] });
    expect(r.total).toBe(3);
    expect(r.hits.every((h) => h.publications === undefined)).toBe(true);
    expect(r.facets.status).toEqual([
      { value: "pending", count: 2 },
      { value: "valid", count: 1 },
    ]);
  });

  it("follows deletes, replacements, compaction and reloading", () => {
    const e = engine();
    e.deleteDocuments([3]);
    expect(e.search("TI=锂电池", { group: "invention" }).hits.find((h) => h.id === 1)?.publications).toEqual([1]);
    e.addDocuments([{ ...other, an: "CN202010000001" }]); // corrected: doc 2 belongs to doc 1's application
    e.compact();
    const reloaded = SearchEngine.fromSegmentFiles(e.toSegmentFiles());
    const r = reloaded.search("TI=锂电池", { group: "invention" });
    expect(r.total).toBe(1);
    expect(r.hits[0].publications).toEqual([1, 2]);
  });

  it("takes the server's key over the numbers, and a doc with no numbers is its own invention", () => {
    const e = SearchEngine.create();
    e.addDocuments([
      doc(1, { ti: "电池", an: "", pn: "WO1A1", invention: "FAM:77" }),
      doc(2, { ti: "电池", an: "", pn: "US2B2", invention: "FAM:77" }),
      doc(3, { ti: "电池", an: "", pn: "" }),
      doc(4, { ti: "电池", an: "", pn: "" }),
    ]);
    expect(e.search("电池", { group: "invention" }).total).toBe(3);
  });

  it("refuses a segment file of the format before invention keys (the server then rebuilds)", () => {
    const bytes = engine().toSegmentFiles()[0].data;
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(4, 1, true);
    expect(() => SearchEngine.fromSegmentFiles([{ name: "seg-000001.zcs", data: bytes }])).toThrow(/format 1/);
  });
});
