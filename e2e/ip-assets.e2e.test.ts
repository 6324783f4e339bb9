// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { launchBrowser, screenshot } from "./support/browser";
import { simplePdf } from "./support/files";
import { type Person, seedPeople, signedInContext } from "./support/people";
import { type RunningServer, startServer } from "./support/server";

// Issue #17 item 6: a visitor opens the GI register and its maps; an enterprise lists a trademark for licence and
// applies for a pledge on a trademark, each number checked against its IP type's format.
// each journey waits on a loaded machine (maps drawn, a dashboard counted): a step may take its time
vi.setConfig({ testTimeout: 240_000 });
let server: RunningServer;
let browser: Browser;
let people: Map<string, Person>;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

async function visitor(viewport = { width: 1440, height: 900 }, lang: "zh" | "en" = "zh"): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport });
  contexts.push(context);
  await context.addInitScript((l) => localStorage.setItem("zhichan.lang", l), lang);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => errors.push(e.message));
  return page;
}

async function enterprise(): Promise<Page> {
  const context = await signedInContext(browser, server.url, people.get("ent")!);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => errors.push(e.message));
  return page;
}

async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.locator(`.ant-form-item:has([data-field="${field}"]) .ant-select`).click();
  const dropdown = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click();
  await expect.poll(() => dropdown.count()).toBe(0);
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  server = await startServer();
  people = await seedPeople(server.home || String(process.env.ZHICHAN_E2E_HOME), [
    { name: "ip-ent", role: "enterprise" },
    { name: "ip-off", role: "official" },
  ]);
  people.set("ent", people.get("ip-ent")!);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  expect(errors, "uncaught errors in the pages").toEqual([]);
});

