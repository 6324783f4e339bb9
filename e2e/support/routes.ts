import path from "node:path";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { openDb } from "../../apps/server/src/db/connection";
import { readAccountsConfig } from "../../apps/server/src/modules/accounts/accounts.config";
import { createAccountsServices } from "../../apps/server/src/modules/accounts/accounts.module";
import { addMember, insertOrg } from "../../apps/server/src/modules/accounts/orgs.repository";
import { TEST_ARGON2 } from "../../apps/server/src/modules/accounts/passwords";
import { newTotpSecret } from "../../apps/server/src/modules/accounts/totp";
import { insertUser, replaceRoles, setTotpSecret } from "../../apps/server/src/modules/accounts/users.repository";
import { usccCheckChar } from "../../packages/core/src/accounts/checksums";
import { freshTotpCode } from "./totp-code";

/**
 * Every route of the web app, by who opens it, in one list for the journeys that must cover them all
 * (accessibility, phone widths, languages). `{patent}`, `{applicant}`, `{industry}` and `{caseType}` are filled
 * from the running server's own data by `appRoutes`.
 */
export type Audience = "public" | "enterprise" | "agency" | "official" | "sysadmin" | "secadmin" | "auditadmin";

export interface AppRoute {
  audience: Audience;
  path: string;
}

const q = encodeURIComponent;

export const ROUTE_TEMPLATES: AppRoute[] = [
  ...[
    "/",
    "/search",
    `/search?q=${q("电池")}`,
    `/search?q=${q("电池")}&mode=advanced`,
    "/search?tab=stats",
    `/search?q=${q("电池")}&tab=stats`,
    "/patents/{patent}",
    "/applicants/{applicant}",
    "/applicants/compare",
    `/matrix?q=${q("电池")}`,
    "/navigation",
    "/industries",
    "/industries/{industry}",
    "/services",
    "/protection",
    "/operations",
    "/marketplace",
    "/valuation",
    "/valuation/assets?type=trademark",
    "/gi",
    "/gi/{gi}",
    "/plan/published",
    "/talent",
    // public information (issue #17): notices, guides, directories, published statistics
    "/notices",
    "/guides",
    "/guides/{caseType}",
    "/directory",
    "/statistics/published",
    // consultation and appointments (issue #17 item 4)
    "/consult",
    "/appointments",
    "/signin",
    "/register",
    "/no-such-page",
  ].map((p) => ({ audience: "public" as const, path: p })),
  ...[
    "/me",
    "/me/watches",
    "/orgs",
    "/cases/mine",
    "/cases/new/{caseType}",
    "/cases/{case}",
    "/services",
    "/valuation/assets?type=trademark",
  ].map((p) => ({
    audience: "enterprise" as const,
    path: p,
  })),
  ...["/agency", "/orgs", "/cases/mine"].map((p) => ({ audience: "agency" as const, path: p })),
  ...[
    "/me",
    "/cases/queue",
    "/cases/{case}",
    "/plan",
    "/registry",
    "/surveys",
    "/supervision",
    "/data-quality",
    "/imports",
    "/navigation",
    "/admin/people",
    "/content/manage",
    "/directory/manage",
    "/consult/queue",
    "/appointments/manage",
    "/service-quality",
  ].map((p) => ({ audience: "official" as const, path: p })),
  ...["/admin", "/admin/users", "/admin/requests"].map((p) => ({ audience: "sysadmin" as const, path: p })),
  ...["/admin/users", "/admin/security"].map((p) => ({ audience: "secadmin" as const, path: p })),
  { audience: "auditadmin", path: "/admin/audit" },
];

/**
 * The route list with its placeholders filled from the server's data (a patent, its applicant, …); `known` adds
 * values the journey made itself ({case}: see openSampleCase). Routes whose placeholder stays unknown are left out.
 */
