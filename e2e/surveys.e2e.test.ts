// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser";
import { seedOfficial, signInOfficial } from "./support/official";
import { type RunningServer, startServer } from "./support/server";

// A city-wide official takes a survey through its life cycle on /surveys with the buttons the server offers
// (issue #18 item 4): opens it, closes it, and reopens the closed survey — which the page could not do while it held
// its own copy of the transition table — then closes and publishes it. English names the same buttons.
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const RUN = String(Date.now()).slice(-8);
const TITLE = `重开测试调查 ${RUN}`;
let surveyId = 0;

beforeAll(async () => {
  server = await startServer();
  const official = await seedOfficial(
    server.home || String(process.env.ZHICHAN_E2E_HOME),
    `e2e-surveys-${RUN}`,
    "E2e#Surveys-2026",
  );
  browser = await launchBrowser();
  context = await signInOfficial(browser, server.url, official);
  const csrf = (await (await context.request.get("/api/auth/csrf")).json()).csrfToken as string;
  const created = await context.request.post("/api/surveys", {
    headers: { "X-CSRF-Token": csrf },
    data: { title: TITLE, periodStart: "2025-01-01", periodEnd: "2025-12-31", dueDate: "2026-01-31" },
  });
  if (created.status() !== 200) throw new Error(`survey not created: ${created.status()} ${await created.text()}`);
  surveyId = (await created.json()).id;
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto("/surveys");
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  expect(pageErrors, "uncaught errors in the pages").toEqual([]);
});

const row = () => page.locator("tr.ant-table-row").filter({ hasText: TITLE });
/** The status-change buttons the row shows, in order. */
const buttons = () => row().locator("button").allInnerTexts();
const status = async () => (await (await context.request.get(`/api/surveys/${surveyId}`)).json()).status as string;

async function press(label: string, after: string): Promise<void> {
  await row().getByRole("button", { name: label, exact: true }).click();
  await expect.poll(status).toBe(after);
}

describe("survey status changes on /surveys", () => {
  it("offers the server's moves and reopens a closed survey", async () => {
    await row().waitFor();
    expect(await buttons()).toEqual(["开放填报"]);
    await press("开放填报", "open");
    await expect.poll(buttons).toEqual(["截止填报"]);
    expect(await row().locator(".ant-tag").innerText()).toBe("填报中");
    await press("截止填报", "closed");
    await expect.poll(buttons).toEqual(["重新开放填报", "发布汇总"]);
    expect(await row().locator(".ant-tag").innerText()).toBe("已截止");
    await screenshot(page, "surveys-01-closed-zh");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "surveys-02-closed-390", true);
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.locator(".lang-switch").getByText("English").click();
    await expect.poll(buttons).toEqual(["Reopen", "Publish results"]);
    await screenshot(page, "surveys-03-closed-en");
    await press("Reopen", "open");
    await expect.poll(buttons).toEqual(["Close"]);
    expect(await row().locator(".ant-tag").innerText()).toBe("Open");

    await press("Close", "closed");
    await press("Publish results", "published");
    await expect.poll(buttons).toEqual([]);
    expect(await row().locator(".ant-tag").innerText()).toBe("Published");
  });
});
