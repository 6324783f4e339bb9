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
import { simplePdf, solidPng } from "./support/files";
import { type RunningServer, startServer } from "./support/server";

// One journey per area of the one-stop services: an enterprise applies, an official decides, the applicant sees it.
let server: RunningServer;
let browser: Browser;
const totpSecrets = new Map<string, string>();
const PASSWORD = "E2e#Cases-2026";
/** Fresh names and codes per run, so the journeys also run against a reused server (ZHICHAN_E2E_URL). */
const RUN = Date.now()
  .toString(36)
  .toUpperCase()
  .slice(-6)
  .replace(/[IOZSV]/g, "1");
const uscc = (prefix: string) => {
  const first = `${prefix}${RUN}`.padEnd(17, "0").slice(0, 17);
  return first + usccCheckChar(first);
};
const ENT_CODE = uscc("91410100MA1");
const user = (name: string) => `${name}-${RUN.toLowerCase()}`;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const PDF = simplePdf("Test business licence");
/** A stand-in for a scanned certificate: a real PNG, 120 x 80 pixels. */
const PNG = solidPng(120, 80);
type UploadFile = { name: string; mimeType: string; buffer: Buffer };

/** Test people written straight into the server's database (no real persons), with signed-in sessions. */
async function seedPeople(home: string): Promise<void> {
  const db = openDb(path.join(home, "zhichan.db"));
  const s = createAccountsServices(db, { dataKey: readAccountsConfig(home).dataKey, argon2: TEST_ARGON2 });
  const now = Date.now();
  const person = async (username: string, role: string, district: string | null = null) => {
    const id = insertUser(db, {
      username,
      display_name: username,
      password_hash: await s.hasher.hash(PASSWORD),
      must_change_password: 0,
      phone_enc: null,
      phone_mask: null,
      id_number_enc: null,
      id_number_mask: null,
      id_number_hmac: null,
      created_at: now,
    });
    replaceRoles(db, id, [{ role, district_code: district }]);
    if (role === "official") {
      const secret = newTotpSecret();
      setTotpSecret(db, id, s.cipher.encrypt(secret), true);
      totpSecrets.set(username, secret);
    }
    return id;
  };
  const ent = insertOrg(db, {
    kind: "enterprise",
    name: "测试电池科技有限公司",
    code: ENT_CODE,
    district_code: "410105",
    created_at: now,
  });
  const agency = insertOrg(db, {
    kind: "agency",
    name: "测试知识产权代理事务所",
    code: uscc("91410100MA2"),
    district_code: "410172",
    created_at: now,
  });
  addMember(db, ent, await person(user("e2e-enterprise"), "enterprise"), "owner");
  addMember(db, agency, await person(user("e2e-agency"), "agency"), "owner");
  await person(user("e2e-official"), "official");
  await db.close();
}

/** A browser context signed in as the user through the real API (password, then TOTP for officials). */
const signedIn = new Map<string, Page>();

async function as(username: string): Promise<Page> {
  // One signed-in context per user: a TOTP code is accepted only once.
  const known = signedIn.get(username);
  if (known) return known;
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  contexts.push(context);

  const csrf = (await (await context.request.get("/api/auth/csrf")).json()).csrfToken as string;
  const signin = await context.request.post("/api/auth/signin", {
    headers: { "X-CSRF-Token": csrf },
    data: { username, password: PASSWORD },
  });
  expect(signin.status(), await signin.text()).toBe(200);
  const secret = totpSecrets.get(username);
  if (secret) {
    const code = hotp(base32Decode(secret), totpCounter(Date.now()));
    const token = (await signin.json()).csrfToken as string;
    const verified = await context.request.post("/api/auth/totp/verify", {
      headers: { "X-CSRF-Token": token },
      data: { code },
    });
    expect(verified.status(), await verified.text()).toBe(200);
  }
  const page = await pageIn(context);
  signedIn.set(username, page);
  return page;
}

async function pageIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return page;
}

/**
 * In-app navigation (history.pushState + popstate, as a link click does): the app's assets load once per page,
 * which keeps the journeys under the server's per-address rate limit (static files count too).
 */
