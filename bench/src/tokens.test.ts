import { describe, expect, it } from "vitest";
import { RUN_GAP, stem, tokenize } from "./tokens.ts";

describe("tokenize (peer tokens = our engine's terms)", () => {
  it("cuts CJK runs into overlapping bigrams, a lone character into its unigram", () => {
    expect(tokenize("锂离子电池")).toEqual(["锂离", "离子", "子电", "电池"]);
    expect(tokenize("电，池")).toEqual(["电", "池"]);
  });

  it("keeps two CJK runs split by punctuation apart, as our positions do", () => {
    expect(tokenize("锂离子，电池")).toEqual(["锂离", "离子", RUN_GAP, "电池"]);
    expect(tokenize("离子，电，池")).toEqual(["离子", RUN_GAP, "电", "池"]);
    expect(tokenize("离子abc电池")).toEqual(["离子", RUN_GAP, "abc", "电池"]);
    expect(tokenize("ar 增强现实 hud")).toEqual(["ar", "增强", "强现", "现实", RUN_GAP, "hud"]);
    expect(tokenize("abc电池")).toEqual(["abc", "电池"]);
  });

  it("folds full-width and case, keeps words whole and stems them lightly", () => {
    expect(tokenize("ＬＥＤ智能灯")).toEqual(["led", "智能", "能灯"]);
    expect(tokenize("Batteries charging")).toEqual(["battery", "charg"]);
    expect(stem("sensors")).toBe("sensor");
  });
});
