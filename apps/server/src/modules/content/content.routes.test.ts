import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../accounts/clock.js";
import { b64, FILES } from "../cases/cases.test-kit.js";
import { type Call, contentKit } from "./content.test-kit.js";

let k: Awaited<ReturnType<typeof contentKit>>;
let official: Call;
let enterprise: Call;
let agency: Call;
let anon: Call;

beforeAll(async () => {
  k = await contentKit();
  official = await k.as("official");
  enterprise = await k.as("enterprise");
  agency = await k.as("agency");
  anon = await k.as(null);
});
afterAll(async () => k.close());

const iso = (ms: number) => new Date(ms).toISOString();
const notice = (o: Record<string, unknown> = {}) => ({
  kind: "notice",
  category: "专利",
  title: "关于开展知识产权质押融资入园惠企活动的通知",
  bodyHtml: "<p>各有关单位：现将有关事项通知如下。</p>",
  published: true,
  ...o,
});

describe("notices, policies and news", () => {
  it("stores and serves rich text only after the server's allow-list (security)", async () => {
    const dirty =
      '<p onclick="steal()">正文<script>alert(1)</script></p><a href="javascript:alert(2)">链接</a>' +
      '<p style="position:fixed;top:0">覆盖</p><img src=x onerror="alert(3)">';
    const created = await official("POST", "/api/content/manage/items", notice({ bodyHtml: dirty }));
    expect(created.status).toBe(200);
    const pub = await anon("GET", `/api/content/items/${created.body.id}`);
    expect(pub.status).toBe(200);
    for (const html of [created.body.bodyHtml, pub.body.bodyHtml]) {
      expect(html).not.toMatch(/<script|onclick|onerror|javascript:|style=|<img/i);
      expect(html).toContain("正文");
    }
    const stored = k.t.db.sqlite.prepare("SELECT body_html FROM content_items WHERE id = ?").get(created.body.id) as {
      body_html: string;
    };
    expect(stored.body_html).not.toMatch(/script|onclick|javascript:/i);
  });

  it("shows an item to the public only inside its publish window (injected clock)", async () => {
    const now = k.t.clock.now();
    const later = await official(
      "POST",
      "/api/content/manage/items",
      notice({ title: "定时发布的通知", publishAt: iso(now + DAY), unpublishAt: iso(now + 3 * DAY) }),
    );
    const draft = await official("POST", "/api/content/manage/items", notice({ title: "草稿通知", published: false }));
    const titles = async () =>
      (await anon("GET", "/api/content/items?kind=notice")).body.items.map((i: { title: string }) => i.title);
    expect(later.body.visible).toBe(false);
    expect(await titles()).not.toContain("定时发布的通知");
    expect((await anon("GET", `/api/content/items/${later.body.id}`)).status).toBe(404);
    k.t.clock.advance(DAY + 1);
    expect(await titles()).toContain("定时发布的通知");
    expect((await anon("GET", `/api/content/items/${later.body.id}`)).status).toBe(200);
    k.t.clock.advance(2 * DAY);
    expect(await titles()).not.toContain("定时发布的通知");
    expect((await anon("GET", `/api/content/items/${draft.body.id}`)).status).toBe(404);
    expect(await titles()).not.toContain("草稿通知");
    // officials still see both in their list
    const all = (await official("GET", "/api/content/manage/items?pageSize=100")).body.items.map(
      (i: { title: string }) => i.title,
    );
    expect(all).toEqual(expect.arrayContaining(["定时发布的通知", "草稿通知"]));
  });

  it("searches title and text, filters by kind and category", async () => {
    await official("POST", "/api/content/manage/items", {
      kind: "policy",
      category: "商标",
      title: "郑州市知识产权资助办法",
      bodyHtml: "<p>对获得<strong>地理标志</strong>商标注册的给予资助（100%比例）。</p>",
      published: true,
    });
    const hit = await anon("GET", `/api/content/items?q=${encodeURIComponent("地理标志")}`);
    expect(hit.body.items.map((i: { title: string }) => i.title)).toEqual(["郑州市知识产权资助办法"]);
    expect(hit.body.items[0].excerpt).toContain("地理标志");
    expect((await anon("GET", "/api/content/items?q=100%25")).body.total).toBe(1); // % is literal, not a wildcard
    expect((await anon("GET", "/api/content/items?kind=policy&category=专利")).body.total).toBe(0);
    expect((await anon("GET", "/api/content/items?kind=policy")).body.categories).toEqual(["商标"]);
    expect((await anon("GET", "/api/content/items?kind=bogus")).status).toBe(400);
  });

  it("refuses a window that ends before it starts, and audits publishing", async () => {
    const now = k.t.clock.now();
    const bad = await official(
      "POST",
      "/api/content/manage/items",
      notice({ publishAt: iso(now), unpublishAt: iso(now - DAY) }),
    );
    expect(bad.status).toBe(400);
    expect((await official("POST", "/api/content/manage/items", notice({ publishAt: "tomorrow" }))).status).toBe(400);
    const item = await official("POST", "/api/content/manage/items", notice({ title: "撤回测试", published: true }));
    await official("PUT", `/api/content/manage/items/${item.body.id}`, notice({ title: "撤回测试", published: false }));
    const actions = (
      k.t.db.sqlite
        .prepare("SELECT action FROM audit_log WHERE target = ? ORDER BY seq")
        .all(`content:${item.body.id}`) as {
        action: string;
      }[]
    ).map((r) => r.action);
    expect(actions).toEqual(["content.publish", "content.withdraw"]);
  });

  it("lets only officials with content:publish write (role matrix)", async () => {
    const body = notice();
    expect((await anon("POST", "/api/content/manage/items", body)).status).toBe(401);
    expect((await enterprise("POST", "/api/content/manage/items", body)).status).toBe(403);
    expect((await agency("POST", "/api/content/manage/items", body)).status).toBe(403);
    expect((await enterprise("GET", "/api/content/manage/items")).status).toBe(403);
    expect((await anon("PUT", "/api/content/manage/guides/mediation", {})).status).toBe(401);
    expect((await enterprise("PUT", "/api/content/manage/guides/mediation", {})).status).toBe(403);
    expect((await anon("GET", "/api/content/items")).status).toBe(200);
    expect((await official("POST", "/api/content/manage/items", body)).status).toBe(200);
  });

  it("attaches real files only, bounded, downloadable while the item is public", async () => {
    const item = await official("POST", "/api/content/manage/items", notice({ title: "带附件的通知" }));
    const id = item.body.id;
    const up = await official("POST", `/api/content/manage/items/${id}/files`, {
      fileName: "申报表.pdf",
      contentBase64: b64(FILES.pdf),
    });
    expect(up.status).toBe(200);
    const exe = await official("POST", `/api/content/manage/items/${id}/files`, {
      fileName: "a.pdf",
      contentBase64: b64(FILES.exe),
    });
    expect(exe.status).toBe(400);
    const huge = await official("POST", `/api/content/manage/items/${id}/files`, {
      fileName: "big.pdf",
      contentBase64: "A".repeat(15 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    const got = await anon("GET", `/api/content/items/${id}/files/${up.body.id}`);
    expect(got.status).toBe(200);
    expect(got.raw.equals(FILES.pdf)).toBe(true);
    expect((await anon("GET", `/api/content/items/${id}`)).body.attachments).toEqual([up.body]);
    await official("PUT", `/api/content/manage/items/${id}`, notice({ title: "带附件的通知", published: false }));
    expect((await anon("GET", `/api/content/items/${id}/files/${up.body.id}`)).status).toBe(404);
    expect((await official("GET", `/api/content/manage/items/${id}/files/${up.body.id}`)).status).toBe(200);
  });
});

describe("办事指南", () => {
  it("is edited by officials per case type and read by anyone, with templates", async () => {
    const empty = await anon("GET", "/api/content/guides/mediation");
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ caseType: "mediation", materials: [], updatedAt: null });
    const guide = {
      materials: ["调解申请书", "营业执照复印件"],
      eligibility: "在本市注册的企业",
      legalBasis: ["《专利法》第六十五条"],
      timeLimit: "5 个工作日内受理",
      fees: "免费",
      faqs: [{ q: "需要律师吗？", a: "不需要。" }],
    };
    const put = await official("PUT", "/api/content/manage/guides/mediation", guide);
    expect(put.status).toBe(200);
    const tpl = await official("POST", "/api/content/manage/guides/mediation/templates", {
      fileName: "调解申请书.docx",
      contentBase64: b64(FILES.docx),
    });
    expect(tpl.status).toBe(200);
    const read = await anon("GET", "/api/content/guides/mediation");
    expect(read.body).toMatchObject({ ...guide, templates: [{ fileName: "调解申请书.docx", type: "docx" }] });
    expect((await anon("GET", `/api/content/guides/mediation/templates/${tpl.body.id}`)).raw.equals(FILES.docx)).toBe(
      true,
    );
    expect((await anon("GET", "/api/content/guides")).body.items.map((g: { caseType: string }) => g.caseType)).toEqual([
      "mediation",
    ]);
    expect((await anon("GET", "/api/content/guides/no_such_type")).status).toBe(404);
    expect((await official("PUT", "/api/content/manage/guides/mediation", { materials: "not a list" })).status).toBe(
      400,
    );
  });
});
