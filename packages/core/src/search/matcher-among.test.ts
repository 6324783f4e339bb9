import { describe, expect, it } from "vitest";
import { SearchEngine } from "./engine.js";
import { doc } from "./test-fixtures.js";

describe("matcherAmong (watches against one batch's documents)", () => {
  it("answers only among the given ids, across segments, and sees the newest version of an updated doc", () => {
    const engine = SearchEngine.create();
    engine.addDocuments([doc(1, { ti: "锂电池隔膜" }), doc(2, { ti: "电池管理" }), doc(3, { ti: "车门" })]);
    // a later batch: a new doc and an update of doc 3, in their own segment
    engine.addDocuments([doc(4, { ti: "固态电池" }), doc(3, { ti: "车门电池" })]);
    const match = engine.matcherAmong([3, 4]);
    expect(match("电池").sort()).toEqual([3, 4]);
    expect(match("TI=车门")).toEqual([3]);
    expect(match("隔膜")).toEqual([]); // doc 1 matches but is not among the ids
    expect(engine.matcherAmong([1, 2])("电池 NOT 管理")).toEqual([1]);
    expect(engine.matcherAmong([99])("电池")).toEqual([]);
    expect(() => match("TI=(电池")).toThrow();
  });
});
