// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

// Issue #16 items 6–9 on the shipped data: the IPC browser's counts and click-to-filter, cross-language chips,
// the export's column choice (the file holds the chosen columns in order) and a no-hit suggestion that is clicked.
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function newPage(opts: { lang?: "zh" | "en"; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: opts.width ?? 1440, height: 900 },
    acceptDownloads: true,
  });
  contexts.push(context);
  await context.addInitScript((lang) => localStorage.setItem("zhichan.lang", lang), opts.lang ?? "zh");
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function api<T>(p: string): Promise<T> {
  const res = await fetch(`${server.url}${p}`);
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const count = async (q: string, extra = "") =>
  (await api<{ total: number }>(`/api/search?limit=0&q=${encodeURIComponent(q)}${extra}`)).total;
const totalShown = async (page: Page) => {
  await page.locator('.results-main[aria-busy="false"]').waitFor();
  return Number(await page.getByTestId("total").getAttribute("data-total"));
};
/** Each journey step waits on a loaded machine (several servers and builds at once): generous, not a timing. */
const STEP_TIMEOUT = 300_000;
/** How long a poll waits for the page to catch up (a search answered under load). */
const POLL = { timeout: 60_000 };
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe("search helpers", () => {
  it(
    "browses the IPC with the query's counts and filters the search by a clicked code",
    async () => {
      const page = await newPage();
      await page.goto(`/search?q=${encodeURIComponent("电池")}&tab=ipc`);
      const row = (code: string) => page.locator(`.ipc-row[data-code="${code}"]`);
      await row("H").waitFor();
      expect(Number((await row("H").getByTestId("ipc-count").innerText()).replace(/,/g, ""))).toBe(
        await count("电池 AND IPC=H"),
      );
      await screenshot(page, "search-assist-ipc-zh");
      await row("H").getByTestId("ipc-open").click();
      await row("H01").waitFor();
      expect(new URL(page.url()).searchParams.get("ipc")).toBe("H");
      await row("H01").getByTestId("ipc-open").click();
      await row("H01M").waitFor();
      const h01m = Number((await row("H01M").getByTestId("ipc-count").innerText()).replace(/,/g, ""));
      expect(h01m).toBe(await count("电池 AND IPC=H01M"));
      await row("H01M").getByTestId("ipc-filter").click();
      await page.waitForURL((u) => u.searchParams.get("q") === "电池 AND IPC=H01M" && !u.searchParams.has("tab"));
      await expect.poll(() => totalShown(page), POLL).toBe(h01m);

      // words of a title find codes; a phone keeps the rows inside the screen
      const phone = await newPage({ width: 390 });
      await phone.goto(`/search?q=${encodeURIComponent("电池")}&tab=ipc`);
      await phone.getByTestId("ipc-find").fill("电池");
      await phone.getByTestId("ipc-find").press("Enter");
      await phone.locator('.ipc-row[data-code="H01M"]').waitFor();
      expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
      await screenshot(phone, "search-assist-ipc-390");
      const en = await newPage({ lang: "en" });
      await en.goto(`/search?q=${encodeURIComponent("电池")}&tab=ipc&ipc=H01`);
      await en.locator('.ipc-row[data-code="H01M"]').waitFor();
      await screenshot(en, "search-assist-ipc-en");
    },
    STEP_TIMEOUT,
  );

  it(
    "expands English words to Chinese with removable chips, highlighted in the hits",
    async () => {
      const page = await newPage();
      await page.goto(`/search?q=battery`);
      const plain = await totalShown(page);
      await page.getByTestId("xl-toggle").click();
      await page.getByTestId("xl-chip").first().waitFor();
      const words = await page.getByTestId("xl-chip").evaluateAll((els) => els.map((e) => e.getAttribute("data-word")));
      expect(words).toContain("电池");
      const expanded = await count("battery", "&crossLanguage=1");
      await expect.poll(() => totalShown(page), POLL).toBe(expanded);
      expect(expanded).toBeGreaterThan(plain);
      await expect
        .poll(() => page.locator('[data-testid="hit-title"] em', { hasText: "电池" }).count(), POLL)
        .toBeGreaterThan(0);
      await screenshot(page, "search-assist-xl-zh");
      await page.locator('[data-testid="xl-chip"][data-word="电池"]').getByTestId("xl-chip-remove").click();
      await page.waitForURL((u) => u.searchParams.get("xlDrop") === "电池");
      await expect.poll(() => page.locator('[data-testid="xl-chip"][data-word="电池"]').count(), POLL).toBe(0);
      await expect
        .poll(() => totalShown(page), POLL)
        .toBe(await count("battery", `&crossLanguage=1&xlDrop=${encodeURIComponent("电池")}`));
      const en = await newPage({ lang: "en", width: 390 });
      await en.goto(`/search?q=lidar&xl=1`);
      await en.getByTestId("xl-chips").waitFor();
      expect(await scrollWidth(en)).toBeLessThanOrEqual(390);
      await screenshot(en, "search-assist-xl-en-390");
    },
    STEP_TIMEOUT,
  );

  it(
    "exports the columns chosen in the dialog, in their order, and remembers them",
    async () => {
      const page = await newPage();
      const q = "TI=激光雷达";
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      const total = await totalShown(page);
      await page.getByTestId("export-columns").click();
      const list = page.getByTestId("export-columns-list");
      await list.waitFor();
      // keep the publication number and the title, put the title first, add the English title
      for (const k of await list.locator("li").evaluateAll((els) => els.map((e) => e.getAttribute("data-column")))) {
        const box = page.getByTestId(`col-${k}`);
        const keep = k === "pub_no" || k === "title" || k === "title_en";
        if ((await box.isChecked()) !== keep) await box.click();
      }
      await page.getByTestId("up-title").click();
      await page.getByTestId("up-title").click();
      await screenshot(page, "search-assist-columns-zh");
      await page.getByTestId("export-columns-save").click();
      const download = page.waitForEvent("download", { timeout: 60_000 });
      await page.getByTestId("export-csv").click();
      const file = await download;
      const saved = path.join(os.tmpdir(), `zhichan-e2e-cols-${Date.now()}.csv`);
      await file.saveAs(saved);
      const lines = fs
        .readFileSync(saved, "utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .filter(Boolean);
      fs.rmSync(saved, { force: true });
      expect(lines[0]).toBe("标题 Title,公开号 Publication No.,英文标题 English title");
      expect(lines.length - 1).toBe(total);
      await page.getByTestId("export-close").click();
      await page.reload();
      await page.getByTestId("export-columns").click();
      const order = await page
        .getByTestId("export-columns-list")
        .locator("li")
        .evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute("data-column")));
      expect(order).toEqual(["title", "pub_no", "title_en"]);
    },
    STEP_TIMEOUT,
  );

  it(
    "turns a query without hits into links to the sub-queries that hit",
    async () => {
      const page = await newPage();
      const q = "超硬材料 金刚石";
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(await totalShown(page)).toBe(0);
      const link = page.getByTestId("suggestion").first();
      await link.waitFor();
      await screenshot(page, "search-assist-suggestions-zh");
      const target = (await link.getAttribute("data-query"))!;
      const expected = await count(target);
      expect(expected).toBeGreaterThan(0);
      await link.click();
      await page.waitForURL((u) => u.searchParams.get("q") === target);
      await expect.poll(() => totalShown(page), POLL).toBe(expected); // the new list replaces the empty one
      const en = await newPage({ lang: "en" });
      await en.goto(`/search?q=${encodeURIComponent(q)}`);
      await en.getByTestId("suggestion").first().waitFor();
      await screenshot(en, "search-assist-suggestions-en");
    },
    STEP_TIMEOUT,
  );

  it("raised no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
