// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser";
import { chromeTexts, wrongLanguage } from "./support/chrome-text";
import { api, type Person, seedPeople, signedInContext } from "./support/people";
import { type RunningServer, startServer } from "./support/server";

// Every public route, and the signed-in routes of an enterprise, an agency and an official, in Chinese and in
// English: the English UI shows no Chinese in its chrome, the Chinese UI no English beyond an allow-list.
let server: RunningServer;
let browser: Browser;
let people: Map<string, Person>;
const contexts = new Map<string, BrowserContext>();
const pages = new Map<string, Page>();
const pageErrors: string[] = [];
/** What the journey created (names, titles): data, not chrome, wherever it shows. */
const dataValues: string[] = [];
const routes: Record<"public" | "enterprise" | "agency" | "official", [string, string][]> = {
  public: [],
  enterprise: [],
  agency: [],
  official: [],
};

type Lang = "zh" | "en";
const SURVEY_TITLE = "2025 年度知识产权服务机构统计调查";
const TRAINING_TITLE = "专利导航实务培训";

async function pageFor(who: string): Promise<Page> {
  const known = pages.get(who);
  if (known) return known;
  const context =
    who === "public"
      ? await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } })
      : await signedInContext(browser, server.url, people.get(who)!);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => pageErrors.push(`${who}: ${e.message}`));
  contexts.set(who, context);
  pages.set(who, page);
  await page.goto("/");
  return page;
}

/** Polls (outside a test, where expect.poll is not available) until the condition holds, at most two minutes. */
async function until(ok: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (await ok()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("timed out");
}

/** In-app navigation, as a link click does (assets load once). */
async function nav(page: Page, to: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState({}, "", p);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, to);
}

/** Waits until the page has stopped loading: no request in flight, no spinner or skeleton left. */
async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(300); // the route's lazy chunk starts loading after the navigation event
  await page.waitForLoadState("networkidle");
  await page
    .locator("main .ant-spin-spinning, main .ant-skeleton-active, .page-loading")
    .first()
    .waitFor({ state: "detached", timeout: 30_000 })
    .catch(() => undefined);
  await page.waitForLoadState("networkidle");
}

async function setLang(page: Page, lang: Lang): Promise<void> {
  await page.evaluate((l) => localStorage.setItem("zhichan.lang", l), lang);
  await page.reload();
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lang === "en" ? "en" : "zh-CN");
}

async function visitAll(who: string, key: keyof typeof routes, lang: Lang): Promise<string[]> {
  const page = await pageFor(who);
  await setLang(page, lang);
  const wrong: string[] = [];
  for (const [name, route] of routes[key]) {
    await nav(page, route);
    await settled(page);
    await screenshot(page, `lang-${lang}-${key}-${name}`, true);
    for (const w of wrongLanguage(lang, await chromeTexts(page), dataValues)) wrong.push(`${route} — ${w}`);
  }
  return wrong;
}

