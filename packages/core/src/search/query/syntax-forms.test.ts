/**
 * The spellings analysts bring from other systems (issue #16): proximity operators, -word, FIELD:value, exact
 * names, bare patent numbers, and the forms that must be an error with a position rather than a silent 0.
 */
import { describe, expect, it } from "vitest";
import { QuerySyntaxError } from "../types.js";
import { parseQuery } from "./parser.js";

function err(q: string): QuerySyntaxError {
  try {
    parseQuery(q);
  } catch (e) {
    if (e instanceof QuerySyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${q}`);
}

const TX = ["ti", "ab", "cl"];
const term = (text: string, fields = TX) => expect.objectContaining({ kind: "term", text, fields, prefix: null });
const near = (distance: number, ordered: boolean, l = "电池", r = "正极") => ({
  kind: "near",
  fields: TX,
  left: term(l),
  right: term(r),
  distance,
  ordered,
});

describe("proximity spellings", () => {
  it.each([
    ["电池 NEAR/5 正极", 5, false],
    ["电池 near/5 正极", 5, false],
    ["电池 W/5 正极", 5, false],
    ["电池 5D 正极", 5, false],
    ["电池 NEAR5 正极", 4, false],
    ["电池 NEAR 正极", 0, false],
    ["电池 PRE/3 正极", 3, true],
    ["电池 ADJ/3 正极", 3, true],
    ["电池 3W 正极", 3, true],
    ["电池 0W 正极", 0, true],
    ["电池 ADJ3 正极", 2, true],
    ["电池 ADJ 正极", 0, true],
  ])("%s", (q, distance, ordered) => {
    expect(parseQuery(q)).toEqual(near(distance, ordered));
  });

  it("reads 3D, 5W, NEAR and ADJ as words where no term follows, or in lower case", () => {
    expect(parseQuery("3D 打印")).toEqual({ kind: "and", children: [term("3D"), term("打印")] });
    expect(parseQuery("打印 3D")).toEqual({ kind: "and", children: [term("打印"), term("3D")] });
    expect(parseQuery("全息 3d 显示")).toEqual({ kind: "and", children: [term("全息"), term("3d"), term("显示")] });
    expect(parseQuery("near infrared")).toEqual({ kind: "and", children: [term("near"), term("infrared")] });
    expect(parseQuery("TI=3D")).toEqual(term("3D", ["ti"]));
    expect(parseQuery("(电池 OR 电芯) 3D")).toEqual(expect.objectContaining({ kind: "and" }));
    expect(parseQuery("TI=(电池 2W 隔膜)")).toEqual(expect.objectContaining({ kind: "near", fields: ["ti"] }));
  });

  it("refuses a malformed operator at its position (never a silent 0)", () => {
    let e = err("电池 NEAR/ 正极");
    expect([e.position, e.found]).toEqual([3, "NEAR/"]);
    expect(e.expected).toMatch(/number/);
    e = err("电池 W/ 正极");
    expect([e.position, e.found]).toEqual([3, "W/"]);
    e = err("电池 W/5x 正极");
    expect(e.position).toBe(3);
    e = err("电池 PRE/abc 正极");
    expect(e.position).toBe(3);
    e = err("电池 NEAR/1000 正极");
    expect([e.position, e.found]).toEqual([3, "NEAR/1000"]);
    e = err("电池 ADJ0 正极");
    expect(e.position).toBe(3);
    e = err("NEAR/5 正极");
    expect(e.position).toBe(0);
    e = err("电池 5W 正极 3D 隔膜");
    expect(e.position).toBe(9);
    expect(parseQuery("without w/o gaps")).toEqual(expect.objectContaining({ kind: "and" }));
  });
});

describe("-word, FIELD:value, reversed ranges, wildcards", () => {
  it("reads -word as NOT", () => {
    expect(parseQuery("电池 -正极")).toEqual({
      kind: "and",
      children: [term("电池"), { kind: "not", child: term("正极") }],
    });
    expect(parseQuery("电池 -TI=钠")).toEqual({
      kind: "and",
      children: [term("电池"), { kind: "not", child: term("钠", ["ti"]) }],
    });
    expect(parseQuery("-(a OR b) c")).toEqual(
      expect.objectContaining({ kind: "and", children: [expect.objectContaining({ kind: "not" }), term("c")] }),
    );
    // inside a word it is a hyphen, as a field's value it is the value
    expect(parseQuery("lithium-ion")).toEqual(term("lithium-ion"));
    expect(parseQuery("PN=-CN1")).toEqual({ kind: "filter", field: "pn", values: ["CN1"] });
  });

  it("reads FIELD:value as FIELD=value, also with a full-width colon", () => {
    expect(parseQuery("TI:电池")).toEqual(parseQuery("TI=电池"));
    expect(parseQuery("ti：电池 AD:2020..2021")).toEqual(parseQuery("TI=电池 AD=2020..2021"));
    expect(parseQuery("IPC:(H01M OR H02J)")).toEqual(parseQuery("IPC=(H01M OR H02J)"));
    // an unknown name before ":" is text, not a field
    expect(parseQuery("ratio:3")).toEqual(term("ratio:3"));
  });

  it("refuses a reversed date range at the value", () => {
    let e = err("AD=2022..2020");
    expect([e.position, e.found]).toEqual([3, "2022..2020"]);
    expect(e.message).toMatch(/backwards/);
    e = err("电池 AND PD=2021-05..2021-04");
    expect(e.position).toBe(10);
    expect(parseQuery("AD=2020..2020")).toEqual({ kind: "date", field: "ad", from: 20200101, to: 20201231 });
  });

  it("refuses wildcards inside or before a word at the wildcard", () => {
    let e = err("电*池");
    expect([e.position, e.found]).toEqual([1, "*"]);
    e = err("TI=bat*ery");
    expect(e.position).toBe(6);
    e = err("锂 bat?ery");
    expect([e.position, e.found]).toEqual([5, "?"]);
    e = err("*ion");
    expect(e.position).toBe(0);
    expect(parseQuery("*电池")).toEqual(term("电池"));
    expect(parseQuery("电池？")).toEqual(term("电池?")); // a question mark at the end is punctuation
  });
});

describe("exact names", () => {
  it("parses AP== and IN== as whole-name filters, folded", () => {
    expect(parseQuery("IN==王伟")).toEqual({ kind: "filter", field: "inname", values: ["王伟"] });
    expect(parseQuery('IN=="王伟"')).toEqual({ kind: "filter", field: "inname", values: ["王伟"] });
    expect(parseQuery('AP=="Zhengzhou  UNIVERSITY"')).toEqual({
      kind: "filter",
      field: "apname",
      values: ["zhengzhou university"],
    });
    expect(parseQuery("IN==(王伟 OR 李娜)")).toEqual({ kind: "filter", field: "inname", values: ["王伟", "李娜"] });
    expect(parseQuery("IN=王伟")).toEqual(term("王伟", ["in"]));
  });

  it("refuses == on other fields and truncation in a whole name", () => {
    let e = err("TI==电池");
    expect(e.position).toBe(0);
    expect(e.message).toMatch(/AP and IN/);
    e = err("IN==王*");
    expect([e.position, e.found]).toEqual([5, "*"]);
  });
});

describe("bare patent numbers", () => {
  const pn = (v: string) => ({ kind: "filter", field: "pn", values: [v] });
  const an = (v: string) => ({ kind: "filter", field: "an", values: [v] });

  it.each([
    ["CN114661197A", [pn("CN114661197A")]],
    ["cn114661197a", [pn("CN114661197A")]],
    ["114661197", [pn("CN114661197"), an("114661197")]], // also an old (8 + check digit) application number
    ["CN202110000001.0", [an("2021100000010")]],
    ["202110000001", [pn("CN202110000001"), an("202110000001")]],
    ["ZL202110000001.0", [an("2021100000010")]],
    ["US2020123456A1", [pn("US2020123456A1")]],
  ])("%s searches its number", (q, filters) => {
    expect(parseQuery(q)).toEqual({ kind: "or", children: [expect.objectContaining({ kind: "term" }), ...filters] });
  });

  it("leaves short numbers and model codes as words", () => {
    expect(parseQuery("18650")).toEqual(term("18650"));
    expect(parseQuery("5G")).toEqual(term("5G"));
    expect(parseQuery("TI=CN114661197A")).toEqual(term("CN114661197A", ["ti"]));
  });

  it("reads a list of numbers as any of them, however separated", () => {
    for (const q of ["CN114661197A CN114661198A", "CN114661197A,CN114661198A", "CN114661197A；CN114661198A"]) {
      const node = parseQuery(q);
      expect(node.kind).toBe("or");
      expect(node.kind === "or" && node.children.length).toBe(2);
    }
    // an explicit AND, or a word among them, keeps the AND
    expect(parseQuery("CN114661197A AND CN114661198A").kind).toBe("and");
    expect(parseQuery("CN114661197A 电池").kind).toBe("and");
  });
});
