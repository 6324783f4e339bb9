// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, openPage, screenshot } from "./support/browser";
import { seedOfficial, signInOfficial } from "./support/official";
import { RUN } from "./support/people";
import { type RunningServer, startServer } from "./support/server";

// Issue #17: an official publishes a notice (and a scheduled one stays hidden), writes a service's guide and lists a
// workstation; a visitor reads the notice from the home page, the guide from a service card, and the directories.
let server: RunningServer;
let browser: Browser;
let official: BrowserContext;
let offPage: Page;
const errors: string[] = [];
const NOW_TITLE = `E2E 知识产权服务通知 ${RUN}`;
const LATER_TITLE = `E2E 明日发布的通知 ${RUN}`;
const STATION = `E2E 测试维权工作站 ${RUN}`;
const MATERIAL = `E2E 调解申请书（${RUN}）`;

async function api(ctx: BrowserContext, method: "POST" | "PUT", url: string, data: unknown) {
  const csrf = (await (await ctx.request.get("/api/auth/session")).json()).csrfToken as string;
  const res = await ctx.request.fetch(url, { method, headers: { "X-CSRF-Token": csrf }, data });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

async function setLang(page: Page, lang: "zh" | "en"): Promise<void> {
  await page.evaluate((l) => localStorage.setItem("zhichan.lang", l), lang);
  await page.reload();
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lang === "en" ? "en" : "zh-CN");
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
}

/** Writes a notice's body with the editor's toolbar and keyboard only: heading, bold, a list, a link. */
async function writeWithToolbar(page: Page, lang: "zh" | "en"): Promise<void> {
  const w =
    lang === "zh"
      ? {
          h: "申报须知",
          a: "请各单位",
          b: "按时申报",
          i: ["营业执照", "专利证书"],
          see: "详见",
          link: "链接地址",
        }
      : {
          h: "How to apply",
          a: "Every unit ",
          b: "applies on time",
          i: ["Licence", "Certificate"],
          see: "See ",
          link: "Link address",
        };
  const tb = (name: string) => page.getByRole("toolbar").getByRole("button", { name, exact: true });
  const names =
    lang === "zh"
      ? { h2: "H2 大标题", bold: "加粗", list: "项目符号列表", link: "插入或修改链接" }
      : { h2: "H2 Heading", bold: "Bold", list: "Bulleted list", link: "Insert or change a link" };
  const area = page.getByTestId("rich-text-editor");
  await area.click();
  await page.keyboard.type(w.h);
  await tb(names.h2).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(w.a);
  await tb(names.bold).click();
  await page.keyboard.type(w.b);
  await tb(names.bold).click();
  await page.keyboard.type("。");
  await page.keyboard.press("Enter");
  await tb(names.list).click();
  await page.keyboard.type(w.i[0]);
  await page.keyboard.press("Enter");
  await page.keyboard.type(w.i[1]);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type(w.see);
  await tb(names.link).click();
  await page.getByLabel(w.link).fill("https://www.cnipa.gov.cn/");
  // (antd spaces a two-character Chinese label, "确 定": the button is found by its test id)
  await page.getByTestId("link-apply").click();
  await expect.poll(() => area.locator("a").count()).toBe(1);
}

beforeAll(async () => {
  server = await startServer();
  const o = await seedOfficial(
    server.home || String(process.env.ZHICHAN_E2E_HOME),
    `e2e-content-${RUN.toLowerCase()}`,
    "E2e#Content-2026",
  );
  browser = await launchBrowser();
  official = await signInOfficial(browser, server.url, o);
  offPage = await official.newPage();
  offPage.setDefaultTimeout(20_000);
  offPage.on("pageerror", (e) => errors.push(e.message));
}, 300_000);

afterAll(async () => {
  await official?.close();
  await browser?.close();
  await server?.stop();
  expect(errors, "uncaught errors in the pages").toEqual([]);
});

