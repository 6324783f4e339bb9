// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

// The search page (issue #15 items 5 and 6): the place in a result list survives a visit to a patent and a shared
// link, the builder writes what its pickers say, statistics without a query chart every patent, and a keyboard
// reaches every part of the page.
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const Q = encodeURIComponent("电池");

async function newPage(opts: { lang?: "zh" | "en"; width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
  });
  contexts.push(context);
  await context.addInitScript((lang) => localStorage.setItem("zhichan.lang", lang), opts.lang ?? "zh");
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The page number the pager shows, once that page's hits have arrived (the previous ones stay while loading). */
const pageShown = async (page: Page) => {
  await page.locator('.results-main[aria-busy="false"]').waitFor();
  return Number(await page.getByTestId("page-indicator").getAttribute("data-page"));
};
const firstHitHref = (page: Page) => page.getByTestId("hit-title").first().getAttribute("href");
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** A node of the IPC picker's open tree, by its code (its title starts with the code and a space). */
const ipcNode = (page: Page, code: string) =>
  page
    .locator(".ipc-picker-popup .ant-select-tree-treenode")
    .filter({ has: page.locator(".ant-select-tree-title", { hasText: new RegExp(`^${code.replace("/", "\\/")} `) }) });

/** Picks an option of an antd select (the field picker, a choice of types) by its visible words. */
async function pickOption(page: Page, select: ReturnType<Page["locator"]>, words: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${words}"]`).click();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe("the search page", () => {
  it("keeps page 2 through a visit to a patent and back, a reload and a shared link", async () => {
    const page = await newPage();
    await page.goto(`/search?q=${Q}`);
    await page.getByTestId("hit-title").first().waitFor();
    const firstOnPage1 = await firstHitHref(page);
    await page.getByTestId("page-next").click();
    await expect.poll(() => pageShown(page)).toBe(2);
    await expect.poll(() => firstHitHref(page)).not.toBe(firstOnPage1);
    const url = new URL(page.url());
    expect(url.searchParams.get("page")).toBe("2");
    expect(url.searchParams.get("cursor")).toBeTruthy();
    const firstOnPage2 = await firstHitHref(page);
    await page.getByTestId("hit-title").first().click();
    await page.waitForURL(/\/patents\/\d+/);
    await page.goBack();
    await expect.poll(() => pageShown(page)).toBe(2);
    expect(await firstHitHref(page)).toBe(firstOnPage2);
    // the cursors of earlier pages came back with the history entry: "previous" still works
    await page.reload();
    await expect.poll(() => pageShown(page)).toBe(2);
    expect(await firstHitHref(page)).toBe(firstOnPage2);
    expect(await page.getByTestId("page-prev").isEnabled()).toBe(true);
    await page.getByTestId("page-prev").click();
    await expect.poll(() => pageShown(page)).toBe(1);
    await page.goBack();
    await expect.poll(() => pageShown(page)).toBe(2);

    // a shared link opens the same page; without the trail only "first page" leads back
    const other = await newPage();
    await other.goto(url.pathname + url.search);
    await expect.poll(() => pageShown(other)).toBe(2);
    expect(await firstHitHref(other)).toBe(firstOnPage2);
    expect(await other.getByTestId("page-prev").isDisabled()).toBe(true);
    await other.getByTestId("page-first").click();
    await expect.poll(() => pageShown(other)).toBe(1);
    expect(new URL(other.url()).searchParams.get("cursor")).toBeNull();
  });

  it("builds a query from a date range, a type choice and the IPC tree, and finds what the API finds", async () => {
    const page = await newPage();
    await page.goto("/search?mode=advanced");
    const rows = page.getByTestId("qb-row");
    await rows.nth(0).getByTestId("qb-text").fill("电池");
    // row 2: the applicant field becomes a patent-type choice
    await pickOption(page, rows.nth(1).locator(".qb-field"), "专利类型");
    await pickOption(page, rows.nth(1).locator(".qb-value"), "发明授权");
    await page.keyboard.press("Escape");
    // row 3: the filing-date range, typed into the range picker
    await rows.nth(2).getByPlaceholder("开始日期").click();
    await page.keyboard.type("2015-01-01");
    await page.keyboard.press("Enter");
    await page.keyboard.type("2022-12-31");
    await page.keyboard.press("Enter");
    // row 4: IPC from the tree, section → class → subclass, with Chinese titles
    await page.getByRole("button", { name: "添加一行" }).click();
    await pickOption(page, rows.nth(3).locator(".qb-field"), "IPC 分类号");
    await rows.nth(3).locator(".qb-value").click();
    await ipcNode(page, "H").waitFor();
    expect(await ipcNode(page, "H").innerText()).toContain("电学");
    await ipcNode(page, "H").locator(".ant-select-tree-switcher").click();
    await ipcNode(page, "H01").locator(".ant-select-tree-switcher").click();
    await ipcNode(page, "H01B").waitFor();
    // the list is virtual: typing the code filters the opened branches down to it
    await page.keyboard.type("H01M");
    await ipcNode(page, "H01M").locator(".ant-select-tree-title").click();
    await screenshot(page, "search-builder-zh");
    await page.keyboard.press("Escape");

    await page.getByTestId("qb-write").click();
    const query = "TI=电池 AND TYPE=发明授权 AND AD=2015-01-01..2022-12-31 AND IPC=H01M";
    await expect.poll(() => page.getByTestId("query-input").inputValue()).toBe(query);
    await page.getByTestId("search-submit").click();
    const expected = await api<{ total: number }>(`/api/search?q=${encodeURIComponent(query)}&limit=0`);
    expect(expected.total).toBeGreaterThan(0);
    await expect
      .poll(async () => Number(await page.getByTestId("total").getAttribute("data-total")))
      .toBe(expected.total);
    await screenshot(page, "search-results-zh");
  });

  it("charts every patent when no query is entered, from the first year that counts", async () => {
    const all = await api<{ total: number; facets: { year: { value: string; count: number }[] } }>(
      "/api/search?q=*&limit=0&group=invention&facets=year&facetSize=200",
    );
    const page = await newPage();
    await page.goto("/search?tab=stats");
    await page.getByTestId("stats-view").waitFor();
    expect(await page.getByTestId("stats-basis").innerText()).toContain(`全部 ${all.total.toLocaleString()} 件`);
    // the shipped records reach back to years holding a handful of patents: those are left off, and said so
    // (years before 1901 are spreadsheet placeholder dates, never drawn)
    const years = all.facets.year
      .map((b) => Number(b.value))
      .filter((y) => y > 1900)
      .sort((a, b) => a - b);
    const note = page.getByTestId("trend-note");
    expect(await note.innerText()).toContain(`${years[0]}–`);
    await screenshot(page, "search-stats-zh", true);
    await page.getByTestId("trend-toggle").click();
    expect(await page.getByTestId("trend-toggle").innerText()).toBe("只显示主要年份");
    // the header's 统计分析 link lands on the same statistics of every patent
    await page.goto("/");
    await page.getByRole("link", { name: "统计分析", exact: true }).first().click();
    await page.getByTestId("stats-view").waitFor();
    expect(await page.getByTestId("stats-basis").innerText()).toContain(all.total.toLocaleString());
  });

  it("lets a keyboard reach the search box, the builder, facets, results and the pager, and open a result", async () => {
    const page = await newPage();
    await page.goto(`/search?q=${Q}&mode=advanced`);
    await page.getByTestId("hit-title").first().waitFor();
    const wanted = {
      box: "#search-query",
      builder: '[data-testid="query-builder"] *',
      facets: ".facet-bucket",
      results: '[data-testid="hit-title"]',
      pager: '[data-testid="pager"] *',
    } as const;
    const reached = new Set<string>();
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    for (let i = 0; i < 600 && reached.size < Object.keys(wanted).length; i++) {
      await page.keyboard.press("Tab");
      const hit = await page.evaluate((w) => {
        const el = document.activeElement;
        if (!el) return null;
        return Object.entries(w).find(([, sel]) => el.matches(sel))?.[0] ?? null;
      }, wanted);
      if (hit) reached.add(hit);
    }
    expect([...reached].sort()).toEqual(Object.keys(wanted).sort());
    // back to the first result by keyboard, and open it with Enter
    let onResult = false;
    for (let i = 0; i < 600 && !onResult; i++) {
      await page.keyboard.press("Shift+Tab");
      onResult = await page.evaluate(() => document.activeElement?.matches('[data-testid="hit-title"]') ?? false);
    }
    expect(onResult).toBe(true);
    const href = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === href);
  });

  it("looks right in English and on a 390 px phone", async () => {
    const en = await newPage({ lang: "en" });
    await en.goto(`/search?q=battery&mode=advanced`);
    await en.getByTestId("hit-title").first().waitFor();
    await screenshot(en, "search-results-en");
    await en.goto("/search?tab=stats");
    await en.getByTestId("stats-view").waitFor();
    expect(await en.getByTestId("stats-basis").innerText()).toMatch(/^Based on all [\d,]+ applications/);
    await screenshot(en, "search-stats-en", true);

    for (const lang of ["zh", "en"] as const) {
      const phone = await newPage({ lang, width: 390, height: 844 });
      await phone.goto(`/search?q=${Q}&mode=advanced`);
      await phone.getByTestId("hit-cards").waitFor();
      expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
      await screenshot(phone, `search-390-builder-${lang}`);
      await phone.getByTestId("hit-cards").scrollIntoViewIfNeeded();
      await screenshot(phone, `search-390-results-${lang}`);
      // the facets wait in a drawer
      await phone.getByTestId("facets-open").click();
      await phone.locator(".ant-drawer .facet-bucket").first().waitFor();
      expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
      await screenshot(phone, `search-390-facets-${lang}`);
      await phone.locator(".ant-drawer .facet-bucket").first().click();
      await expect.poll(() => new URL(phone.url()).searchParams.get("q")).toMatch(/ AND /);
      await phone.goto("/search?tab=stats");
      await phone.getByTestId("stats-view").waitFor();
      expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
      await screenshot(phone, `search-390-stats-${lang}`, true);
    }
  });

  it("threw no uncaught error in any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
