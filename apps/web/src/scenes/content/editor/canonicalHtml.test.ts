import { describe, expect, it } from "vitest";
import { canonicalHtml, needsSourceMode } from "./canonicalHtml";

describe("the editor's HTML in the sanitiser's spelling", () => {
  it("writes void elements and no-break spaces as sanitize-html does, and nothing else", () => {
    expect(canonicalHtml("<p>a<br>b&nbsp;c</p><hr><p>&amp; &lt;x&gt;</p>")).toBe(
      "<p>a<br />b\u00a0c</p><hr /><p>&amp; &lt;x&gt;</p>",
    );
    expect(canonicalHtml('<p><a rel="noopener noreferrer" href="https://a.cn/x">x</a></p>')).toBe(
      '<p><a rel="noopener noreferrer" href="https://a.cn/x">x</a></p>',
    );
  });

  it("gives an empty document as empty text", () => {
    expect(canonicalHtml("<p></p>")).toBe("");
    expect(canonicalHtml("<p></p><p>x</p>")).toBe("<p></p><p>x</p>");
  });

  it("sends text with tables or sub/superscripts to the source view", () => {
    expect(needsSourceMode("<table><tbody><tr><td>1</td></tr></tbody></table>")).toBe(true);
    expect(needsSourceMode("<p>m<sup>2</sup></p>")).toBe(true);
    expect(needsSourceMode("<h2>标题</h2><ul><li><p>一</p></li></ul>")).toBe(false);
  });
});
