import { describe, expect, it } from "vitest";
import { type BuilderRow, buildQuery, emptyRow, rowClause, withField } from "./builderQuery";

const row = (p: Partial<BuilderRow>): BuilderRow => ({ ...emptyRow("TI"), ...p });

describe("builder rows → query", () => {
  it("skips empty rows and joins the rest with their operators", () => {
    const q = buildQuery([
      row({ field: "TI", value: "电池" }),
      row({ field: "AB", value: "" }),
      row({ op: "NOT", field: "STATUS", values: ["lapsed"] }),
      row({ op: "OR", field: "AP", value: "郑州大学" }),
    ]);
    expect(q).toBe("(TI=电池 AND NOT STATUS=失效) OR AP=郑州大学");
    expect(buildQuery([row({ op: "NOT", field: "TI", value: "电池" })])).toBe("NOT TI=电池");
    expect(buildQuery([row({}), row({ field: "AD" })])).toBe("");
  });

  it("turns a date range into AD=from..to, and an open end into >= or <=", () => {
    expect(rowClause(row({ field: "AD", from: "2020-01-01", to: "2022-12-31" }))).toBe("AD=2020-01-01..2022-12-31");
    expect(rowClause(row({ field: "PD", from: "2021-05-01", to: null }))).toBe("PD>=2021-05-01");
    expect(rowClause(row({ field: "PD", from: null, to: "2019-12-31" }))).toBe("PD<=2019-12-31");
    expect(rowClause(row({ field: "AD", from: null, to: null }))).toBeNull();
    // a date written in the language's own syntax passes through
    expect(rowClause(row({ field: "AD", value: ">=2020-01-01" }))).toBe("AD>=2020-01-01");
    expect(rowClause(row({ field: "AD", value: "2020..2022" }))).toBe("AD=2020..2022");
  });

  it("writes type and status in the words of the UI language, several as alternatives", () => {
    const types = row({ field: "TYPE", values: ["invention_grant", "utility_model"] });
    expect(rowClause(types, "zh")).toBe("TYPE=(发明授权 OR 实用新型)");
    expect(rowClause(types, "en")).toBe("TYPE=(invention_grant OR utility_model)");
    expect(rowClause(row({ field: "STATUS", values: ["pct_pending"] }), "zh")).toBe("STATUS=PCT有效期内");
    expect(rowClause(row({ field: "STATUS", values: ["valid", "valid"] }), "en")).toBe("STATUS=valid");
    expect(rowClause(row({ field: "TYPE", values: [] }))).toBeNull();
  });

  it("takes IPC codes from the picker at any level", () => {
    expect(rowClause(row({ field: "IPC", values: ["H01M"] }))).toBe("IPC=H01M");
    expect(rowClause(row({ field: "IPC", values: ["H", "G06F17/00"] }))).toBe("IPC=(H OR G06F17/00)");
  });

  it("groups several words of a text field and quotes names", () => {
    expect(rowClause(row({ field: "TI", value: "激光 雷达" }))).toBe("TI=(激光 AND 雷达)");
    expect(rowClause(row({ field: "AP", value: "Waymo LLC" }))).toBe('AP="Waymo LLC"');
    expect(rowClause(row({ field: "TX", value: '"锂离子 电池"' }))).toBe('TX="锂离子 电池"');
    expect(rowClause(row({ field: "TI", value: "(电池 OR 电芯)" }))).toBe("TI=(电池 OR 电芯)");
  });

  it("clears the value when the field changes, keeping the row and its operator", () => {
    const r = row({ op: "OR", field: "TI", value: "电池" });
    const changed = withField(r, "AD");
    expect([changed.id, changed.op, changed.field, changed.value, changed.from]).toEqual([r.id, "OR", "AD", "", null]);
  });
});
