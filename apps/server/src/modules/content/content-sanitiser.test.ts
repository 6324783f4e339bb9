import { describe, expect, it } from "vitest";
import { plainText, sanitiseHtml } from "./content-sanitiser.js";

/** Security: what an official's editor (or a stolen official session) sends must not run in a visitor's browser. */
describe("rich text sanitiser", () => {
  it("removes scripts, event handlers, javascript: URLs and style injection, keeping the text and structure", () => {
    const dirty = [
      '<p onclick="steal()">通知<script>alert(1)</script></p>',
      '<img src="x" onerror="alert(2)">',
      '<a href="javascript:alert(3)">点此</a>',
      '<a href="JaVaScRiPt&#58;alert(4)">又一个</a>',
      '<a href="https://www.cnipa.gov.cn/" target="_blank" onmouseover="x()">国家知识产权局</a>',
      '<p style="background:url(javascript:alert(5))" class="x">样式</p>',
      "<style>body{display:none}</style>",
      '<iframe src="https://evil.example/"></iframe>',
      '<svg onload="alert(6)"><circle/></svg>',
      '<form action="https://evil.example/"><input name="p"></form>',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==">数据</a>',
    ].join("");
    const clean = sanitiseHtml(dirty);
    expect(clean).not.toMatch(/<script|<style|<iframe|<svg|<form|<input|<img/i);
    expect(clean).not.toMatch(/\son\w+=/i);
    expect(clean).not.toMatch(/javascript:|javascript&#58;|data:/i);
    expect(clean).not.toMatch(/style=|class=|target=/i);
    expect(clean).toContain("通知");
    expect(clean).toContain('<a href="https://www.cnipa.gov.cn/" rel="noopener noreferrer">国家知识产权局</a>');
    expect(clean).toContain("<p>样式</p>");
    expect(clean).not.toContain("alert");
  });

  it("keeps the allowed structure: headings, lists, tables, emphasis", () => {
    const html =
      '<h2>一、申请条件</h2><ul><li><strong>企业</strong>注册在本市</li></ul><table><tbody><tr><td colspan="2">表</td></tr></tbody></table>';
    expect(sanitiseHtml(html)).toBe(html);
  });

  it("gives the plain text for search, with words apart and entities decoded", () => {
    expect(plainText("<p>甲&amp;乙</p><p>第二段</p><ul><li>一</li><li>二</li></ul>")).toBe("甲&乙 第二段 一 二");
  });
});
