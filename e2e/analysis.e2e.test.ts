// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

// Issue #16 items 4 and 5: the technology–effect matrix of a hit set (a cell opens exactly its hits, the matrix
// exports) and two applicants side by side (from the search page's applicant facet and from a profile).
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const Q = "电池";

async function newPage(opts: { lang?: "zh" | "en"; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: opts.width ?? 1440, height: 900 },
    acceptDownloads: true,
  });
  contexts.push(context);
  await context.addInitScript((lang) => localStorage.setItem("zhichan.lang", lang), opts.lang ?? "zh");
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const total = async (q: string, group = "publication") =>
  (await api<{ total: number }>(`/api/search?q=${encodeURIComponent(q)}&limit=0&group=${group}`)).total;
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

describe("technology–effect matrix", () => {
  it("opens from the results, counts every cell exactly and a cell's click lists exactly its hits", async () => {
    const page = await newPage();
    await page.goto(`/search?q=${encodeURIComponent(Q)}`);
    await page.getByTestId("open-matrix").click();
    await page.waitForURL(/\/matrix\?q=/);
    await page.getByTestId("matrix-result").waitFor();
    const summary = await page.getByTestId("matrix-summary").innerText();
    expect(summary).toContain(String(await total(Q)));
    await screenshot(page, "matrix-zh", true);

    const cell = page.getByTestId("matrix-cell").first();
    const shown = Number(await cell.innerText());
    expect(shown).toBeGreaterThan(0);
    await cell.click();
    await page.waitForURL(/\/search\?q=/);
    const q = new URL(page.url()).searchParams.get("q")!;
    expect(q).toContain(" AND ");
    expect(await total(q)).toBe(shown); // the hits a cell opens are the hits it counted
    await page.getByTestId("hit-title").first().waitFor();

    await page.goBack();
    await page.getByTestId("matrix-result").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("matrix-export").click()]);
    expect(download.suggestedFilename()).toMatch(/tech-effect-matrix.*\.xlsx$/);
  }, 150_000);

  it("reads in English and fits a phone", async () => {
    const en = await newPage({ lang: "en" });
    await en.goto(`/matrix?q=${encodeURIComponent(Q)}&group=invention`);
    await en.getByTestId("matrix-result").waitFor();
    expect(await en.getByTestId("matrix-summary").innerText()).toContain(String(await total(Q, "invention")));
    expect(await en.locator("h1").innerText()).toBe("Technology–effect matrix");
    await screenshot(en, "matrix-en", true);
    const phone = await newPage({ width: 390 });
    await phone.goto(`/matrix?q=${encodeURIComponent(Q)}`);
    await phone.getByTestId("matrix-result").waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
    await screenshot(phone, "matrix-390", true);
  }, 150_000);
});

describe("applicant comparison", () => {
  it("compares the largest applicants from the search facet, in inventions, and adds one from a profile", async () => {
    const facets = await api<{ facets: { applicant: { value: string; label: string }[] } }>(
      `/api/search?q=${encodeURIComponent(Q)}&limit=0&facets=applicant&facetSize=5`,
    );
    const [a, b] = facets.facets.applicant;
    const page = await newPage();
    await page.goto(`/search?q=${encodeURIComponent(Q)}`);
    await page.getByTestId("facet-compare").click();
    await page.waitForURL(/\/applicants\/compare\?ids=/);
    const table = page.getByTestId("compare-table");
    await table.waitFor();
    expect(await table.innerText()).toContain(a.label);
    expect(await page.getByTestId("compare-basis").innerText()).toContain("件申请");
    const profile = await api<{ inventionCount: number }>(`/api/applicants/${a.value}`);
    const firstTotal = table.locator("tbody tr.ant-table-row").first().locator("td").nth(1);
    expect(Number(await firstTotal.innerText())).toBe(profile.inventionCount);
    await screenshot(page, "compare-zh", true);

    // from a profile: the comparison starts with that applicant and asks for another
    await page.goto(`/applicants/${a.value}`);
    await page.getByTestId("applicant-compare").click();
    await page.waitForURL(new RegExp(`/applicants/compare\\?ids=${a.value}$`));
    await page.getByText("请至少选择 2 个申请人").waitFor();
    await page.getByTestId("compare-picker").click();
    await page.keyboard.type(b.label.slice(0, 6));
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: b.label }).first().click();
    await page.waitForURL(/ids=\d+(,|%2C)\d+/); // URLSearchParams writes the comma as %2C
    await page.getByTestId("compare-table").waitFor();
    expect(await page.getByTestId("compare-table").locator("thead").innerText()).toContain(a.label);
  }, 150_000);

  it("reads in English, counts publications when asked, and fits a phone", async () => {
    const facets = await api<{ facets: { applicant: { value: string }[] } }>(
      `/api/search?q=${encodeURIComponent(Q)}&limit=0&facets=applicant&facetSize=3`,
    );
    const ids = facets.facets.applicant.map((x) => x.value).join(",");
    const en = await newPage({ lang: "en" });
    await en.goto(`/applicants/compare?ids=${ids}&unit=publication`);
    await en.getByTestId("compare-table").waitFor();
    expect(await en.getByTestId("compare-basis").innerText()).toContain("Counted in publications");
    await screenshot(en, "compare-en", true);
    const phone = await newPage({ width: 390 });
    await phone.goto(`/applicants/compare?ids=${ids}`);
    await phone.getByTestId("compare-table").waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
    await screenshot(phone, "compare-390", true);
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
