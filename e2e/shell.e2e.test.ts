// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import decodeQR from "qr/decode.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../apps/server/src/db/connection";
import { readAccountsConfig } from "../apps/server/src/modules/accounts/accounts.config";
import { createAccountsServices } from "../apps/server/src/modules/accounts/accounts.module";
import { addMember, insertOrg } from "../apps/server/src/modules/accounts/orgs.repository";
import { TEST_ARGON2 } from "../apps/server/src/modules/accounts/passwords";
import { base32Decode, hotp, totpCounter } from "../apps/server/src/modules/accounts/totp";
import { insertUser, replaceRoles } from "../apps/server/src/modules/accounts/users.repository";
import { usccCheckChar } from "../packages/core/src/accounts/checksums";
import { launchBrowser, screenshot } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

// The signed-in shell (issue #15 item 2): the header knows who is signed in, the personal centre enrols a second
// factor from a QR code's secret and ends sessions everywhere, and the header folds into a menu on a phone.
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const PASSWORD = "E2e#Shell-2026";
const RUN = Date.now().toString(36).slice(-6);
const USERNAME = `e2e-shell-${RUN}`;
const DISPLAY_NAME = "测试用户甲";
const ORG_NAME = "测试壳层科技有限公司";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

/** A test enterprise user (no real person) with an organisation, written straight into the server's database. */
async function seedUser(home: string): Promise<void> {
  const db = openDb(path.join(home, "zhichan.db"));
  const s = createAccountsServices(db, { dataKey: readAccountsConfig(home).dataKey, argon2: TEST_ARGON2 });
  const now = Date.now();
  const id = insertUser(db, {
    username: USERNAME,
    display_name: DISPLAY_NAME,
    password_hash: await s.hasher.hash(PASSWORD),
    must_change_password: 0,
    phone_enc: null,
    phone_mask: null,
    id_number_enc: null,
    id_number_mask: null,
    id_number_hmac: null,
    created_at: now,
  });
  replaceRoles(db, id, [{ role: "enterprise", district_code: null }]);
  const first = `91410100MA3${RUN.toUpperCase().replace(/[IOZSV]/g, "1")}`.padEnd(17, "0").slice(0, 17);
  const org = insertOrg(db, {
    kind: "enterprise",
    name: ORG_NAME,
    code: first + usccCheckChar(first),
    district_code: "410105",
    created_at: now,
  });
  addMember(db, org, id, "owner");
  await db.close();
}

async function newPage(
  opts: { width?: number; height?: number; lang?: "zh" | "en"; userAgent?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
  });
  contexts.push(context);
  await context.addInitScript((lang) => localStorage.setItem("zhichan.lang", lang), opts.lang ?? "zh");
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return page;
}

/** The QR code's pixels as a camera would see them: the SVG drawn on white, with a margin. */
async function qrPixels(page: Page): Promise<{ width: number; height: number; data: Uint8Array }> {
  const img = await page.evaluate(async () => {
    const svg = document.querySelector('[data-testid="totp-qr"] svg') as SVGSVGElement;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const margin = 32;
    const canvas = document.createElement("canvas");
    canvas.width = image.width + 2 * margin;
    canvas.height = image.height + 2 * margin;
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, margin, margin);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width, height, data: Array.from(data) };
  });
  return { width: img.width, height: img.height, data: Uint8Array.from(img.data) };
}

const code = (secret: string, step = 0) => hotp(base32Decode(secret), totpCounter(Date.now()) + step);
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Signs a context in through the API (password, then the code when the account has a second factor). */
async function signInByApi(page: Page, totpCode?: string): Promise<void> {
  const req = page.context().request;
  const csrf = (await (await req.get("/api/auth/csrf")).json()).csrfToken as string;
  const signin = await req.post("/api/auth/signin", {
    headers: { "X-CSRF-Token": csrf },
    data: { username: USERNAME, password: PASSWORD },
  });
  expect(signin.status(), await signin.text()).toBe(200);
  if (totpCode) {
    const token = (await signin.json()).csrfToken as string;
    const verified = await req.post("/api/auth/totp/verify", {
      headers: { "X-CSRF-Token": token },
      data: { code: totpCode },
    });
    expect(verified.status(), await verified.text()).toBe(200);
  }
}

beforeAll(async () => {
  server = await startServer();
  // ZHICHAN_E2E_URL reuses a running server (see support/server.ts); ZHICHAN_E2E_HOME is then its home folder.
  await seedUser(server.home || String(process.env.ZHICHAN_E2E_HOME));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  expect(pageErrors, "uncaught errors in the pages").toEqual([]);
});

