import { describe, expect, it } from "vitest";
import { appendClause, facetClause, quoteValue } from "./queryText";

describe("appendClause", () => {
  it("appends with AND", () => {
    expect(appendClause("电池", "TYPE=utility_model")).toBe("电池 AND TYPE=utility_model");
  });
  it("wraps a query with a top-level OR so the filter applies to all of it", () => {
    expect(appendClause("电池 OR 电容", "AD=2021")).toBe("(电池 OR 电容) AND AD=2021");
  });
  it("writes NOT as AND NOT", () => {
    expect(appendClause("电池", "STATUS=lapsed", "NOT")).toBe("电池 AND NOT STATUS=lapsed");
  });
  it("starts a query when there is none", () => {
    expect(appendClause("  ", "IPC=H01M")).toBe("IPC=H01M");
  });
});

describe("facetClause", () => {
  const b = (value: string, label = value) => ({ value, label, count: 1 });
  it("maps every facet to its field", () => {
    expect(facetClause("type", b("utility_model"))).toBe("TYPE=utility_model");
    expect(facetClause("year", b("2021"))).toBe("AD=2021");
    expect(facetClause("ipc_subclass", b("H01M", "电池"))).toBe("IPC=H01M");
    expect(facetClause("district", b("410105", "金水区"))).toBe("REGION=410105");
    expect(facetClause("sei", b("1.2", "电子核心产业"))).toBe("SEI=1.2");
    // An applicant bucket is an entity: its id, not its display name's text (issue #14 item 6).
    expect(facetClause("applicant", b("7", "郑州大学"))).toBe("APID=7");
    expect(facetClause("applicant", b("郑州大学"))).toBe('AP="郑州大学"');
    expect(facetClause("agency", b("重庆中之信知识产权代理事务所(普通合伙)"))).toBe(
      'AGC="重庆中之信知识产权代理事务所(普通合伙)"',
    );
  });
});

describe("quoteValue", () => {
  it("leaves codes and words bare and quotes the rest", () => {
    expect(quoteValue("H01M10/613")).toBe("H01M10/613");
    expect(quoteValue("电池*")).toBe("电池*");
    expect(quoteValue("Waymo LLC")).toBe('"Waymo LLC"');
  });
});
