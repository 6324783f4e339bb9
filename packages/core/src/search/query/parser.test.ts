import { describe, expect, it } from "vitest";
import { QuerySyntaxError } from "../types.js";
import { parseQuery } from "./parser.js";

function err(q: string, opts = {}): QuerySyntaxError {
  try {
    parseQuery(q, opts);
  } catch (e) {
    if (e instanceof QuerySyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${q}`);
}

const term = (text: string, fields = ["ti", "ab", "cl"], extra = {}) =>
  expect.objectContaining({ kind: "term", text, fields, prefix: null, ...extra });

describe("query parser", () => {
  it("parses bare words as TX terms with implicit AND", () => {
    expect(parseQuery("电池 正极")).toEqual({ kind: "and", children: [term("电池"), term("正极")] });
    expect(parseQuery("电池")).toEqual(term("电池", undefined, { position: 0 }));
  });

  it("parses fields, groups and phrases", () => {
    expect(parseQuery("TI=电池")).toEqual(term("电池", ["ti"]));
    expect(parseQuery("ti = 电池")).toEqual(term("电池", ["ti"]));
    expect(parseQuery("TI=(电池 OR 电芯)")).toEqual({
      kind: "or",
      children: [term("电池", ["ti"]), term("电芯", ["ti"])],
    });
    expect(parseQuery('AB="lithium battery"')).toEqual(term("lithium battery", ["ab"]));
    expect(parseQuery("AP=郑州大学 IN=张三 AGC=代理")).toEqual({
      kind: "and",
      children: [term("郑州大学", ["ap"]), term("张三", ["in"]), term("代理", ["agc"])],
    });
    expect(parseQuery("ＴＩ＝（电池）")).toEqual(term("电池", ["ti"]));
  });

  it("gives AND precedence over OR and parses NOT", () => {
    expect(parseQuery("a OR b AND c")).toEqual({
      kind: "or",
      children: [term("a"), { kind: "and", children: [term("b"), term("c")] }],
    });
    expect(parseQuery("a and not b")).toEqual({
      kind: "and",
      children: [term("a"), { kind: "not", child: term("b") }],
    });
    expect(parseQuery("NOT a")).toEqual({ kind: "not", child: term("a") });
    expect(parseQuery("a || b && c")).toEqual({
      kind: "or",
      children: [term("a"), { kind: "and", children: [term("b"), term("c")] }],
    });
    expect(parseQuery("a 或 b 非 c")).toEqual({
      kind: "or",
      children: [term("a"), { kind: "and", children: [term("b"), { kind: "not", child: term("c") }] }],
    });
  });

  it("parses truncation and proximity", () => {
    expect(parseQuery("batter*")).toEqual(expect.objectContaining({ kind: "term", prefix: "batter" }));
    expect(parseQuery("电池*")).toEqual(term("电池"));
    expect(parseQuery("电池 NEAR/5 正极")).toEqual({
      kind: "near",
      fields: ["ti", "ab", "cl"],
      left: term("电池"),
      right: term("正极"),
      distance: 5,
      ordered: false,
    });
    expect(parseQuery("TI=(电池 pre/2 正极)")).toEqual(
      expect.objectContaining({ kind: "near", ordered: true, distance: 2 }),
    );
  });

  it("parses dates", () => {
    expect(parseQuery("AD>=2020-01-01")).toEqual({ kind: "date", field: "ad", from: 20200101, to: 99991231 });
    expect(parseQuery("AD<=20221231")).toEqual({ kind: "date", field: "ad", from: 1, to: 20221231 });
    expect(parseQuery("AD=2020..2022")).toEqual({ kind: "date", field: "ad", from: 20200101, to: 20221231 });
    expect(parseQuery("PD=2021")).toEqual({ kind: "date", field: "pd", from: 20210101, to: 20211231 });
    expect(parseQuery("AD>2019")).toEqual({ kind: "date", field: "ad", from: 20191232, to: 99991231 });
    expect(parseQuery("AD<2020-03")).toEqual({ kind: "date", field: "ad", from: 1, to: 20200300 });
    expect(parseQuery("AD=2020-03-05..")).toEqual({ kind: "date", field: "ad", from: 20200305, to: 99991231 });
  });

  it("parses keyword filters", () => {
    expect(parseQuery("TYPE=发明")).toEqual({
      kind: "filter",
      field: "type",
      values: ["invention_application", "invention_grant"],
    });
    expect(parseQuery("TYPE=实用新型")).toEqual({ kind: "filter", field: "type", values: ["utility_model"] });
    expect(parseQuery("STATUS=有效")).toEqual({ kind: "filter", field: "status", values: ["valid"] });
    expect(parseQuery("STATUS=Lapsed")).toEqual({ kind: "filter", field: "status", values: ["lapsed"] });
    expect(parseQuery("REGION=410000")).toEqual({ kind: "filter", field: "region", values: ["41"] });
    expect(parseQuery("REGION=郑州", { regionResolver: () => ["410100"] })).toEqual({
      kind: "filter",
      field: "region",
      values: ["4101"],
    });
    expect(parseQuery("SEI=1.2")).toEqual({ kind: "filter", field: "sei", values: ["1.2"] });
    expect(parseQuery("APID=0123")).toEqual({ kind: "filter", field: "applicant", values: ["123"] });
    expect(() => parseQuery("APID=华为")).toThrow(/applicant id/);
    expect(parseQuery("IPC=h01m 10/0525")).toEqual({ kind: "filter", field: "ipc", values: ["H01M10/0525"] });
    // alternatives of one field become one filter (a filter matches any of its values)
    expect(parseQuery("IPC=(H01M OR h02j)")).toEqual({ kind: "filter", field: "ipc", values: ["H01M", "H02J"] });
    expect(parseQuery("IPC=H01M OR 电池 OR IPC=H02J OR TYPE=发明")).toEqual({
      kind: "or",
      children: [
        { kind: "filter", field: "ipc", values: ["H01M", "H02J"] },
        { kind: "term", fields: ["ti", "ab", "cl"], text: "电池", prefix: null, position: 12 },
        { kind: "filter", field: "type", values: ["invention_application", "invention_grant"] },
      ],
    });
    expect(parseQuery("PN=112345678A")).toEqual({ kind: "filter", field: "pn", values: ["CN112345678A"] });
    expect(parseQuery("AN=CN201910123456.7")).toEqual({ kind: "filter", field: "an", values: ["2019101234567"] });
  });

  it("parses * alone as every document, which drops out of an AND and swallows an OR", () => {
    const all = { kind: "and", children: [] };
    expect(parseQuery("*")).toEqual(all);
    expect(parseQuery(" ＊ ")).toEqual(all);
    expect(parseQuery("(*)")).toEqual(all);
    expect(parseQuery("* AND TYPE=发明")).toEqual(parseQuery("TYPE=发明"));
    expect(parseQuery("* TYPE=发明 AD>=2020")).toEqual(parseQuery("TYPE=发明 AD>=2020"));
    expect(parseQuery("* NOT 电池")).toEqual({ kind: "not", child: term("电池", undefined, { position: 6 }) });
    expect(parseQuery("电池 OR *")).toEqual(all);
    expect(parseQuery("NOT *")).toEqual({ kind: "not", child: all });
    // a star after a word is still truncation
    expect(parseQuery("batter*")).toEqual(expect.objectContaining({ kind: "term", prefix: "batter" }));
    // inside a field it is no query at all
    let e = err("TI=(*)");
    expect([e.position, e.found, e.expected]).toEqual([4, "*", "one word before *"]);
    e = err("TI=*");
    expect(e.position).toBe(3);
    e = err("* AND");
    expect([e.position, e.found]).toEqual([5, "end of query"]);
  });

  it("reports errors with position, expected and found", () => {
    let e = err("");
    expect([e.position, e.found]).toEqual([0, "end of query"]);
    e = err("   ");
    expect(e.message).toMatch(/Empty/);
    e = err("TI=(电池 AND");
    expect([e.position, e.found]).toEqual([10, "end of query"]);
    expect(e.expected).toContain(")");
    e = err("TI=(电池");
    expect([e.position, e.expected]).toEqual([6, ")"]);
    e = err("(a OR b");
    expect([e.position, e.expected]).toEqual([7, ")"]);
    e = err("a OR b)");
    expect([e.position, e.found]).toEqual([6, ")"]);
    e = err("XX=电池");
    expect(e.position).toBe(0);
    expect(e.found).toBe("XX");
    expect(e.message).toMatch(/TI, AB, CL, TX/);
    e = err('TI="电池');
    expect([e.position, e.expected]).toEqual([3, '"']);
    e = err("电池 AND");
    expect([e.position, e.expected]).toEqual([6, "a search term"]);
    e = err("AND 电池");
    expect(e.position).toBe(0);
    e = err("AD>=20201");
    expect(e.position).toBe(4);
    e = err("AD=2020-13-01");
    expect(e.position).toBe(3);
    e = err("TI>=电池");
    expect(e.position).toBe(0);
    e = err("TYPE=专利");
    expect([e.position, e.found]).toEqual([5, "专利"]);
    expect(e.expected).toMatch(/发明/);
    e = err("STATUS=maybe");
    expect(e.position).toBe(7);
    e = err("REGION=郑州");
    expect(e.position).toBe(7);
    e = err("IPC=电池");
    expect(e.position).toBe(4);
    e = err("TI=");
    expect([e.position, e.found]).toEqual([3, "end of query"]);
    e = err("(a OR b) NEAR/3 c");
    expect(e.position).toBe(9);
    e = err("a NEAR/3 (b OR c)");
    expect(e.position).toBe(9);
    e = err("x lithium-batter*");
    expect(e.position).toBe(2);
    expect(parseQuery('"lithium batter*"')).toEqual(term("lithium batter*"));
    e = err("()");
    expect(e.position).toBe(1);
    e = err("，。");
    expect(e.position).toBe(0);
    e = err("a NEAR/2 b NEAR/2 c");
    expect(e.position).toBe(11);
    expect(err(`${"(".repeat(5000)}a${")".repeat(5000)}`).message).toMatch(/nests/);
    expect(err(`${"NOT ".repeat(5000)}a`).message).toMatch(/nests/);
    expect(parseQuery(Array.from({ length: 2000 }, (_, i) => `w${i}`).join(" OR ")).kind).toBe("or");
  });
});
