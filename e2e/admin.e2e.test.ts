// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright Locator.innerText() calls, not the DOM property
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../apps/server/src/db/connection";
import { readAccountsConfig } from "../apps/server/src/modules/accounts/accounts.config";
import { createAccountsServices } from "../apps/server/src/modules/accounts/accounts.module";
import { addMember, insertOrg } from "../apps/server/src/modules/accounts/orgs.repository";
import { TEST_ARGON2 } from "../apps/server/src/modules/accounts/passwords";
import { base32Decode, hotp, newTotpSecret, totpCounter } from "../apps/server/src/modules/accounts/totp";
import { insertUser, replaceRoles, setTotpSecret } from "../apps/server/src/modules/accounts/users.repository";
import { usccCheckChar } from "../packages/core/src/accounts/checksums";
import { launchBrowser, screenshot } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

// The three separated administrators (三员分立) and an official at work on the administration pages (scenes/admin).
let server: RunningServer;
let browser: Browser;
const PASSWORD = "E2e#Admin-2026";
/** Fresh names per run, so the journey also runs against a reused server (ZHICHAN_E2E_URL). */
const RUN = Date.now().toString(36).slice(-5);
const user = (name: string) => `${name}-${RUN}`;
const totpSecrets = new Map<string, string>();
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
/** A button by its words: antd puts a space between two Chinese characters ("创 建"). */
const btn = (name: string) => new RegExp(`^${[...name].join("\\s*")}$`);

/** Where a page's own words are: titles, labels, buttons, headers, tags, explanations. */
const CHROME = [
  ".admin-title",
  ".admin-tabs",
  ".admin-intro",
  "label",
  "button",
  "th",
  ".ant-tag",
  ".ant-tabs-tab",
  ".ant-descriptions-item-label",
  ".admin-line-label",
  ".ant-alert-message",
  ".ant-select-selection-placeholder",
  ".ant-empty-description",
]
  .map((s) => `main ${s}`)
  .join(", ");

/**
 * The administrators and one district official, written straight into the server's database with TOTP enrolled
 * (the setup codes of `zhichan admin create` are the production bootstrap; the API tests cover them). The
 * enterprise owner has a phone number, so the official has something to reveal.
 */
async function seedPeople(home: string): Promise<void> {
  const db = openDb(path.join(home, "zhichan.db"));
  const s = createAccountsServices(db, { dataKey: readAccountsConfig(home).dataKey, argon2: TEST_ARGON2 });
  const now = Date.now();
  const person = async (username: string, displayName: string, role: string | null, district: string | null = null) => {
    const phone = s.cipher.encrypt("13800138000");
    const id = insertUser(db, {
      username,
      display_name: displayName,
      password_hash: await s.hasher.hash(PASSWORD),
      must_change_password: 0,
      phone_enc: role === "enterprise" ? phone : null,
      phone_mask: role === "enterprise" ? "138****8000" : null,
      id_number_enc: null,
      id_number_mask: null,
      id_number_hmac: null,
      created_at: now,
    });
    if (role) replaceRoles(db, id, [{ role, district_code: district }]);
    if (role && role !== "enterprise") {
      const secret = newTotpSecret();
      setTotpSecret(db, id, s.cipher.encrypt(secret), true);
      totpSecrets.set(username, secret);
    }
    return id;
  };
  await person(user("sys"), "系统管理员甲", "sysadmin");
  await person(user("sec"), "安全管理员乙", "secadmin");
  await person(user("aud"), "审计管理员丙", "auditadmin");
  await person(user("guan"), "金水区工作人员", "official", "410105");
  const first = `91410100MA9${RUN.toUpperCase().replace(/[IOZSV]/g, "1")}`.padEnd(17, "0").slice(0, 17);
  const org = insertOrg(db, {
    kind: "enterprise",
    name: "金水测试电池有限公司",
    code: first + usccCheckChar(first),
    district_code: "410105",
    created_at: now,
  });
  addMember(db, org, await person(user("qiye"), "企业负责人丁", "enterprise"), "owner");
  await db.close();
}

