// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, screenshot } from "./support/browser";
import { type Person, seedPeople, signedInContext } from "./support/people";
import { type RunningServer, startServer } from "./support/server";

// Issue #17: a signed-in enterprise values a trademark from its declared inputs (GET /api/valuations/assets), sees
// the score explained line by line, finds the run in its past valuations, and is told in its language what is wrong.
vi.setConfig({ testTimeout: 240_000 });
let server: RunningServer;
let browser: Browser;
let ent: Person;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

async function enterprise(viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await signedInContext(browser, server.url, ent, viewport);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => errors.push(e.message));
  return page;
}

async function setLang(page: Page, lang: "zh" | "en"): Promise<void> {
  await page.evaluate((l) => localStorage.setItem("zhichan.lang", l), lang);
  await page.reload();
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lang === "en" ? "en" : "zh-CN");
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  server = await startServer();
  const people = await seedPeople(server.home || String(process.env.ZHICHAN_E2E_HOME), [
    { name: "val-ent", role: "enterprise" },
  ]);
  ent = people.get("val-ent")!;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  expect(errors, "uncaught errors in the pages").toEqual([]);
});

describe("valuation of a trademark from declared inputs", () => {
  it("an enterprise values a trademark, reads the explained result and finds it among its past valuations", async () => {
    const page = await enterprise();
    await page.goto("/operations");
    await page.getByRole("link", { name: "商标、版权等其他知识产权价值评估" }).click();
    await page.waitForURL(/\/valuation\/assets/);
    const form = page.getByTestId("asset-valuation-form");
    await expect.poll(() => page.getByTestId("asset-valuation-history").innerText()).toContain("还没有评估记录");

    // a trademark without its number or class is refused beside the fields, in Chinese
    await page.getByTestId("asset-valuation-submit").click();
    const fieldError = form.locator(".ant-form-item-explain-error").first();
    await expect.poll(() => fieldError.innerText()).toContain("登记号或注册号");
    await form.getByLabel("登记号或注册号").fill("41173195");
    await page.getByTestId("asset-valuation-submit").click();
    await expect.poll(() => fieldError.innerText()).toBe("商标请填写尼斯分类（第 1–45 类）");

    await form.getByLabel("尼斯分类（类别）").fill("9");
    await form.getByLabel("注册日").fill("2011-06-01");
    await form.getByLabel("注册日").press("Enter");
    await form.getByLabel("市场规模").fill("70");
    await form.getByLabel("知名度").fill("85");
    await page.getByTestId("asset-valuation-submit").click();

    const result = page.getByTestId("asset-valuation-result");
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain("商标 41173195 · 第 9 类");
    expect(text).toContain("综合得分");
    // the method and its assumptions: the term rule, the declared judgements, the note that the data is declared
    expect(text).toContain("注册商标有效期 10 年");
    expect(text).toContain("申请人或评估人填写");
    expect(text).toContain("须以权利证书或登记簿核实");
    const score = Number(await result.locator(".ant-statistic-content-value").first().innerText());
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(100);
    const history = page.getByTestId("asset-valuation-history");
    await expect.poll(() => history.innerText()).toContain("41173195");
    expect(await history.innerText()).toContain(String(score));
    await screenshot(page, "asset-valuation-01-zh", true);
    // every input labelled, the result table and history readable (axe, serious and critical)
    expect(await axeViolations(page)).toEqual([]);

    // the past valuation stays after a reload and in English, and opens again
    await setLang(page, "en");
    await expect.poll(() => history.innerText()).toContain("Trademark 41173195");
    // newest first (Enter in the date field already ran it once without the judgements)
    await history.getByRole("button", { name: "Open again" }).first().click();
    await result.waitFor();
    const en = await result.innerText();
    expect(en).toContain("A registered trademark runs 10 years");
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, "asset-valuation-02-en", true);

    // a software copyright number in the wrong format: the error is English
    await page.locator(".ant-select:has(#valuation-asset-type)").click();
    await page.locator(".ant-select-item-option[title='Software copyright']").click();
    await page.waitForURL(/type=software_copyright/);
    // the URL changes before React draws the software copyright form: until its example number shows, a click would
    // still submit the trademark form (on a loaded CI machine it did, and valued trademark 12345 without an error)
    const number = form.getByLabel("Registration or application number");
    await expect.poll(() => number.getAttribute("placeholder")).toBe("2021SR0123456");
    await number.fill("12345");
    await page.getByTestId("asset-valuation-submit").click();
    const error = form.locator(".ant-form-item-explain-error").first();
    await error.waitFor();
    expect(await error.innerText()).toMatch(/software copyright registration number/i);
    expect(await error.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("fits a 390-pixel phone", async () => {
    const page = await enterprise({ width: 390, height: 844 });
    await page.goto("/valuation/assets?type=trademark");
    const form = page.getByTestId("asset-valuation-form");
    await form.getByLabel("登记号或注册号").fill("41173195");
    await form.getByLabel("尼斯分类（类别）").fill("35");
    await page.getByTestId("asset-valuation-submit").click();
    await page.getByTestId("asset-valuation-result").waitFor();
    await expect.poll(() => overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "asset-valuation-03-390", true);
  });
});
