// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser";
import { seedOfficial, signInOfficial } from "./support/official";
import { type RunningServer, startServer } from "./support/server";

// 专利预警: a signed-in user saves a search and watches it, an official imports a small file through the import API,
// the alert shows in the header's bell, and its page lists exactly the new record, which opens in search.
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const RUN = String(Date.now()).slice(-8);
const TOKEN = `wqz${RUN}`;
const PUB_NEW = `CN8${RUN}A`;
const PUB_OTHER = `CN8${RUN.slice(0, 7)}${(Number(RUN.at(-1)) + 1) % 10}A`;
const NAME = `预警 ${RUN}`;

/** Two rows the test writes itself: one matches the saved search, one does not. */
const CSV = [
  "公开号,标题,申请人,申请日,法律状态",
  `${PUB_NEW},一种钠离子电池负极材料 ${TOKEN},郑州测试预警科技有限公司,2024-05-01,实质审查`,
  `${PUB_OTHER},一种折叠自行车车架,郑州测试预警科技有限公司,2024-05-02,实质审查`,
].join("\n");

async function nav(to: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState({}, "", p);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, to);
}
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The import API as the web page uses it: upload (multipart), start the job, wait until it is done. */
async function importCsv(): Promise<void> {
  const csrf = (await (await context.request.get("/api/auth/session")).json()).csrfToken as string;
  const headers = { "X-CSRF-Token": csrf };
  const up = await context.request.post("/api/imports", {
    headers,
    multipart: { file: { name: `watch-${RUN}.csv`, mimeType: "text/csv", buffer: Buffer.from(CSV) } },
  });
  expect(up.status(), await up.text()).toBe(200);
  const uploadId = (await up.json()).upload.id as string;
  const start = await context.request.post(`/api/imports/${uploadId}/start`, {
    headers,
    data: { source: `e2e-watch-${RUN}` },
  });
  expect(start.status(), await start.text()).toBe(200);
  const jobId = (await start.json()).id as number;
  await expect
    .poll(async () => (await (await context.request.get(`/api/imports/${jobId}`)).json()).status, { timeout: 60_000 })
    .toBe("done");
}

beforeAll(async () => {
  server = await startServer();
  const official = await seedOfficial(
    server.home || String(process.env.ZHICHAN_E2E_HOME),
    `e2e-watcher-${RUN}`,
    "E2e#Watches-2026",
  );
  browser = await launchBrowser();
  context = await signInOfficial(browser, server.url, official);
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  expect(pageErrors, "uncaught errors in the pages").toEqual([]);
});

describe("saved searches and alerts", () => {
  it("saves a search with a watch, and after an import the bell opens an alert listing exactly the new record", async () => {
    await page.goto(`/search?q=${encodeURIComponent(`TI=${TOKEN}`)}`);
    await page.getByTestId("save-search").click();
    await page.getByTestId("save-search-name").fill(NAME);
    expect(await page.getByTestId("save-search-watch").isChecked()).toBe(true);
    await screenshot(page, "watches-01-save");
    await page.locator("#save-search-ok").click();
    await page.getByText("已保存并关注").waitFor();
    await page.getByTestId("history-button").click();
    await page.locator(".ant-dropdown:not(.ant-dropdown-hidden)").getByText(`TI=${TOKEN}`).waitFor();
    await screenshot(page, "watches-02-history");
    await page.keyboard.press("Escape");

    await importCsv();
    await page.reload();
    await expect
      .poll(async () => (await page.getByTestId("bell").getAttribute("aria-label")) ?? "", { timeout: 15_000 })
      .toContain("未读");
    await page.getByTestId("bell").click();
    const item = page.getByTestId("bell-alert").first();
    expect(await item.innerText()).toContain(`“${NAME}”有 1 件新命中`);
    await screenshot(page, "watches-03-bell");
    await item.locator("a").click();

    await page.getByTestId("alert-page").waitFor();
    await expect.poll(() => page.locator(".alert-records tbody").innerText()).toContain(PUB_NEW);
    expect(await page.locator(".alert-records tr.ant-table-row").count()).toBe(1);
    expect(await page.locator("main").innerText()).not.toContain(PUB_OTHER);
    await screenshot(page, "watches-04-alert", true);

    await page.getByTestId("alert-search").click();
    await expect.poll(() => page.locator("main").innerText(), { timeout: 15_000 }).toContain(PUB_NEW);
    expect(await page.locator("main").innerText()).not.toContain(PUB_OTHER);
  }, 240_000);

  it("lists alerts, saved searches, watches and history on /me/watches, in Chinese, in English and at 390 px", async () => {
    await nav("/me/watches");
    await page.getByTestId("watches-page").waitFor();
    await expect.poll(() => page.getByTestId("saved-search-row").first().innerText()).toContain(NAME);
    expect(await page.getByTestId("alert-row").first().innerText()).toContain("新命中");
    await screenshot(page, "watches-05-page-zh", true);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(overflow).toBeLessThanOrEqual(0); // vitest.config.ts: 10 s
    await screenshot(page, "watches-06-page-390", true);
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.evaluate(() => localStorage.setItem("zhichan.lang", "en"));
    await page.reload();
    await page.getByTestId("watches-page").waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator("main").innerText()).toContain("Saved searches");
    expect(await page.getByTestId("alert-row").first().innerText()).toContain("New hits for");
    await screenshot(page, "watches-07-page-en", true);
    await page.evaluate(() => localStorage.setItem("zhichan.lang", "zh"));
  }, 240_000);
});
