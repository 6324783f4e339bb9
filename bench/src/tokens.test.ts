import { describe, expect, it } from "vitest";
import { stem, tokenize } from "./tokens.ts";

describe("tokenize (peer tokens = our engine's terms)", () => {
  it("cuts CJK runs into overlapping bigrams, a lone character into its unigram", () => {
    expect(tokenize("锂离子电池")).toEqual(["锂离", "离子", "子电", "电池"]);
    expect(tokenize("电，池")).toEqual(["电", "池"]);
  });

  it("folds full-width and case, keeps words whole and stems them lightly", () => {
    expect(tokenize("ＬＥＤ智能灯")).toEqual(["led", "智能", "能灯"]);
    expect(tokenize("Batteries charging")).toEqual(["battery", "charg"]);
    expect(stem("sensors")).toBe("sensor");
  });
});