describe("the signed-in shell", () => {
  let desk: Page;
  let phone: Page;
  let secret = "";

  it("signed out, the header offers sign-in and registration, and fits a 390 px phone", async () => {
    desk = await newPage();
    await desk.goto("/");
    await desk.getByTestId("signin-link").waitFor();
    expect(await desk.getByTestId("signin-link").innerText()).toBe("登录");
    expect(await desk.title()).toBe("郑州市知识产权公共服务平台 · 知产");
    await screenshot(desk, "shell-zh-signed-out");

    const en = await newPage({ lang: "en" });
    await en.goto("/");
    await en.getByTestId("signin-link").waitFor();
    expect(await en.getByTestId("signin-link").innerText()).toBe("Sign in");
    await screenshot(en, "shell-en-signed-out");

    const small = await newPage({ width: 390, height: 844 });
    await small.goto("/");
    await small.getByTestId("menu-button").waitFor();
    expect(await scrollWidth(small)).toBeLessThanOrEqual(390);
    await screenshot(small, "shell-390-signed-out");
    await small.getByTestId("menu-button").click();
    await small.getByTestId("drawer-signin").waitFor();
    await screenshot(small, "shell-390-drawer-signed-out");
  });

  it("signs in and shows the user's name and role in words in the header", async () => {
    await desk.goto("/signin");
    await desk.locator('input[autocomplete="username"]').fill(USERNAME);
    await desk.locator('input[autocomplete="current-password"]').fill(PASSWORD);
    await desk.locator('button[type="submit"]').click();
    await desk.getByTestId("user-name").waitFor();
    expect(await desk.getByTestId("user-name").innerText()).toBe(DISPLAY_NAME);
    expect(await desk.getByTestId("user-roles").innerText()).toBe("企业用户");
    expect(await desk.getByTestId("signin-link").count()).toBe(0);
    await desk.getByTestId("bell").waitFor();
    await desk.getByTestId("user-menu").click();
    // an enterprise user's menu: their own pages, nothing that would end in "no permission"
    const menu = desk.locator(".ant-dropdown:not(.ant-dropdown-hidden)");
    await menu.locator('a[href="/me"]').waitFor();
    const links = await menu.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(["/me", "/me/watches", "/cases/mine", "/orgs"]);
    await screenshot(desk, "shell-zh-signed-in");
  });

  it("speaks English in the English UI, header and personal centre alike", async () => {
    const en = await newPage({ lang: "en" });
    await signInByApi(en);
    await en.goto("/me");
    await en.getByTestId("me-page").waitFor();
    expect(await en.title()).toBe("My account · Zhichan");
    expect(await en.getByTestId("user-roles").innerText()).toBe("Enterprise user");
    await en.getByTestId("me-sessions").getByText("This session", { exact: true }).waitFor();
    // the catalogue's Chinese words never show in the English UI (names and organisations are data)
    expect(await en.locator("body").innerText()).not.toMatch(/个人中心|退出登录|动态口令|企业用户|个人资料|登录设备/);
    await screenshot(en, "me-en", true);
    await en.getByTestId("user-menu").click();
    await en.locator(".ant-dropdown:not(.ant-dropdown-hidden)").getByText("Sign out").click();
    await en.getByTestId("signin-link").waitFor();
    expect(await en.getByTestId("signin-link").innerText()).toBe("Sign in");
  });

  it("opens the personal centre and enrols a second factor from the secret shown beside the QR code", async () => {
    await desk.locator('.ant-dropdown a[href="/me"]').click();
    await desk.getByTestId("me-page").waitFor();
    expect(await desk.title()).toBe("个人中心 · 知产");
    const profile = await desk.getByTestId("me-profile").innerText();
    for (const words of [DISPLAY_NAME, USERNAME, "企业用户", ORG_NAME]) expect(profile).toContain(words);
    expect(profile).not.toContain("enterprise");

    await desk.getByTestId("me-totp").getByRole("button").click();
    await desk.getByTestId("totp-secret").waitFor();
    // the QR code is drawn (SVG) from the otpauth:// address; the same secret is shown as text
    expect(await desk.getByTestId("totp-qr").locator("svg").count()).toBe(1);
    secret = (await desk.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // and it scans: read back by a QR decoder, it is the enrolment address for that secret
    const scanned = decodeQR(await qrPixels(desk));
    expect(scanned).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(scanned).searchParams.get("secret")).toBe(secret);
    await screenshot(desk, "me-zh-totp-qr", true);
    await desk.getByTestId("totp-code").fill(code(secret));
    await desk.getByTestId("totp-submit").click();
    await desk.getByTestId("me-totp").getByText("已绑定动态口令，").waitFor();
  });

  it("signs in on a phone too (with the code now), and the phone's pages fit 390 px", async () => {
    phone = await newPage({ width: 390, height: 844, userAgent: IPHONE });
    await signInByApi(phone, code(secret, 1));
    for (const url of ["/", "/search?q=电池", "/me"]) {
      await phone.goto(url);
      await phone.getByTestId("bell").waitFor();
      if (url === "/search?q=电池") await phone.getByTestId("total").waitFor();
      if (url === "/me") await phone.getByTestId("me-sessions").waitFor();
      expect(await scrollWidth(phone), `width of ${url}`).toBeLessThanOrEqual(390);
    }
    await screenshot(phone, "me-390", true);
    await phone.getByTestId("menu-button").click();
    await phone.getByTestId("drawer-user").waitFor();
    expect(await phone.getByTestId("drawer-user").innerText()).toContain(DISPLAY_NAME);
    await screenshot(phone, "shell-390-drawer-signed-in");
    await phone.keyboard.press("Escape");
  });

  it("lists both sessions, this one marked, and signing out everywhere signs the phone out too", async () => {
    await desk.reload();
    await desk.getByTestId("me-sessions").waitFor();
    await expect.poll(() => desk.getByTestId("session-row").count()).toBe(2);
    const current = desk.locator('[data-testid="session-row"][data-current="true"]');
    expect(await current.innerText()).toContain("当前会话");
    const other = await desk.locator('[data-testid="session-row"][data-current="false"]').innerText();
    expect(other).toContain("Safari 17 · iOS");
    expect(other).toMatch(/127\.0\.0\.\*/);
    await screenshot(desk, "me-zh", true);

    await desk.getByTestId("signout-everywhere").click();
    await desk.locator(".ant-popconfirm-buttons .ant-btn-primary").click();
    await desk.waitForURL(/\/signin$/);
    await desk.getByTestId("signin-link").waitFor();

    const stage = await (await phone.context().request.get("/api/auth/session")).json();
    expect(stage.stage).toBe("anonymous");
    await phone.goto("/me");
    await phone.getByText("请先登录后查看个人中心").waitFor();
    expect(await phone.getByTestId("bell").count()).toBe(0);
  });
});
