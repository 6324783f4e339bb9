// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../apps/server/src/db/connection";
import { importFile } from "../apps/server/src/modules/imports/imports.service";
import { launchBrowser, screenshot } from "./support/browser";
import { seedOfficial, signInOfficial } from "./support/official";
import { type RunningServer, startServer } from "./support/server";

// An official opens /data-quality, reads the merge suggestions awaiting review, marks one pair as different companies
// and merges another; the merge then shows in the recorded merges with the suggestion's evidence. The data: a small
// CSV this test writes (names and numbers made up per run, no real records), loaded into the server's database.
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const RUN = String(Date.now()).slice(-6);
const EN = `ZQX${RUN} ROBOTICS INC`;
const ZH = `中测${RUN}机器人有限公司`;
const TRAD = `華夏${RUN}電子有限公司`;
const SIMP = `华夏${RUN}电子有限公司`;
const SHARED = 12;
const FILE = path.join(os.tmpdir(), `e2e-suggestions-${RUN}.csv`);

/**
 * EN and ZH claim the same priorities on different applications (a strong shared_priority suggestion); TRAD and SIMP
 * are one name in traditional and simplified characters (similar_name), each also on shared priorities with a Latin
 * name of its own so the pair ranks among the strongest.
 */
function writeCsv(): void {
  const pad = (i: number) => String(i).padStart(2, "0");
  const rows = ["公开号,申请号,标题,申请人,优先权号"];
  for (let i = 0; i < SHARED; i++) {
    rows.push(`US2099${RUN}${pad(i)}A1,US99${RUN}${pad(i)},Robot gripper ${i},${EN},US63${RUN}${pad(i)}`);
    rows.push(`CN1${RUN}${pad(i)}A,CN2099${RUN}${pad(i)}.0,一种机械手 ${i},${ZH},US63${RUN}${pad(i)}`);
  }
  for (let i = 0; i < SHARED - 2; i++) {
    rows.push(`CN2${RUN}${pad(i)}A,CN2098${RUN}${pad(i)}.0,一种电路 ${i},${SIMP},JP20${RUN}${pad(i)}`);
    rows.push(`TW2${RUN}${pad(i)}A,TW98${RUN}${pad(i)},電路 ${i},${TRAD},JP20${RUN}${pad(i)}`);
  }
  fs.writeFileSync(FILE, rows.join("\n"));
}

const suggestionOf = (name: string): Locator =>
  page
    .getByTestId("suggestion")
    .filter({ hasText: name })
    .filter({ has: page.getByRole("button") });

async function decide(name: string, button: "accept" | "reject", reason: string): Promise<void> {
  await suggestionOf(name).getByTestId(`suggestion-${button}`).click();
  const modal = page.getByTestId("suggestion-decision");
  await modal.locator("[data-field=reason]").fill(reason);
  await page.getByTestId("suggestion-decision-confirm").click();
  await modal.waitFor({ state: "hidden" });
}

beforeAll(async () => {
  server = await startServer();
  const home = server.home || String(process.env.ZHICHAN_E2E_HOME);
  writeCsv();
  const db = openDb(path.join(home, "zhichan.db"));
  try {
    await importFile(db, FILE, { source: `e2e_suggestions_${RUN}` });
  } finally {
    await db.close();
  }
  const official = await seedOfficial(home, `e2e-curator-${RUN}`, "E2e#Suggest-2026");
  browser = await launchBrowser();
  context = await signInOfficial(browser, server.url, official);
  page = await context.newPage();
  // The report and the suggestions are computed on request over the whole data: generous on a busy machine.
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto("/data-quality");
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  fs.rmSync(FILE, { force: true });
  expect(pageErrors, "uncaught errors in the pages").toEqual([]);
});

describe("merge suggestions on /data-quality", () => {
  it("lists the pairs with their rule and evidence", async () => {
    await page.getByTestId("suggestion-list").waitFor();
    const pair = suggestionOf(ZH);
    await pair.waitFor();
    const text = await pair.innerText();
    expect(text).toContain(EN);
    expect(text).toContain("不同文字名称共享优先权");
    expect(text).toContain(`US63${RUN}00`);
    expect(await suggestionOf(TRAD).innerText()).toContain("名称相近");
    await suggestionOf(ZH).scrollIntoViewIfNeeded();
    await screenshot(page, "suggestions-01-list");
  });

  it("marks a pair as different companies: gone from the list", async () => {
    await decide(TRAD, "reject", "繁体名称为台湾关联公司，另行核实");
    await expect.poll(() => suggestionOf(TRAD).count(), { timeout: 15_000 }).toBe(0);
  });

  it("merges a pair through the merge API: the recorded merge shows the suggestion's evidence", async () => {
    await suggestionOf(ZH).getByTestId("suggestion-accept").click();
    await page.getByTestId("suggestion-decision").locator("[data-field=reason]").fill("优先权一致，同一企业");
    await screenshot(page, "suggestions-02-accept");
    await page.getByTestId("suggestion-decision-confirm").click();
    await page.getByTestId("suggestion-decision").waitFor({ state: "hidden" });
    await expect.poll(() => suggestionOf(ZH).count(), { timeout: 15_000 }).toBe(0);
    const merge = page.getByTestId("merge-list").locator("li").filter({ hasText: ZH }).first();
    await expect.poll(() => merge.innerText(), { timeout: 15_000 }).toContain("合并建议依据");
    expect(await merge.innerText()).toContain("不同文字名称共享优先权");
    await merge.scrollIntoViewIfNeeded();
    await screenshot(page, "suggestions-03-merged");
  });

  it("reads in English and fits 390 px", async () => {
    await page.evaluate(() => localStorage.setItem("zhichan.lang", "en"));
    await page.reload();
    // The whole report is counted again on load (every field over every patent): allow it time on a busy machine.
    await page.getByTestId("merge-suggestions").waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId("merge-suggestions").innerText())
      .toContain("Merge suggestions awaiting review");
    await screenshot(page, "suggestions-04-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("merge-suggestions").scrollIntoViewIfNeeded();
    await screenshot(page, "suggestions-05-390");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
