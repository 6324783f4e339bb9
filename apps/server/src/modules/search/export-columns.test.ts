import { describe, expect, it } from "vitest";
import { safeCell } from "./export-columns.js";

describe("safeCell", () => {
  it("keeps spreadsheet formulas from running", () => {
    for (const v of ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx"])
      expect(safeCell(v).startsWith("'")).toBe(true);
  });
  it("leaves ordinary text alone and flattens line breaks", () => {
    expect(safeCell("电池 battery")).toBe("电池 battery");
    expect(safeCell("a\r\nb\nc")).toBe("a b c");
  });
});