/** One signed-in context per user (a TOTP code is accepted once), in the given UI language. */
const signedIn = new Map<string, Page>();
async function as(username: string, lang: "zh" | "en" = "zh"): Promise<Page> {
  const known = signedIn.get(username);
  if (known) {
    await setLang(known, lang);
    return known;
  }
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  await context.addInitScript((l) => {
    if (!sessionStorage.getItem("e2e-lang-set")) {
      localStorage.setItem("zhichan.lang", l);
      sessionStorage.setItem("e2e-lang-set", "1");
    }
  }, lang);
  const csrf = (await (await context.request.get("/api/auth/csrf")).json()).csrfToken as string;
  const signin = await context.request.post("/api/auth/signin", {
    headers: { "X-CSRF-Token": csrf },
    data: { username, password: PASSWORD },
  });
  expect(signin.status(), await signin.text()).toBe(200);
  const secret = totpSecrets.get(username);
  if (secret) {
    const verified = await context.request.post("/api/auth/totp/verify", {
      headers: { "X-CSRF-Token": (await signin.json()).csrfToken as string },
      data: { code: hotp(base32Decode(secret), totpCounter(Date.now())) },
    });
    expect(verified.status(), await verified.text()).toBe(200);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(45_000); // generous: the journeys share a busy machine
  page.on("pageerror", (e) => pageErrors.push(e.message));
  signedIn.set(username, page);
  return page;
}

async function setLang(page: Page, lang: "zh" | "en"): Promise<void> {
  if (!page.url().startsWith("http")) return;
  await page.evaluate((l) => localStorage.setItem("zhichan.lang", l), lang);
}

/** Opens a page afresh (the language is read at load). */
async function open(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(path);
  await page.locator(ready).first().waitFor();
}

/** The page as seen at 390 px: nothing wider than the screen. */
async function atPhone(page: Page, name: string, ready: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.locator(ready).first().waitFor();
  await page.waitForTimeout(300);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await screenshot(page, `admin-${name}-390`);
  expect(width, `${name} at 390 px`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Chooses an option of the antd Select inside the form item labelled `label`. */
async function choose(page: Page, scope: string, label: string, option: string): Promise<void> {
  await page.locator(`${scope} .ant-form-item:has(label:text-is("${label}")) .ant-select`).first().click();
  const dropdown = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click();
}

beforeAll(async () => {
  server = await startServer();
  // ZHICHAN_E2E_URL reuses a running server (see support/server.ts); ZHICHAN_E2E_HOME is then its home folder.
  await seedPeople(server.home || String(process.env.ZHICHAN_E2E_HOME));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  expect(pageErrors.join("\n"), "uncaught errors in the pages").toBe("");
});

describe("the administrators' pages", () => {
  const created = user("zhang");
  const requestedAdmin = user("shenji");

  it("the system administrator creates a user and asks for an administrator account", async () => {
    const sys = await as(user("sys"));
    await open(sys, "/admin/users", ".admin-toolbar");
    await sys.getByRole("button", { name: btn("新建用户") }).click();
    const modal = sys.locator(".ant-modal:visible");
    await modal.getByLabel("用户名").fill(created);
    await modal.getByLabel("姓名").fill("张三");
    await modal.getByLabel("初始密码").fill("Init#Pass2026");
    await modal.getByRole("button", { name: btn("创建") }).click();
    await sys.getByText(`已创建账户 ${created}`).waitFor();
    // an administrator account is only a request: a second administrator approves it
    await sys.getByRole("button", { name: btn("新建用户") }).click();
    await modal.getByLabel("用户名").fill(requestedAdmin);
    await modal.getByLabel("姓名").fill("审计员二");
    await modal.getByLabel("初始密码").fill("Audit#Pass2026");
    await modal.getByText("管理员账户：审计管理员").click();
    await modal.getByText("须由另一名管理员（安全管理员）").waitFor();
    await modal.getByRole("button", { name: btn("提交审批") }).click();
    await sys.locator(".ant-modal-confirm-title", { hasText: `已提交创建 ${requestedAdmin} 的申请` }).waitFor();
    await sys.getByRole("button", { name: btn("关闭") }).click();
    // the new account is in the list; the system administrator may not grant roles
    await sys.getByLabel("用户名或姓名").fill(created);
    await sys.getByRole("button", { name: btn("查询") }).click();
    await sys.locator(".ant-table-row", { hasText: created }).waitFor();
    expect(await sys.getByRole("button", { name: btn("设置角色") }).count()).toBe(0);
    await screenshot(sys, "admin-users-zh", true);
    // the system administrator cannot open the audit log
    await open(sys, "/admin/audit", ".ant-result");
    expect(await sys.locator(".ant-result-title").innerText()).toBe("没有权限");
  }, 180_000);

  it("the security administrator assigns an official's role with a district, and approves the request", async () => {
    const sec = await as(user("sec"));
    await open(sec, `/admin/users?q=${created}`, ".ant-table-row");
    await sec
      .locator(".ant-table-row", { hasText: created })
      .getByRole("button", { name: btn("设置角色") })
      .click();
    const modal = sec.locator(".ant-modal:visible");
    await modal.getByRole("button", { name: btn("添加角色") }).click();
    await choose(sec, ".ant-modal", "角色", "主管部门工作人员");
    await choose(sec, ".ant-modal", "区县", "金水区");
    await modal.getByRole("button", { name: btn("保存") }).click();
    await sec.getByText(`已更新 ${created} 的角色`).waitFor();
    const row = sec.locator(".ant-table-row", { hasText: created });
    await row.getByText("主管部门工作人员（金水区）").waitFor();
    expect(await row.innerText()).not.toContain("410105");
    // an enterprise owner's details: masked phone, the organisation they belong to (by name, district by name)
    await open(sec, `/admin/users?q=${user("qiye")}`, ".ant-table-row");
    await sec
      .locator(".ant-table-row", { hasText: user("qiye") })
      .getByRole("button", { name: btn("详情") })
      .click();
    const drawer = sec.locator(".ant-drawer");
    await drawer.getByText("金水测试电池有限公司").waitFor();
    expect(await drawer.innerText()).toMatch(/138\*\*\*\*8000[\s\S]*企业、金水区\s*负责人/);
    await sec.waitForTimeout(400); // the drawer's slide-in, for the picture only
    await screenshot(sec, "admin-user-detail-zh");
    await sec.locator(".ant-drawer-close").click();

    await open(sec, "/admin/requests", ".ant-tabs");
    const request = sec.locator(".ant-table-row", { hasText: requestedAdmin });
    await request.getByText("创建审计管理员账户").waitFor();
    await screenshot(sec, "admin-requests-zh", true);
    await request.getByRole("button", { name: btn("批准") }).click();
    await request.waitFor({ state: "detached" });
    await sec.getByRole("tab", { name: "已批准" }).click();
    await sec.locator(".ant-table-row", { hasText: requestedAdmin }).waitFor();

    await open(sec, "/admin/security", ".ant-descriptions");
    const text = await sec.locator("main").innerText();
    expect(text).toContain("30 分钟");
    expect(text).toContain("审计管理员");
    await screenshot(sec, "admin-security-zh", true);
  }, 180_000);

  it("a district official reveals a person's phone only with a reason", async () => {
    const guan = await as(user("guan"));
    await open(guan, "/admin/people", ".admin-filters");
    await guan.getByLabel("姓名或用户名").fill(user("qiye"));
    await guan.getByRole("button", { name: btn("查询") }).click();
    const card = guan.locator(".admin-item-card", { hasText: "企业负责人丁" });
    await card.getByText("138****8000").waitFor();
    await card.getByRole("button", { name: btn("查看完整信息") }).click();
    const modal = guan.locator(".ant-modal:visible");
    await modal.getByRole("button", { name: btn("确认查看") }).click();
    await modal.getByText("请说明查看原因").waitFor();
    await modal.getByLabel("查看原因").fill("核实维权援助申请人的联系方式");
    await modal.getByRole("button", { name: btn("确认查看") }).click();
    await card.getByText("13800138000").waitFor();
    await expect.poll(() => guan.locator(".ant-modal:visible").count()).toBe(0);
    await screenshot(guan, "admin-people-zh", true);
  }, 180_000);

  it("the audit administrator reads the log in words and verifies the chain", async () => {
    const aud = await as(user("aud"));
    await open(aud, "/admin/audit", ".ant-table-row");
    const table = aud.locator(".ant-table");
    await table.getByText("变更用户角色").first().waitFor();
    await table.getByText("批准管理员账户申请").first().waitFor();
    await table.getByText("查看完整个人信息").first().waitFor();
    const text = await table.innerText();
    for (const code of ["permission.changed", "admin.request_approved", "pii.revealed", "410105", '{"'])
      expect(text, `raw ${code} on the audit page`).not.toContain(code);
    expect(text).toContain("主管部门工作人员（金水区）");
    expect(text).toContain("核实维权援助申请人的联系方式");
    // filter by action (in words) and by date range
    await choose(aud, ".admin-filters", "操作", "变更用户角色");
    await aud.getByRole("button", { name: btn("筛选") }).click();
    await expect
      .poll(async () =>
        (await table.locator(".ant-table-row").allInnerTexts()).every((r) => r.includes("变更用户角色")),
      )
      .toBe(true);
    await aud.getByRole("button", { name: btn("校验日志完整性") }).click();
    await aud.getByText(/日志完整：已逐条校验 \d+ 条记录/).waitFor();
    await screenshot(aud, "admin-audit-zh", true);
    // the system administrator's page is not theirs
    await open(aud, "/admin/users", ".ant-result");
    expect(await aud.locator(".ant-result-title").innerText()).toBe("没有权限");
  }, 180_000);

  it("every administration page in English speaks English, and fits a 390 px phone", async () => {
    const pages: [string, string, string, string][] = [
      [user("sys"), "/admin/users", ".admin-toolbar", "users"],
      [user("sec"), "/admin/requests", ".ant-tabs", "requests"],
      [user("sec"), "/admin/security", ".ant-descriptions", "security"],
      [user("guan"), "/admin/people", ".admin-filters", "people"],
      [user("aud"), "/admin/audit", ".ant-table-row, .admin-item-card", "audit"],
    ];
    for (const [who, path, ready, name] of pages) {
      const page = await as(who, "en");
      await open(page, path, ready);
      // the page's own words (people's names and reasons are data, in whatever language they were written)
      const chrome = (await page.locator(CHROME).allInnerTexts()).join("\n");
      expect(chrome.match(/.{0,20}[\u3400-\u9fff]+.{0,20}/)?.[0] ?? null, `${name} in English`).toBeNull();
      await screenshot(page, `admin-${name}-en`, true);
      await setLang(page, "zh");
      await atPhone(page, name, ready);
    }
  }, 400_000);
});