describe("the GI register", () => {
  it("a visitor opens the register, its maps, and one entry with its source", async () => {
    const page = await visitor();
    await page.goto("/");
    // the public services menu leads to it
    await page.goto("/gi");
    await page.getByTestId("gi-map-henan").locator("canvas").waitFor();
    await page.getByTestId("gi-map-city").locator("canvas").waitFor();
    await expect.poll(() => page.getByTestId("gi-item").count()).toBeGreaterThan(5);
    expect(await page.locator(".ant-list-header").innerText()).toContain("共 43 条");
    await screenshot(page, "gi-01-register", true);
    await page.getByPlaceholder("搜索产品名称或地区").fill("登封");
    await page.getByPlaceholder("搜索产品名称或地区").press("Enter");
    await expect.poll(() => page.getByTestId("gi-item").count()).toBe(1);
    await page.getByRole("link", { name: "登封芥菜" }).click();
    const detail = page.getByTestId("gi-detail");
    await detail.waitFor();
    expect(await detail.innerText()).toContain("登封市");
    expect(await detail.getByRole("link", { name: "查看来源网页" }).getAttribute("href")).toContain("hnjjbs.com");
    await screenshot(page, "gi-02-entry", true);
  });

  it("reads in English and fits a 390 px phone", async () => {
    const en = await visitor({ width: 1440, height: 900 }, "en");
    await en.goto("/gi");
    await en.getByTestId("gi-map-henan").locator("canvas").waitFor();
    expect(await en.locator(".gi-page").innerText()).toContain("Geographical indications");
    await screenshot(en, "gi-03-register-en", true);
    const phone = await visitor({ width: 390, height: 844 });
    await phone.goto("/gi");
    await phone.getByTestId("gi-map-city").locator("canvas").waitFor();
    await expect.poll(() => overflow(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, "gi-04-register-390", true);
  });
});

describe("trademarks across the services", () => {
  it("an enterprise lists a trademark for licence: the number is checked as a trademark's and the class asked", async () => {
    const page = await enterprise();
    await page.goto("/cases/new/ip_listing");
    await choose(page, "listingKind", "许可");
    expect(await page.locator('[data-field="niceClass"]').count()).toBe(0); // no class until a trademark is chosen
    await choose(page, "assetType", "商标");
    await page.locator('[data-field="assetNumber"]').fill("CN114000001A");
    await page.locator('[data-field="assetTitle"]').fill("测试商标（E2E）");
    await page.getByTestId("apply-next").click();
    const form = page.getByTestId("apply-form");
    await expect.poll(() => form.innerText()).toContain("商标注册号为 1–8 位数字");
    // the class is asked for by the field's own rule once a trademark is chosen
    await expect
      .poll(() => form.locator(".ant-form-item-explain-error").allInnerTexts())
      .toContainEqual(expect.stringContaining("尼斯分类"));
    await screenshot(page, "gi-05-trademark-listing-errors", true);
    await page.locator('[data-field="assetNumber"]').fill("12345678");
    await page.locator('[data-field="niceClass"]').fill("29");
    await page.getByTestId("apply-next").click();
    await page.getByTestId("attachment-step").waitFor();
    await page.getByTestId("submit-case").click();
    await page.getByTestId("case-detail").waitFor();
    expect(await page.getByTestId("case-detail").innerText()).toContain("12345678");
  });

  it("an enterprise applies for a pledge on a trademark with its class after a slash", async () => {
    const page = await enterprise();
    await page.goto("/cases/new/pledge_financing");
    await page.locator('[data-field="pledgor"]').fill("测试食品有限公司");
    await page.locator('[data-field="bank"]').fill("测试银行郑州分行");
    await choose(page, "assetType", "商标");
    const tags = page.locator('.ant-form-item:has([data-field="assetNumbers"]) .ant-select-selection-search-input');
    await tags.fill("12345678/29");
    await tags.press("Enter");
    await page.locator('[data-field="amountYuan"]').fill("3000000");
    await page.locator('[data-field="termMonths"]').fill("24");
    await page.keyboard.press("Escape");
    await page.getByTestId("apply-next").click();
    await page.getByTestId("attachment-step").waitFor();
    // the pledge asks for its loan contract with the application
    await page
      .getByTestId("attach-loan_contract")
      .locator("input[type=file]")
      .setInputFiles({ name: "借款合同.pdf", mimeType: "application/pdf", buffer: simplePdf("Test loan contract") });
    await page.getByTestId("attach-loan_contract").locator('[data-testid="upload-row"][data-status="done"]').waitFor();
    await page.getByTestId("submit-case").click();
    await page.getByTestId("case-detail").waitFor();
    await screenshot(page, "gi-06-trademark-pledge", true);
    expect(await page.getByTestId("case-detail").innerText()).toContain("12345678/29");
  });
});

describe("the plan's progress in public", () => {
  it("an official publishes it from the dashboard and a visitor finds it in the services menu", async () => {
    const visitorPage = await visitor();
    await visitorPage.goto("/plan/published");
    await visitorPage.getByText("规划进展尚未公开").waitFor();
    const context = await signedInContext(browser, server.url, people.get("ip-off")!);
    contexts.push(context);
    const off = await context.newPage();
    off.setDefaultTimeout(60_000);
    off.on("pageerror", (e) => errors.push(e.message));
    await off.goto("/plan");
    await off.getByTestId("plan-publish").click();
    await off.locator(".ant-popconfirm .ant-btn-primary").click();
    await off.getByRole("link", { name: "查看公开页面" }).waitFor();
    await visitorPage.goto("/");
    await visitorPage.locator('[data-nav="services"]').click();
    await visitorPage.locator(".ant-dropdown").getByRole("link", { name: "规划实施进展" }).click();
    await visitorPage.getByTestId("target-cards").waitFor();
    expect(await visitorPage.getByTestId("plan-published").innerText()).toContain("公开于");
    await screenshot(visitorPage, "gi-07-plan-published", true);
    const phone = await visitor({ width: 390, height: 844 });
    await phone.goto("/plan/published");
    await phone.getByTestId("target-cards").waitFor();
    await expect.poll(() => overflow(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, "gi-08-plan-published-390", true);
  });
});
