// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser";
import { seedOfficial, signInOfficial } from "./support/official";
import { type RunningServer, startServer } from "./support/server";

// An official loads a small CSV through /imports (detection, one column mapped by hand, a saved profile, the job,
// the counts), finds the records in search, and opens /data-quality where the file's import is listed.
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** Fresh numbers per run, so the journey also runs against a reused server (ZHICHAN_E2E_URL + ZHICHAN_E2E_HOME). */
const RUN = String(Date.now()).slice(-8);
const TOKEN = `zqx${RUN}`;
const PUB_A = `CN9${RUN}A`;
const PUB_B = `CN9${RUN.slice(0, 7)}${(Number(RUN.at(-1)) + 1) % 10}A`;
const FILE = path.join(os.tmpdir(), `e2e-import-${RUN}.csv`);

/**
 * Two rows the test writes itself (no real records). '题名' is no header the importer knows, so the title column
 * starts unused and every row would be rejected until the official maps it; '备注' stays unused.
 */
function writeCsv(): void {
  fs.writeFileSync(
    FILE,
    [
      "公开号,题名,申请人,申请日,法律状态,申请人地址,备注",
      `${PUB_A},一种液流电池热管理装置 ${TOKEN},郑州测试储能科技有限公司,2024-03-01,实质审查,河南省郑州市金水区花园路1号,第一行`,
      `${PUB_B},一种储能电池均衡电路 ${TOKEN},郑州测试储能科技有限公司,2023-11-20,有效,,第二行`,
    ].join("\n"),
  );
}

async function nav(to: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState({}, "", p);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, to);
}

/** How far the page is wider than the window (0: no horizontal scrolling), and which elements stick out if it is. */
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const widest = () =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter((x) => x.r.right > window.innerWidth + 1 && x.r.width > 0)
      .slice(0, 8)
      .map(
        (x) => `${x.e.tagName}.${String(x.e.className).slice(0, 60)} ${Math.round(x.r.left)}-${Math.round(x.r.right)}`,
      ),
  );

async function at390<T>(fn: () => Promise<T>): Promise<T> {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    return await fn();
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
}

beforeAll(async () => {
  server = await startServer();
  writeCsv();
  const official = await seedOfficial(
    server.home || String(process.env.ZHICHAN_E2E_HOME),
    `e2e-importer-${RUN}`,
    "E2e#Imports-2026",
  );
  browser = await launchBrowser();
  context = await signInOfficial(browser, server.url, official);
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto("/imports");
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  fs.rmSync(FILE, { force: true });
  expect(pageErrors, "uncaught errors in the pages").toEqual([]);
});

describe("importing patent data in the web app", () => {
  it("uploads a CSV, shows what was detected, maps a column by hand, imports it and finds it in search", async () => {
    await page.getByTestId("import-picker").waitFor();
    await screenshot(page, "imports-01-upload");
    await page.locator("input[type=file]").setInputFiles(FILE);

    const detected = page.getByTestId("import-detected");
    await detected.waitFor();
    expect(await page.getByTestId("detected-rows").innerText()).toBe("2");
    const words = await detected.innerText();
    expect(words).toContain("UTF-8");
    expect(words).toContain("逗号");
    expect(words).toContain("第 1 行");
    // Without a title column every row would be rejected, and the page says why before anything is written.
    await expect.poll(() => page.locator(".imp-row-rejected").count()).toBe(2);
    expect(await page.locator('[data-action="start-import"]').isDisabled()).toBe(true);
    await screenshot(page, "imports-02-detected", true);

    const titleColumn = page.locator('li[data-column="题名"]');
    expect(await titleColumn.innerText()).toContain("不导入");
    await titleColumn.locator(".ant-select").click();
    await page.keyboard.type("标题");
    await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").first().click();
    await expect.poll(() => page.locator(".imp-row-rejected").count()).toBe(0);
    expect(await titleColumn.innerText()).toContain("标题");
    expect(await page.getByTestId("import-preview").innerText()).toContain(TOKEN);
    expect(await page.locator('li[data-column="备注"]').innerText()).toContain("不导入");
    await at390(async () => {
      // Polled: the select's closing dropdown and antd's resize observers settle a few frames after the resize.
      await expect
        .poll(async () => ((await overflow()) > 0 ? await widest() : []), {
          message: "the preview scrolls inside its card at 390 px (elements past the right edge)",
        })
        .toEqual([]);
      await screenshot(page, "imports-03-mapped-390", true);
    });

    await page.locator('[data-field="profile-name"]').fill(`e2e ${RUN}`);
    await page.locator('[data-action="save-profile"]').click();
    await page.getByText(`已保存方案“e2e ${RUN}”`).waitFor();

    await page.locator('[data-field="source"]').fill(`e2e-${RUN}`);
    await page.locator('[data-field="export-date"]').click();
    await page.keyboard.type("2024-06-30");
    await page.keyboard.press("Enter"); // takes the date; never starts the import
    await page.getByTestId("import-start").locator(".ant-form-item-label").first().click();
    expect(await page.getByTestId("import-job").count()).toBe(0);
    await screenshot(page, "imports-04-start", true);

    await page.locator('[data-action="start-import"]').click();
    await page.getByTestId("import-report").waitFor({ timeout: 120_000 });
    const count = (k: string) => page.locator(`[data-count="${k}"] .ant-statistic-content`).innerText();
    expect(await count("inserted")).toBe("2");
    expect(await count("rejected")).toBe("0");
    expect(await page.getByTestId("import-report").innerText()).toContain("数据日期 2024-06-30");
    await expect.poll(() => page.getByTestId("import-jobs").innerText()).toContain(`e2e-${RUN}`);
    await screenshot(page, "imports-05-result", true);

    await nav(`/search?q=${encodeURIComponent(`TI=${TOKEN}`)}`);
    await expect.poll(() => page.locator("main").innerText(), { timeout: 15_000 }).toContain(PUB_A);
    expect(await page.locator("main").innerText()).toContain(PUB_B);
    await screenshot(page, "imports-06-search");
  });

  it("lists the import on /data-quality with its file and fingerprint, beside coverage and region rules", async () => {
    await nav("/data-quality");
    await page.getByTestId("coverage-chart").waitFor();
    await expect.poll(() => page.getByTestId("import-history").innerText()).toContain(path.basename(FILE));
    expect(await page.getByTestId("region-rules").innerText()).toContain("未能确定地区");
    await screenshot(page, "imports-07-data-quality", true);
    await at390(async () => {
      await expect.poll(async () => ((await overflow()) > 0 ? await widest() : [])).toEqual([]);
    });
  });
});
