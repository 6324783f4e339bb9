import { describe, expect, it } from "vitest";
import { analyzeQuery, cjkTerm, TokenStream, tokenize, WORD_KEY } from "./analyzer.js";
import { foldText } from "./fold.js";
import { stem } from "./stem.js";

function indexTokens(text: string): [string, number][] {
  const ts = new TokenStream();
  tokenize(text, ts, 0);
  const out: [string, number][] = [];
  for (let i = 0; i < ts.n; i++) out.push([ts.a[i] === WORD_KEY ? ts.words[i] : cjkTerm(ts.a[i], ts.b[i]), ts.pos[i]]);
  return out;
}

describe("analyzer", () => {
  it("indexes CJK as overlapping bigrams plus the unigram of each run's last character", () => {
    expect(indexTokens("电池")).toEqual([
      ["电池", 0],
      ["池", 1],
    ]);
    expect(indexTokens("锂电池，正")).toEqual([
      ["锂电", 0],
      ["电池", 1],
      ["池", 2],
      ["正", 3],
    ]);
  });

  it("finds 离子 inside 锂离子电池 as the bigram at the second position", () => {
    const toks = indexTokens("锂离子电池");
    expect(toks).toContainEqual(["离子", 1]);
    expect(analyzeQuery("锂离子")).toEqual([
      { term: "锂离", pos: 0, cjk: true },
      { term: "离子", pos: 1, cjk: true },
    ]);
  });

  it("a one-character query is its unigram", () => {
    expect(analyzeQuery("锂")).toEqual([{ term: "锂", pos: 0, cjk: true }]);
  });

  it("folds full-width and case", () => {
    expect(foldText("ＵＳＢ　Ａ１")).toBe("usb a1");
    expect(analyzeQuery("ＵＳＢ接口").map((t) => t.term)).toEqual(["usb", "接口"]);
    expect(analyzeQuery("Lithium-Ion")).toEqual([
      { term: "lithium", pos: 0, cjk: false },
      { term: "ion", pos: 1, cjk: false },
    ]);
  });

  it("keeps digits and mixed tokens, gives separators no position", () => {
    expect(indexTokens("5G, 电 x")).toEqual([
      ["5g", 0],
      ["电", 1],
      ["x", 2],
    ]);
  });

  it("stems lightly and identically", () => {
    expect(stem("batteries")).toBe(stem("battery"));
    expect(stem("charging")).toBe(stem("charge"));
    expect(stem("charged")).toBe(stem("charge"));
    expect(stem("boxes")).toBe("box");
    expect(stem("devices")).toBe(stem("device"));
    expect(stem("glass")).toBe("glass");
    expect(stem("bus")).toBe("bus");
    expect(stem("18650")).toBe("18650");
    expect(analyzeQuery("Batteries")[0].term).toBe(stem("battery"));
  });

  it("handles characters outside the BMP", () => {
    expect(analyzeQuery("𠀀𠀁").map((t) => t.term)).toEqual(["𠀀𠀁"]);
  });
});

describe("analyzer edge cases", () => {
  it("does not swallow the character after a lone surrogate", () => {
    expect(analyzeQuery("\ud800电池").map((t) => t.term)).toEqual(["电池"]);
    expect(analyzeQuery("电\ud800池").map((t) => t.term)).toEqual(["电", "池"]);
  });
});
