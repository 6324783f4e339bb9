import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Call, contentKit } from "./content.test-kit.js";

// The web's rich-text editor (apps/web scenes/content/editor) writes only what the allow-list keeps, spelled as
// sanitize-html spells it (canonicalHtml.ts). This is its typical output, one block per toolbar format, as the
// editor produced it in the content journey (e2e/content.e2e.test.ts): stored and served back byte for byte, so
// the preview and the published page show exactly what the official saw while editing.
const EDITOR_HTML = [
  "<h2>关于开展 2026 年知识产权质押融资工作的通知</h2>",
  "<h3>一、申报条件</h3>",
  "<p>各有关单位：<strong>请于 3 月 31 日前</strong>提交材料，<em>逾期不予受理</em>。</p>",
  '<p><u>下划线</u>与<s>删除线</s>，换行<br />第二行；符号 &amp; &lt;不会&gt; 被转义两次，中文引号“”和 "英文引号"。</p>',
  "<ul><li><p>营业执照复印件</p></li><li><p>专利证书</p><ul><li><p>发明专利优先</p></li></ul></li></ul>",
  "<ol><li><p>网上申报</p></li><li><p>窗口核验</p></li></ol>",
  "<blockquote><p>依据《郑州市知识产权质押融资管理办法》。</p></blockquote>",
  "<hr />",
  '<p>详见<a rel="noopener noreferrer" href="https://www.cnipa.gov.cn/col/col1/index.html?a=1&amp;b=2">国家知识产权局</a>、',
  '<a rel="noopener noreferrer" href="mailto:ip@zhengzhou.gov.cn">来信</a>和<a rel="noopener noreferrer" href="/notices">本站通知</a>。</p>',
  "<h4>附：联系方式</h4><p></p>",
].join("");

let k: Awaited<ReturnType<typeof contentKit>>;
let official: Call;
let anon: Call;

beforeAll(async () => {
  k = await contentKit();
  official = await k.as("official");
  anon = await k.as(null);
});
afterAll(async () => k.close());

describe("the content editor's HTML and the server's allow-list", () => {
  it("keeps every toolbar format exactly as the editor wrote it, on save and on the public page", async () => {
    const created = await official("POST", "/api/content/manage/items", {
      kind: "notice",
      title: "编辑器格式往返",
      bodyHtml: EDITOR_HTML,
      published: true,
    });
    expect(created.status).toBe(200);
    expect(created.body.bodyHtml).toBe(EDITOR_HTML);
    const pub = await anon("GET", `/api/content/items/${created.body.id}`);
    expect(pub.body.bodyHtml).toBe(EDITOR_HTML);
    const updated = await official("PUT", `/api/content/manage/items/${created.body.id}`, {
      kind: "notice",
      title: "编辑器格式往返",
      bodyHtml: EDITOR_HTML,
      published: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.bodyHtml).toBe(EDITOR_HTML);
  });

  it("still strips what the editor never writes (the boundary is unchanged)", async () => {
    const created = await official("POST", "/api/content/manage/items", {
      kind: "notice",
      title: "编辑器以外的 HTML",
      bodyHtml:
        '<p style="color:red" class="x">文字</p><a href="https://a.cn" target="_blank">链</a><ol start="3"><li>三</li></ol>',
      published: false,
    });
    expect(created.body.bodyHtml).toBe(
      '<p>文字</p><a href="https://a.cn" rel="noopener noreferrer">链</a><ol><li>三</li></ol>',
    );
  });
});
