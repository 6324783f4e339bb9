import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AxeFinding, axeViolations, settle } from "./support/axe";
import { launchBrowser } from "./support/browser";
import {
  type AppRoute,
  type Audience,
  appRoutes,
  openSampleCase,
  type RouteAccount,
  routeContext,
  seedRouteAccounts,
  setLanguage,
} from "./support/routes";
import { type RunningServer, startServer } from "./support/server";

// Every route of the app (support/routes.ts), as its own audience opens it: axe-core finds no serious or critical
// violation, and at 390 px nothing is wider than the phone, signed out and signed in (issue #15 item 6).
let server: RunningServer;
let browser: Browser;
let routes: AppRoute[] = [];
let accounts = new Map<Audience, RouteAccount>();
const contexts = new Map<Audience, BrowserContext>();
const pageErrors: string[] = [];
const TAG = Date.now().toString(36).slice(-6);

/** One signed-in context per audience, made once: an official's TOTP code is accepted only once. */
async function pageFor(audience: Audience, lang: "zh" | "en" = "zh"): Promise<Page> {
  let context = contexts.get(audience);
  if (!context) {
    context = await routeContext(browser, server.url, { account: accounts.get(audience), lang });
    contexts.set(audience, context);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("main, #root > *").first().waitFor();
  await settle(page);
}

const describeFindings = (path: string, found: AxeFinding[]) =>
  found.map((f) => `${path} [${f.impact}] ${f.rule}: ${f.help} — ${f.targets.join(" | ")} — ${f.html}`);

beforeAll(async () => {
  server = await startServer();
  // ZHICHAN_E2E_URL reuses a running server (see support/server.ts); ZHICHAN_E2E_HOME is then its home folder.
  accounts = await seedRouteAccounts(server.home || String(process.env.ZHICHAN_E2E_HOME), TAG);
  browser = await launchBrowser();
  const probe = await browser.newContext({ baseURL: server.url });
  const enterprise = await pageFor("enterprise");
  const caseId = await openSampleCase(enterprise.context().request, accounts.get("enterprise")?.orgId ?? 0);
  await enterprise.close();
  // ZHICHAN_E2E_ROUTES narrows the run while fixing a page, e.g. "official /plan" (a regular expression)
  const only = process.env.ZHICHAN_E2E_ROUTES ? new RegExp(process.env.ZHICHAN_E2E_ROUTES) : null;
  routes = (await appRoutes(probe.request, { case: caseId })).filter(
    (r) => !only || only.test(`${r.audience} ${r.path}`),
  );
  await probe.close();
}, 300_000);

afterAll(async () => {
  for (const c of contexts.values()) await c.close();
  await browser?.close();
  await server?.stop();
});

describe("every route, by its audience", () => {
  // every route in Chinese; in English the public routes (the rules seldom depend on the language, and a second
  // full pass would double a journey of ten minutes on a small machine)
  it.each(["zh", "en"] as const)(
    "has no serious or critical axe-core violation (UI language %s)",
    async (lang) => {
      const failures: string[] = [];
      const audiences = new Set(routes.map((r) => r.audience));
      for (const audience of lang === "zh" ? audiences : new Set<Audience>(["public"])) {
        const page = await pageFor(audience);
        await setLanguage(page, lang);
        for (const route of routes.filter((r) => r.audience === audience)) {
          await open(page, route.path);
          failures.push(...describeFindings(`${lang} ${audience} ${route.path}`, await axeViolations(page)));
        }
        await setLanguage(page, "zh");
        await page.close();
      }
      expect(failures).toEqual([]);
    },
    900_000,
  );

  it("has no horizontal overflow at 390 px, signed out and signed in", async () => {
    const wide: string[] = [];
    const check = async (audience: Audience, list: AppRoute[]) => {
      const page = await pageFor(audience);
      await page.setViewportSize({ width: 390, height: 844 });
      for (const route of list) {
        await open(page, route.path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) wide.push(`${audience} ${route.path}: ${width} px`);
      }
      await page.close();
    };
    const publicRoutes = routes.filter((r) => r.audience === "public");
    await check("public", publicRoutes);
    // the public pages once more with a signed-in header, then each audience's own pages
    await check("enterprise", publicRoutes);
    for (const audience of new Set(routes.map((r) => r.audience))) {
      if (audience !== "public")
        await check(
          audience,
          routes.filter((r) => r.audience === audience),
        );
    }
    expect(wide).toEqual([]);
  }, 900_000);

  it("threw no uncaught error in any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