beforeAll(async () => {
  server = await startServer();
  const home = server.home || String(process.env.ZHICHAN_E2E_HOME);
  people = await seedPeople(home, [
    { name: "lang-enterprise", role: "enterprise", district: "410105" },
    { name: "lang-agency", role: "agency", district: "410172" },
    { name: "lang-official", role: "official" },
  ]);
  for (const p of people.values()) dataValues.push(p.username, ...(p.orgName ? [p.orgName] : []));
  dataValues.push(SURVEY_TITLE, TRAINING_TITLE, "专利代理师首次执业奖励", "专利快速预审");
  browser = await launchBrowser();
  const enterprise = people.get("lang-enterprise")!;
  const agency = people.get("lang-agency")!;

  // what the pages will show: a patent and its applicant, an industry, a registered agency with a survey open,
  // cases with automatic checks, a navigation report, a training event
  const anon = await pageFor("public");
  const hit = (await (await anon.request.get("/api/search?q=电池&limit=1")).json()).hits[0];
  const industry = (await (await anon.request.get("/api/industries")).json()).items[0];
  const off = (await pageFor("lang-official")).request;
  const regOrg = await api<{ id: number }>(off, "POST", "/api/registry/orgs", {
    name: agency.orgName,
    category: "patent_agency",
    creditCode: agency.orgCode,
    districtCode: "410172",
    status: "active",
  });
  const survey = await api<{ id: number }>(off, "POST", "/api/surveys", {
    title: SURVEY_TITLE,
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
    dueDate: "2026-12-31",
    categories: ["patent_agency"],
  });
  await api(off, "POST", `/api/surveys/${survey.id}/status`, { to: "open" });
  await api(off, "POST", "/api/training/events", {
    title: TRAINING_TITLE,
    startsOn: "2026-12-20",
    location: "郑州市知识产权局",
    capacity: 30,
  });
  const agencyName = (await api<{ items: { agency: string }[] }>(off, "GET", "/api/supervision/agencies?page=1"))
    .items[0]?.agency;
  const ent = (await pageFor("lang-enterprise")).request;
  const filedAs = { kind: "organisation", orgId: enterprise.orgId };
  const reward = await api<{ id: number }>(ent, "POST", "/api/cases", {
    type: "talent_reward",
    title: "专利代理师首次执业奖励",
    filedAs,
    form: {
      category: "attorney_first_practice",
      personName: "测试人员",
      attorneyExamYear: 2020,
      firstPracticeDistrict: "410105",
    },
  });
  const preExam = await api<{ id: number }>(ent, "POST", "/api/cases", {
    type: "pre_examination",
    title: "专利快速预审",
    filedAs,
    form: { inventionTitle: "一种电池极片", patentType: "invention", ipc: "H01M10/052", summary: "测试用技术方案概要" },
  });
  const report = await api<{ id: number }>(ent, "POST", "/api/reports", { q: "TI=电池" });
  await until(async () => (await api<{ status: string }>(ent, "GET", `/api/reports/${report.id}`)).status === "done");

  routes.public = [
    ["home", "/"],
    ["search", "/search?q=电池"],
    ["stats", `/search?q=${encodeURIComponent("电池")}&tab=stats`],
    ["syntax", `/search?q=${encodeURIComponent("TI=(电池 AND")}&mode=advanced`],
    ["patent", `/patents/${hit.id}`],
    ["applicant", `/applicants/${hit.applicants[0].id}`],
    ["navigation", "/navigation"],
    ["industries", "/industries"],
    ["industry", `/industries/${industry.id}`],
    ["signin", "/signin"],
    ["register", "/register"],
    ["setup", "/setup"],
    ["services", "/services"],
    ["protection", "/protection"],
    ["operations", "/operations"],
    ["marketplace", "/marketplace"],
    ["valuation", `/valuation?patent=${encodeURIComponent(hit.publicationNumber)}`],
    ["talent", "/talent"],
    ["plan-closed", "/plan"],
    ["not-found", "/no-such-page"],
  ];
  routes.enterprise = [
    ["signed-in", "/signin"],
    ["my-cases", "/cases/mine"],
    ["apply-reward", "/cases/new/talent_reward"],
    ["apply-pre-examination", "/cases/new/pre_examination"],
    ["case-reward", `/cases/${reward.id}`],
    ["services", "/services"],
    ["report", `/navigation/reports/${report.id}`],
    ["navigation", "/navigation"],
    ["talent", "/talent"],
    ["orgs", "/orgs"],
  ];
  routes.agency = [["agency", "/agency"]];
  routes.official = [
    ["queue", "/cases/queue"],
    ["case-pre-examination", `/cases/${preExam.id}`],
    ["case-reward", `/cases/${reward.id}`],
    ["plan", "/plan"],
    ["registry", "/registry"],
    ["surveys", "/surveys"],
    ["supervision", "/supervision"],
    ["credit-list", "/supervision?tab=credit"],
    ["brand", "/supervision?tab=brand"],
    ["signals", "/supervision?tab=signals"],
    ["agency-profile", `/supervision/agency?name=${encodeURIComponent(agencyName ?? "")}`],
    ["credit", `/supervision/credit/${regOrg.id}`],
    ["talent", "/talent"],
    ["industries", "/industries"],
  ];
}, 600_000);

/** Codes in words and messages built on the client, checked by their words rather than by the chrome scan. */
async function checkWords(lang: Lang): Promise<void> {
  const anon = await pageFor("public");
  await setLang(anon, lang);
  await nav(anon, `/search?q=${encodeURIComponent("TI=(电池 AND")}&mode=advanced`);
  await anon.getByTestId("syntax-message").waitFor();
  expect(await anon.getByTestId("syntax-message").innerText()).toBe(
    lang === "zh"
      ? "检索式结尾处：期望 检索词或右括号“)”，实际为 检索式结尾"
      : 'At the end of the query: expected a search term or ")", found end of query',
  );
  const official = await pageFor("lang-official");
  await setLang(official, lang);
  await nav(official, routes.official.find(([name]) => name === "case-reward")![1]);
  const checks = official.getByTestId("case-checks");
  await checks.waitFor();
  const words = await checks.innerText();
  expect(words).not.toMatch(/[{}"]|eligib|exam_passed|declared\b/); // no JSON, no rule codes
  expect(words).toContain(lang === "zh" ? "首次在本市执业（金水区）" : "First practice in the city (Jinshui District)");
  await nav(anon, routes.public.find(([name]) => name === "valuation")![1]);
  await anon.locator(".ant-table-row").first().waitFor();
  // the server's codes ("not declared", "valid", "utility_model") never stand as a cell's value
  const cells = (await anon.locator(".ant-table td").allInnerTexts()).map((c) => c.trim());
  for (const raw of [
    "not declared",
    "unknown",
    "none",
    "valid",
    "pending",
    "lapsed",
    "utility_model",
    "invention_grant",
  ])
    expect(cells).not.toContain(raw);
  if (lang === "zh") expect(cells.join(" ")).not.toMatch(/[A-Za-z]{4,}/);
}

afterAll(async () => {
  for (const c of contexts.values()) await c.close();
  await browser?.close();
  await server?.stop();
  expect(pageErrors, "uncaught errors in the pages").toEqual([]);
});

for (const lang of ["zh", "en"] as const) {
  describe(`${lang === "zh" ? "Chinese" : "English"} UI: one language in the chrome of every page`, () => {
    it("says codes in words: query syntax errors, automatic checks, valuation inputs", () => checkWords(lang), 120_000);
    for (const who of ["public", "lang-enterprise", "lang-agency", "lang-official"] as const) {
      const key = (who === "public" ? "public" : who.slice(5)) as keyof typeof routes;
      it(`${key} routes`, async () => {
        const wrong = await visitAll(who, key, lang);
        expect(wrong).toEqual([]);
      }, 600_000);
    }
  });
}