export async function appRoutes(request: APIRequestContext, known: Record<string, string> = {}): Promise<AppRoute[]> {
  const json = async <T>(url: string): Promise<T> => {
    const res = await request.get(url);
    if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const hits = await json<{ hits: { id: number; applicants: { id: number }[] }[] }>(
    `/api/search?q=${q("电池")}&limit=5`,
  );
  const withApplicant = hits.hits.find((h) => h.applicants.length > 0) ?? hits.hits[0];
  const industries = await json<{ items: { id: number }[] }>("/api/industries");
  const types = await json<{ types: { key: string; openedBy: string[] }[] }>("/api/cases/types");
  const gi = await json<{ items: { id: number }[] }>("/api/gi?limit=1");
  const values: Record<string, string> = {
    patent: String(withApplicant.id),
    applicant: String(withApplicant.applicants[0]?.id ?? 1),
    industry: String(industries.items[0]?.id ?? 1),
    gi: String(gi.items[0]?.id ?? ""),
    caseType: types.types.find((t) => t.openedBy.includes("enterprise"))?.key ?? "protection_registration",
    ...known,
  };
  return ROUTE_TEMPLATES.filter((r) => [...r.path.matchAll(/\{(\w+)\}/g)].every((m) => values[m[1]])).map((r) => ({
    ...r,
    path: r.path.replace(/\{(\w+)\}/g, (_m, k: string) => values[k]),
  }));
}

/**
 * A case for the case pages to show: overseas guidance (no attachment asked at application), filed by the
 * enterprise's organisation through the real API. Returns its id.
 */
export async function openSampleCase(request: APIRequestContext, orgId: number): Promise<string> {
  const csrf = (await (await request.get("/api/auth/csrf")).json()).csrfToken as string;
  const res = await request.post("/api/cases", {
    headers: { "X-CSRF-Token": csrf },
    data: {
      type: "overseas_guidance",
      title: "测试海外维权指导申请",
      filedAs: { kind: "organisation", orgId },
      form: { country: "德国", disputeType: "exhibition", description: "展会上发现疑似侵权展品，请求指导。" },
    },
  });
  if (!res.ok()) throw new Error(`POST /api/cases: ${res.status()} ${await res.text()}`);
  return String(((await res.json()) as { id: number }).id);
}

export const ACCOUNT_PASSWORD = "E2e#Routes-2026";

export interface RouteAccount {
  audience: Exclude<Audience, "public">;
  username: string;
  totpSecret: string | null;
  /** The organisation an enterprise or agency owns. */
  orgId: number | null;
}

/**
 * One test account per signed-in audience (no real persons), written straight into the server's database: an
 * enterprise and an agency each owning an organisation, a city-wide official and the three administrators, TOTP
 * enrolled where the role requires it. `tag` keeps names apart when several journeys share a server.
 */
export async function seedRouteAccounts(home: string, tag: string): Promise<Map<Audience, RouteAccount>> {
  const db = openDb(path.join(home, "zhichan.db"));
  try {
    const s = createAccountsServices(db, { dataKey: readAccountsConfig(home).dataKey, argon2: TEST_ARGON2 });
    const hash = await s.hasher.hash(ACCOUNT_PASSWORD);
    const out = new Map<Audience, RouteAccount>();
    const audiences = ["enterprise", "agency", "official", "sysadmin", "secadmin", "auditadmin"] as const;
    for (const [i, audience] of audiences.entries()) {
      const username = `${audience}-${tag}`.toLowerCase();
      const id = insertUser(db, {
        username,
        display_name: `测试${["企业", "代理机构", "官员", "系统管理员", "安全管理员", "审计管理员"][i]}${tag}`,
        password_hash: hash,
        must_change_password: 0,
        phone_enc: null,
        phone_mask: null,
        id_number_enc: null,
        id_number_mask: null,
        id_number_hmac: null,
        created_at: Date.now(),
      });
      replaceRoles(db, id, [{ role: audience, district_code: null }]);
      let totpSecret: string | null = null;
      let orgId: number | null = null;
      if (audience === "enterprise" || audience === "agency") {
        const first = `91410100M${i}${tag.toUpperCase().replace(/[^0-9A-HJ-NPQRTUWXY]/g, "1")}`
          .padEnd(17, "0")
          .slice(0, 17);
        orgId = insertOrg(db, {
          kind: audience,
          name: audience === "enterprise" ? `测试路由科技有限公司${tag}` : `测试路由知识产权代理事务所${tag}`,
          code: first + usccCheckChar(first),
          district_code: "410105",
          created_at: Date.now(),
        });
        addMember(db, orgId, id, "owner");
      } else {
        totpSecret = newTotpSecret();
        setTotpSecret(db, id, s.cipher.encrypt(totpSecret), true);
      }
      out.set(audience, { audience, username, totpSecret, orgId });
    }
    return out;
  } finally {
    await db.close();
  }
}

/** A browser context in the given language and size, signed in through the real API when an account is given. */
export async function routeContext(
  browser: Browser,
  baseURL: string,
  opts: { account?: RouteAccount; lang?: "zh" | "en"; width?: number; height?: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
  });
  // the starting language only: a journey may switch it later (setLanguage) and keep the signed-in context
  await context.addInitScript((lang) => {
    if (!localStorage.getItem("zhichan.lang")) localStorage.setItem("zhichan.lang", lang);
  }, opts.lang ?? "zh");
  const account = opts.account;
  if (!account) return context;
  const csrf = (await (await context.request.get("/api/auth/csrf")).json()).csrfToken as string;
  const signin = await context.request.post("/api/auth/signin", {
    headers: { "X-CSRF-Token": csrf },
    data: { username: account.username, password: ACCOUNT_PASSWORD },
  });
  if (signin.status() !== 200) throw new Error(`sign-in of ${account.username}: ${await signin.text()}`);
  if (account.totpSecret) {
    const verified = await context.request.post("/api/auth/totp/verify", {
      headers: { "X-CSRF-Token": (await signin.json()).csrfToken as string },
      data: { code: await freshTotpCode(account.totpSecret) },
    });
    if (verified.status() !== 200) throw new Error(`TOTP of ${account.username}: ${await verified.text()}`);
  }
  return context;
}

/** Switches the UI language of the page's context; takes effect on the next navigation. */
export async function setLanguage(page: Page, lang: "zh" | "en"): Promise<void> {
  if (page.url() === "about:blank") await page.goto("/signin");
  await page.evaluate((l) => localStorage.setItem("zhichan.lang", l), lang);
}
