// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../apps/server/src/db/connection";
import { readAccountsConfig } from "../apps/server/src/modules/accounts/accounts.config";
import { createAccountsServices } from "../apps/server/src/modules/accounts/accounts.module";
import { TEST_ARGON2 } from "../apps/server/src/modules/accounts/passwords";
import { base32Decode, hotp, newTotpSecret, totpCounter } from "../apps/server/src/modules/accounts/totp";
import { insertUser, replaceRoles, setTotpSecret } from "../apps/server/src/modules/accounts/users.repository";
import { launchBrowser, screenshot } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

// antd's and dayjs's own texts (modal buttons, date pickers) follow the UI language, and switch with it live.
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const PASSWORD = "E2e#Locale-2026";
const OFFICIAL = `e2e-locale-${Date.now().toString(36)}`;

/** A city-wide official (no real person) written straight into the server's database; returns its TOTP secret. */
async function seedOfficial(home: string): Promise<string> {
  const db = openDb(path.join(home, "zhichan.db"));
  const s = createAccountsServices(db, { dataKey: readAccountsConfig(home).dataKey, argon2: TEST_ARGON2 });
  const id = insertUser(db, {
    username: OFFICIAL,
    display_name: OFFICIAL,
    password_hash: await s.hasher.hash(PASSWORD),
    must_change_password: 0,
    phone_enc: null,
    phone_mask: null,
    id_number_enc: null,
    id_number_mask: null,
    id_number_hmac: null,
    created_at: Date.now(),
  });
  replaceRoles(db, id, [{ role: "official", district_code: null }]);
  const secret = newTotpSecret();
  setTotpSecret(db, id, s.cipher.encrypt(secret), true);
  await db.close();
  return secret;
}

/** Signs in through the real API (password, then TOTP) and opens a page in that context. */
async function signIn(secret: string): Promise<void> {
  context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  const csrf = (await (await context.request.get("/api/auth/csrf")).json()).csrfToken as string;
  const signin = await context.request.post("/api/auth/signin", {
    headers: { "X-CSRF-Token": csrf },
    data: { username: OFFICIAL, password: PASSWORD },
  });
  expect(signin.status(), await signin.text()).toBe(200);
  const verified = await context.request.post("/api/auth/totp/verify", {
    headers: { "X-CSRF-Token": (await signin.json()).csrfToken as string },
    data: { code: hotp(base32Decode(secret), totpCounter(Date.now())) },
  });
  expect(verified.status(), await verified.text()).toBe(200);
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => pageErrors.push(e.message));
}

/** In-app navigation, as a link click does (assets load once, under the server's per-address rate limit). */
async function nav(to: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState({}, "", p);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, to);
}

/** A locator's visible text, blanks collapsed to single spaces. */
const text = async (l: Locator) => (await l.innerText()).replace(/\s+/g, " ").trim();

/** Opens the training form's date picker on /talent and returns its popup. */
async function openDatePicker() {
  await nav("/talent");
  await page.locator(".ant-picker").first().click();
  const popup = page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
  await popup.waitFor();
  return popup;
}

async function closeDatePicker(): Promise<void> {
  await page.keyboard.press("Escape");
  await page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)").waitFor({ state: "hidden" });
}

/** Opens the plan dashboard's edit-target modal (antd's default footer) and returns its buttons' texts. */
async function modalButtons(shot: string): Promise<string[]> {
  await nav("/plan");
  await page.getByTestId("plan-dashboard").waitFor();
  await page.locator(".plan-detail .ant-card-extra button").click();
  const footer = page.locator(".ant-modal-footer");
  await footer.waitFor();
  await expect.poll(() => page.locator('.ant-modal-root [class*="-appear"]').count()).toBe(0); // opening animation
  await screenshot(page, shot);
  // antd spaces out two-character Chinese button labels (取 消)
  const texts = (await footer.locator("button").allInnerTexts()).map((t) => t.replace(/\s+/g, ""));
  await footer.locator("button").first().click(); // cancel
  await footer.waitFor({ state: "hidden" });
  return texts;
}

beforeAll(async () => {
  server = await startServer();
  const secret = await seedOfficial(server.home || String(process.env.ZHICHAN_E2E_HOME));
  browser = await launchBrowser();
  await signIn(secret);
  await page.goto("/");
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  expect(pageErrors, "uncaught errors in the pages").toEqual([]);
});

describe("antd and dayjs locales", () => {
  it("zh: modals say 取消/确定, date pickers are Chinese (今天, 一 … 日, YYYY年 M月)", async () => {
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const popup = await openDatePicker();
    expect(await page.locator(".ant-picker input").first().getAttribute("placeholder")).toBe("请选择日期");
    expect(await text(popup.locator(".ant-picker-footer"))).toBe("今天");
    expect(await text(popup.locator(".ant-picker-content thead"))).toBe("一 二 三 四 五 六 日");
    expect(await text(popup.locator(".ant-picker-header-view"))).toMatch(/^\d{4}年 ?\d{1,2}月$/);
    await screenshot(page, "locale-01-zh-datepicker");
    await closeDatePicker();
    expect(await modalButtons("locale-02-zh-modal")).toEqual(["取消", "确定"]);
  });

  it("en (switched live): modals say Cancel/OK, date pickers are English (Today, Su … Sa)", async () => {
    await page.locator(".lang-switch").getByText("English").click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    const popup = await openDatePicker();
    expect(await page.locator(".ant-picker input").first().getAttribute("placeholder")).toBe("Select date");
    expect(await text(popup.locator(".ant-picker-footer"))).toBe("Today");
    expect(await text(popup.locator(".ant-picker-content thead"))).toBe("Su Mo Tu We Th Fr Sa");
    expect(await text(popup.locator(".ant-picker-header-view"))).toMatch(/^[A-Z][a-z]{2} ?\d{4}$/);
    await screenshot(page, "locale-03-en-datepicker");
    await closeDatePicker();
    expect(await modalButtons("locale-04-en-modal")).toEqual(["Cancel", "OK"]);
  });
});