describe("public information", () => {
  it("an official publishes a notice in the editor; one scheduled for tomorrow stays hidden", async () => {
    await offPage.goto("/content/manage");
    await offPage.getByTestId("content-new").click();
    const editor = offPage.getByTestId("content-editor");
    await editor.getByLabel("标题", { exact: true }).fill(NOW_TITLE);
    // the body is written with the toolbar, no HTML typed: a heading, bold words, a list and a link
    await writeWithToolbar(offPage, "zh");
    await editor.getByRole("switch").click();
    const saved = offPage.waitForResponse(
      (r) => r.url().endsWith("/api/content/manage/items") && r.request().method() === "POST",
    );
    await offPage.getByTestId("content-save").click();
    const res = await saved;
    const sent = (res.request().postDataJSON() as { bodyHtml: string }).bodyHtml;
    const stored = ((await res.json()) as { bodyHtml: string }).bodyHtml;
    expect(sent).toContain("<h2>申报须知</h2>");
    expect(sent).toContain("<strong>按时申报</strong>");
    expect(sent).toContain("<ul><li><p>营业执照</p></li><li><p>专利证书</p></li></ul>");
    expect(sent).toContain('<a rel="noopener noreferrer" href="https://www.cnipa.gov.cn/">');
    // what the editor wrote is what the server's allow-list keeps, byte for byte
    expect(stored).toBe(sent);
    await editor.getByText("公开中").waitFor();
    await screenshot(offPage, "content-01-editor", true);
    // the toolbar's buttons are named and the editing area is a labelled text box (axe, serious and critical)
    expect(await axeViolations(offPage)).toEqual([]);

    // a link the server would drop is refused in the editor, in the official's language
    await editor.getByRole("button", { name: "插入或修改链接" }).click();
    await editor.getByLabel("链接地址").fill("javascript:alert(1)");
    await editor.getByTestId("link-apply").click();
    await editor.getByText("链接须以 https://、http://、mailto: 或 / 开头").waitFor();
    await editor.getByTestId("link-cancel").click();

    // HTML pasted into the source view still meets the server's allow-list
    await offPage.getByTestId("rich-text-mode").click();
    await offPage
      .getByTestId("rich-text-source")
      .fill('<p>请各单位按时申报。<script>alert("x")</script></p><p><a href="javascript:alert(1)">链接</a></p>');
    await offPage.getByTestId("content-save").click();
    await editor.getByText("已保存").waitFor();
    // the preview is the stored text: the server removed the script and the javascript: link
    const preview = await editor.locator(".rich-text[data-content]").innerHTML();
    expect(preview).toContain("请各单位按时申报");
    expect(preview).not.toMatch(/script|javascript:/);
    await offPage.getByTestId("rich-text-mode").click();
    await expect.poll(() => offPage.getByTestId("rich-text-editor").innerText()).toContain("请各单位按时申报");

    // the editor in English and on a 390-pixel phone
    await setLang(offPage, "en");
    await offPage.getByTestId("content-new").click();
    await writeWithToolbar(offPage, "en");
    await screenshot(offPage, "content-01-editor-en", true);
    await offPage.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(offPage);
    await screenshot(offPage, "content-01-editor-390", true);
    await offPage.setViewportSize({ width: 1440, height: 900 });
    await setLang(offPage, "zh");

    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
    await api(official, "POST", "/api/content/manage/items", {
      kind: "notice",
      title: LATER_TITLE,
      bodyHtml: "<p>定时发布</p>",
      published: true,
      publishAt: tomorrow,
    });
    await offPage.goto("/content/manage");
    await offPage.getByText(LATER_TITLE).waitFor();
    await offPage.getByText("已发布（不在公开时段）").first().waitFor();

    const { page, context, errors: anonErrors } = await openPage(browser, server.url);
    await page.goto("/");
    const home = page.getByTestId("home-notices");
    await home.getByText(NOW_TITLE).waitFor();
    expect(await home.innerText()).not.toContain(LATER_TITLE);
    await screenshot(page, "content-02-home", true);
    await home.getByText(NOW_TITLE).click();
    await page.getByTestId("notice-page").waitFor();
    expect(await page.getByTestId("notice-page").innerText()).toContain("请各单位按时申报");
    await page.goto("/notices");
    await page.getByText(NOW_TITLE).waitFor();
    expect(await page.getByTestId("notices-page").innerText()).not.toContain(LATER_TITLE);
    await screenshot(page, "content-03-notices", true);
    await setLang(page, "en");
    await page.getByText("Public information").first().waitFor();
    await screenshot(page, "content-03-notices-en", true);
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
    await screenshot(page, "content-03-notices-390", true);
    expect(anonErrors).toEqual([]);
    await context.close();
  });

  it("a citizen reads the guide an official wrote, from a service card", async () => {
    await offPage.goto("/content/manage");
    await offPage.getByRole("tab", { name: "办事指南" }).click();
    const ed = offPage.getByTestId("guide-editor");
    await ed.getByLabel("申请材料").fill(`${MATERIAL}\n营业执照复印件`);
    await ed.getByLabel("办理时限").fill("5 个工作日");
    await offPage.getByTestId("guide-save").click();
    await ed.getByText("已保存").waitFor();
    await screenshot(offPage, "content-04-guide-editor", true);
    const caseType = (await (await official.request.get("/api/content/guides")).json()).items[0].caseType as string;

    const { page, context, errors: anonErrors } = await openPage(browser, server.url);
    await page.goto("/services");
    await page.locator(`a[data-guide="${caseType}"]`).click();
    const guide = page.getByTestId("guide-page");
    await guide.getByText(MATERIAL).waitFor();
    expect(await guide.innerText()).toContain("5 个工作日");
    await screenshot(page, "content-05-guide", true);
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
    await screenshot(page, "content-05-guide-390", true);
    expect(anonErrors).toEqual([]);
    await context.close();
  });

  it("the directories show what an official listed, with the workstation map", async () => {
    const org = await api(official, "POST", "/api/registry/orgs", {
      name: STATION,
      category: "workstation",
      districtCode: "410105",
      address: "金水区测试路 1 号",
      notes: "联系电话 13912345678",
    });
    await offPage.goto("/directory/manage");
    await offPage.getByRole("tab", { name: "维权工作站" }).click();
    const row = offPage.locator(`[data-listing="${org.id}"]`);
    await row.getByRole("switch").click();
    await expect.poll(() => row.getByRole("switch").getAttribute("aria-checked")).toBe("true");
    // the box is the server's answer (saved, then shown): click, then wait for it, not check()'s instant test
    await row.getByLabel("所在区县").click();
    await expect.poll(() => row.getByLabel("所在区县").isChecked()).toBe(true);
    await screenshot(offPage, "content-06-directory-manage", true);

    const { page, context, errors: anonErrors } = await openPage(browser, server.url);
    await page.goto("/directory?tab=workstations");
    const entry = page.locator(`[data-entry="${org.id}"]`);
    await entry.waitFor();
    expect(await entry.innerText()).toContain(STATION);
    expect(await page.getByTestId("directory-page").innerText()).not.toContain("13912345678");
    await page.getByTestId("workstation-map").waitFor();
    await screenshot(page, "content-07-directory", true);
    for (const tab of ["agencies", "brand-agencies", "experts", "training"]) {
      await page.goto(`/directory?tab=${tab}`);
      await page.getByTestId("directory-page").locator(".ant-tabs-tabpane-active").waitFor();
    }
    await setLang(page, "en");
    await page.goto("/directory?tab=workstations");
    await page.locator(`[data-entry="${org.id}"]`).waitFor();
    await screenshot(page, "content-07-directory-en", true);
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
    await screenshot(page, "content-07-directory-390", true);
    expect(anonErrors).toEqual([]);
    await context.close();
  });
});
