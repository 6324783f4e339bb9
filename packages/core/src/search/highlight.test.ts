import { describe, expect, it } from "vitest";
import { highlight, matchSpans, snippet } from "./highlight.js";

describe("highlight", () => {
  it("escapes everything and wraps CJK substrings", () => {
    expect(highlight("<script>alert(1)</script> 锂离子电池", ["离子"])).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; 锂<em>离子</em>电池",
    );
    expect(highlight('a & b "c"', [])).toBe("a &amp; b &quot;c&quot;");
  });

  it("does not let a term inject markup", () => {
    expect(highlight("x <em> y", ["<em>"])).toBe("x &lt;<em>em</em>&gt; y");
    expect(highlight("<b>电池</b>", ["电池"])).toBe("&lt;b&gt;<em>电池</em>&lt;/b&gt;");
  });

  it("matches English by stem and case, prefixes, phrases", () => {
    expect(highlight("Lithium Batteries and a battery", ["battery"])).toBe(
      "Lithium <em>Batteries</em> and a <em>battery</em>",
    );
    expect(highlight("charging the charger", ["charg*"])).toBe("<em>charging</em> the <em>charger</em>");
    expect(highlight("lithium ion battery, lithium battery", ["lithium battery"])).toBe(
      "lithium ion battery, <em>lithium battery</em>",
    );
  });

  it("matches full-width text and merges overlapping spans", () => {
    expect(highlight("ＵＳＢ接口", ["usb"])).toBe("<em>ＵＳＢ</em>接口");
    expect(highlight("锂离子电池", ["锂离子", "离子电池"])).toBe("<em>锂离子电池</em>");
    expect(matchSpans("电池，池子", ["池池"])).toEqual([]);
  });
});

describe("snippet", () => {
  const long = `${"前言".repeat(100)}本发明涉及一种锂离子电池正极材料${"后记".repeat(100)}`;

  it("picks the window with the matches and marks the cuts", () => {
    const s = snippet(long, ["电池"], 40);
    expect(s.startsWith("…")).toBe(true);
    expect(s.endsWith("…")).toBe(true);
    expect(s).toContain("<em>电池</em>");
    expect(s.replace(/<\/?em>/g, "").replace(/…/g, "").length).toBe(40);
  });

  it("returns short text whole and escapes it", () => {
    expect(snippet("<i>电池</i>", ["电池"])).toBe("&lt;i&gt;<em>电池</em>&lt;/i&gt;");
    expect(snippet("abc", [])).toBe("abc");
    expect(snippet("x".repeat(10), [], 4)).toBe("xxxx…");
  });

  it("prefers the window with the most matches", () => {
    const text = `电池${"。".repeat(50)}正极 正极 正极${"。".repeat(50)}`;
    expect(snippet(text, ["电池", "正极"], 20)).toContain("<em>正极</em> <em>正极</em> <em>正极</em>");
  });
});