async function nav(page: Page, path: string): Promise<void> {
  if (!page.url().startsWith("http")) {
    await page.goto(path);
    return;
  }
  await page.evaluate((p) => {
    window.history.pushState({}, "", p);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** Shows a case afresh (the list, then the case), as a person returning to it would. */
async function revisit(page: Page): Promise<void> {
  const path = new URL(page.url()).pathname;
  await nav(page, "/cases/mine");
  await page.getByTestId("case-list-mine").waitFor();
  await nav(page, path);
  await page.getByTestId("case-detail").waitFor();
}

async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [k, v] of Object.entries(values)) await page.locator(`[data-field="${k}"]`).fill(v);
}

async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.locator(`.ant-form-item:has([data-field="${field}"]) .ant-select`).click();
  const dropdown = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click();
  await expect
    .poll(() => page.locator(`.ant-form-item:has([data-field="${field}"]) .ant-select-selection-item`).innerText())
    .toBe(option);
  await expect.poll(() => dropdown.count()).toBe(0);
}

/** Chooses a file for one attachment kind in the apply form's documents step. */
async function chooseFile(page: Page, kind: string, file: UploadFile): Promise<void> {
  await page.getByTestId(`attach-${kind}`).locator("input[type=file]").setInputFiles(file);
}

/** Uploads a file in the documents step and waits until its progress bar stands at 100 % (stored and checked). */
async function upload(page: Page, kind: string, file: UploadFile): Promise<void> {
  await chooseFile(page, kind, file);
  const row = page
    .getByTestId(`attach-${kind}`)
    .locator('[data-testid="upload-row"][data-status="done"]', { hasText: file.name });
  await row.waitFor();
  expect(await row.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
}

/** From the form to the documents step, where the type asks for documents. */
async function toDocuments(page: Page): Promise<void> {
  await page.getByTestId("apply-next").click();
  const shown = await page
    .getByTestId("attachment-step")
    .waitFor({ timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (!shown) throw new Error(`the form was not accepted: ${await page.getByTestId("apply-form").innerText()}`);
}

async function submitAndOpen(page: Page): Promise<string> {
  if (await page.getByTestId("apply-next").isVisible()) await toDocuments(page);
  await page.getByTestId("submit-case").click();
  const opened = await page
    .getByTestId("case-detail")
    .waitFor({ timeout: 20_000 })
    .then(() => true)
    .catch(() => false);
  if (!opened) throw new Error(`the application was not accepted: ${await page.getByTestId("apply-form").innerText()}`);
  return page.url();
}

async function act(page: Page, action: string, comment?: string): Promise<void> {
  const button = page.locator(`[data-action="${action}"]`);
  const shown = await button
    .waitFor({ timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  if (!shown) throw new Error(`no ${action} action on ${page.url()}: ${await page.locator("main").innerText()}`);
  await button.click();
  if (comment) await page.locator('.ant-modal [data-field="comment"]').fill(comment);
  await page.getByTestId("confirm-action").click();
  const closed = await page
    .getByTestId("confirm-action")
    .waitFor({ state: "hidden", timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (!closed) await screenshot(page, "cases-action-failed", true); // what the modal showed
  if (!closed)
    throw new Error(`action ${action} failed: ${await page.locator(".ant-modal .ant-alert").allInnerTexts()}`);
}

const state = (page: Page) => page.getByTestId("detail-state").innerText();
const refOf = async (page: Page) => (await page.locator(".ant-card-head-title").first().innerText()).split(" · ")[0];

/** The official finds the case in the office queue by its reference and opens it. */
async function openFromQueue(off: Page, ref: string): Promise<void> {
  await nav(off, "/cases/queue");
  await off.getByText("已超期").first().waitFor(); // the queue shows its deadline counts
  await off.getByPlaceholder("案号、名称、申请人").fill(ref);
  await off.getByPlaceholder("案号、名称、申请人").press("Enter");
  await off.getByTestId("case-link").filter({ hasText: ref }).click();
  await off.getByTestId("case-detail").waitFor();
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
  expect(pageErrors, "uncaught errors in the pages").toEqual([]);
});

describe("one-stop services journeys", () => {
  it("protection: an enterprise applies with its business licence, the office grants 准予备案, the enterprise sees it", async () => {
    const ent = await as(user("e2e-enterprise"));
    // before its first application the list says so in words, not antd's bare 暂无数据
    await nav(ent, "/cases/mine");
    await expect.poll(() => ent.getByTestId("case-list-mine").innerText()).toContain("您还没有提交过申请");
    await nav(ent, "/protection");
    await ent.locator('[data-apply="protection_registration"]').click();
    // pre-filled from the organisation's registration and the signed-in person
    await expect.poll(() => ent.locator('[data-field="uscc"]').inputValue()).toBe(ENT_CODE);
    expect(await ent.locator('[data-field="enterpriseName"]').inputValue()).toBe("测试电池科技有限公司");
    expect(await ent.locator('[data-field="contactName"]').inputValue()).toBe(user("e2e-enterprise"));
    // checked field by field, in Chinese, before anything is sent
    await fill(ent, { contactPhone: "1370000" });
    await ent.getByTestId("apply-next").click();
    await expect.poll(() => ent.getByTestId("apply-form").innerText()).toContain("请填写 11 位手机号码");
    await expect.poll(() => ent.getByTestId("apply-form").innerText()).toContain("请填写所属产业");
    await screenshot(ent, "cases-00-apply-errors", true);
    await fill(ent, { contactName: "测试联系人", contactPhone: "13700001111", industry: "新能源汽车" });

    // the draft is kept in the browser and restored on return (the mobile number is not)
    await ent.getByTestId("draft-state").waitFor();
    await nav(ent, "/cases/mine");
    await ent.getByTestId("case-list-mine").waitFor();
    await nav(ent, "/cases/new/protection_registration");
    await ent.getByTestId("draft-restored").waitFor();
    expect(await ent.locator('[data-field="industry"]').inputValue()).toBe("新能源汽车");
    expect(await ent.locator('[data-field="contactName"]').inputValue()).toBe("测试联系人");
    expect(await ent.locator('[data-field="contactPhone"]').inputValue()).toBe("");
    await fill(ent, { contactPhone: "13700001111", address: "郑州市金水区测试路 1 号" });

    // the documents step: the submit waits for the required business licence
    await toDocuments(ent);
    await ent.getByTestId("attachments-missing").waitFor();
    expect(await ent.getByTestId("submit-case").isDisabled()).toBe(true);
    // a file that is not what its name says is refused in the browser, before it is sent
    await chooseFile(ent, "business_licence", {
      name: "营业执照.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("x"),
    });
    await expect.poll(() => ent.getByTestId("attach-business_licence").innerText()).toContain("不是允许的文件类型");
    await upload(ent, "business_licence", { name: "营业执照.pdf", mimeType: "application/pdf", buffer: PDF });
    await ent.getByTestId("attachments-complete").waitFor();
    await screenshot(ent, "cases-01-apply-documents", true);

    // submitted: the new case opens with its attachment
    const url = await submitAndOpen(ent);
    expect(await state(ent)).toBe("已提交待审核");
    await expect.poll(() => ent.locator(".ant-list-item a", { hasText: "营业执照.pdf" }).count()).toBe(1);
    await screenshot(ent, "cases-01-registration-submitted", true);

    // the form starts afresh: no draft, no values of the submitted application
    await nav(ent, "/cases/new/protection_registration");
    await ent.getByTestId("apply-form").waitFor();
    await expect.poll(() => ent.locator('[data-field="uscc"]').inputValue()).toBe(ENT_CODE);
    expect(await ent.getByTestId("draft-restored").count()).toBe(0);
    expect(await ent.locator('[data-field="industry"]').inputValue()).toBe("");

    // the office's 准予备案 no longer fails for missing attachments
    await nav(ent, new URL(url).pathname);
    await ent.getByTestId("case-detail").waitFor();
    const ref = await refOf(ent);
    const off = await as(user("e2e-official"));
    await openFromQueue(off, ref);
    await act(off, "approve", "材料齐全，准予备案");
    await expect.poll(() => state(off)).toBe("已备案");

    await nav(ent, "/cases/mine");
    await expect.poll(() => ent.getByTestId("case-state").first().innerText()).toBe("已备案");
    await nav(ent, new URL(url).pathname);
    await expect.poll(() => ent.getByTestId("timeline").innerText()).toContain("材料齐全，准予备案");
    await screenshot(ent, "cases-02-registration-decided", true);
  });

  it("operations: a listing is reviewed, published and found in the public marketplace", async () => {
    const ent = await as(user("e2e-enterprise"));
    await nav(ent, "/cases/new/ip_listing");
    await choose(ent, "listingKind", "转让");
    await choose(ent, "assetType", "专利");
    await fill(ent, { assetNumber: "CN100395559C", assetTitle: `测试挂牌 ${RUN}：二次电池更换方法` });
    await submitAndOpen(ent);
    const off = await as(user("e2e-official"));
    await openFromQueue(off, await refOf(ent));
    await act(off, "publish");
    await expect.poll(() => state(off)).toBe("已发布");
    const anon = await browser.newContext({ baseURL: server.url });
    contexts.push(anon);
    const pub = await anon.newPage();
    await pub.goto("/marketplace");
    await pub.getByPlaceholder("搜索标的名称").fill(`测试挂牌 ${RUN}`);
    await pub.getByPlaceholder("搜索标的名称").press("Enter");
    await expect.poll(() => pub.getByTestId("listing").innerText()).toContain(`测试挂牌 ${RUN}`);
    await screenshot(pub, "cases-03-marketplace", true);
    await revisit(ent);
    await expect.poll(() => state(ent)).toBe("已发布");

    // another party enquires from the marketplace; the listing's owner answers
    const ag = await as(user("e2e-agency"));
    await nav(ag, "/marketplace");
    await ag.getByPlaceholder("搜索标的名称").fill(`测试挂牌 ${RUN}`);
    await ag.getByPlaceholder("搜索标的名称").press("Enter");
    await ag
      .getByTestId("listing")
      .filter({ hasText: `测试挂牌 ${RUN}` })
      .locator("[data-enquire]")
      .click();
    await fill(ag, { message: "可否分期付款？", offerYuan: "150000" });
    await submitAndOpen(ag);
    expect(await state(ag)).toBe("待挂牌方答复");
    await nav(ent, new URL(ag.url()).pathname);
    await act(ent, "reply", "可以分两期");
    await revisit(ag);
    await expect.poll(() => state(ag)).toBe("挂牌方已答复");
    await expect.poll(() => ag.getByTestId("timeline").innerText()).toContain("可以分两期");
  });

  it("registry: an official's new record is checked field by field, its period picked, and opens once saved", async () => {
    const off = await as(user("e2e-official"));
    await nav(off, "/registry");
    await off.getByRole("button", { name: /^新\s?增$/ }).click();
    await off.getByTestId("record-form").waitFor();
    await off.locator('[data-field="creditCode"]').fill("91410100ma");
    await off.getByTestId("record-save").click();
    await expect.poll(() => off.getByTestId("record-form").innerText()).toContain("请填写 18 位统一社会信用代码");
    expect(await off.getByTestId("record-form").innerText()).toContain("请填写名称");
    const name = `测试专利代理事务所 ${RUN}`;
    await fill(off, { name, creditCode: uscc("91410100MA3").toLowerCase() }); // upper-cased as it is typed
    await choose(off, "category", "专利代理机构");
    await off.locator(".ant-modal .ant-picker-range input").first().fill("2024-01-01");
    await off.keyboard.press("Enter");
    await off.locator(".ant-modal-title").click(); // closes the range picker, leaving the end open
    await screenshot(off, "registry-01-record-form", true);
    await off.getByTestId("record-save").click();
    // the saved record opens
    await expect.poll(() => off.locator(".ant-drawer-title").innerText()).toBe(name);
    await expect.poll(() => off.locator(".ant-drawer-body").innerText()).toContain("2024-01-01");
    await screenshot(off, "registry-02-record-saved", true);
  });

  it("talent: an agency applies for a reward, the office grants it, the agency sees it", async () => {
    const ag = await as(user("e2e-agency"));
    await nav(ag, "/talent");
    await ag.locator('[data-apply="talent_reward"]').click();
    // a reward may be claimed as a person too, so the form asks who files it (no default, issue #13)
    await choose(ag, "filedAs", "测试知识产权代理事务所");
    await choose(ag, "category", "知识产权中高级职称");
    await fill(ag, { personName: "测试人员", yearsInCityAgency: "3" });
    await choose(ag, "engineerTitle", "高级");
    // no submit without the certificate the office's decision needs
    await toDocuments(ag);
    expect(await ag.getByTestId("submit-case").isDisabled()).toBe(true);
    await ag.getByTestId("submit-case").click({ force: true });
    expect(await ag.getByTestId("case-detail").count()).toBe(0);
    await expect.poll(() => ag.getByTestId("attachments-missing").innerText()).toContain("资格证书");
    await upload(ag, "certificate", { name: "职称证书.png", mimeType: "image/png", buffer: PNG });
    await submitAndOpen(ag);
    await expect.poll(() => ag.getByTestId("case-checks").innerText()).toContain("符合奖励条件");
    await expect.poll(() => ag.locator(".ant-list-item a", { hasText: "职称证书.png" }).count()).toBe(1);
    const caseUrl = new URL(ag.url()).pathname;

    const off = await as(user("e2e-official"));
    await nav(off, caseUrl);
    await act(off, "approve");
    await expect.poll(() => state(off)).toBe("准予奖励");
    await revisit(ag);
    await expect.poll(() => state(ag)).toBe("准予奖励");
    await screenshot(ag, "cases-04-reward-granted", true);
  });
});
