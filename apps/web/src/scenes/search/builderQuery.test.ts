import { describe, expect, it } from "vitest";
import { type BuilderRow, buildQuery, rowClause } from "./builderQuery";

const row = (p: Partial<BuilderRow>): BuilderRow => ({ id: 0, op: "AND", field: "TI", value: "", ...p });

describe("builder rows → query", () => {
  it("skips empty rows and joins the rest with their operators", () => {
    const q = buildQuery([
      row({ field: "TI", value: "电池" }),
      row({ field: "AB", value: "" }),
      row({ op: "NOT", field: "STATUS", value: "lapsed" }),
      row({ op: "OR", field: "AP", value: "郑州大学" }),
    ]);
    expect(q).toBe("(TI=电池 AND NOT STATUS=lapsed) OR AP=郑州大学");
  });
  it("keeps date comparisons and ranges", () => {
    expect(rowClause(row({ field: "AD", value: ">=2020-01-01" }))).toBe("AD>=2020-01-01");
    expect(rowClause(row({ field: "AD", value: "2020..2022" }))).toBe("AD=2020..2022");
  });
  it("groups several words of a text field", () => {
    expect(rowClause(row({ field: "TI", value: "激光 雷达" }))).toBe("TI=(激光 AND 雷达)");
  });
  it("quotes a multi-word applicant", () => {
    expect(rowClause(row({ field: "AP", value: "Waymo LLC" }))).toBe('AP="Waymo LLC"');
  });
});
