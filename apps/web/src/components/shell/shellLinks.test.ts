import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ROLE_PERMISSIONS, type Role } from "@zhichan/core/accounts/index.ts";
import { describe, expect, it } from "vitest";
import { adminRoutesFor } from "../../scenes/admin/adminRoutes";
import { allowed, OFFICIAL_LINKS, PERSONAL_LINKS, SERVICE_LINKS } from "./shellLinks";
import { pageTitleKey } from "./usePageTitle";

/** What each role's menus list, from the real role → permission matrix. */
function menusOf(role: Role | null) {
  const perms: readonly string[] = role ? ROLE_PERMISSIONS[role] : [];
  const can = (p: string) => perms.includes(p);
  return {
    personal: role ? allowed(PERSONAL_LINKS, can).map((l) => l.to) : [],
    tools: allowed(OFFICIAL_LINKS, can).map((l) => l.to),
  };
}

describe("menus by role", () => {
  it("offers each role only the pages its permissions open", () => {
    expect(menusOf(null)).toEqual({ personal: [], tools: [] });
    expect(menusOf("enterprise")).toEqual({ personal: ["/me", "/me/watches", "/cases/mine", "/orgs"], tools: [] });
    expect(menusOf("agency").personal).toEqual(["/me", "/me/watches", "/cases/mine", "/orgs", "/agency"]);
    const official = menusOf("official");
    expect(official.personal).toEqual(["/me", "/me/watches", "/cases/queue", "/admin/people"]);
    expect(official.tools).toEqual([
      "/cases/queue",
      "/plan",
      "/supervision",
      "/registry",
      "/surveys",
      "/content/manage",
      "/directory/manage",
      "/consult/queue",
      "/appointments/manage",
      "/service-quality",
      "/imports",
      "/data-quality",
    ]);
    expect(menusOf("expert")).toEqual({ personal: ["/me", "/me/watches", "/cases/assigned"], tools: [] });
    // the three separated administrators: each only their own administration pages
    expect(menusOf("sysadmin")).toEqual({
      personal: ["/me", "/me/watches", "/admin/users", "/admin/requests"],
      tools: [],
    });
    expect(menusOf("secadmin")).toEqual({
      personal: ["/me", "/me/watches", "/admin/users", "/admin/requests", "/admin/security"],
      tools: [],
    });
    expect(menusOf("auditadmin")).toEqual({ personal: ["/me", "/me/watches", "/admin/audit"], tools: [] });
  });

  it("lists exactly the administration pages adminRoutesFor gives each role, none hard-coded", () => {
    for (const [role, perms] of Object.entries(ROLE_PERMISSIONS)) {
      const can = (p: string) => (perms as readonly string[]).includes(p);
      const adminLinks = allowed(PERSONAL_LINKS, can).filter((l) => l.key.startsWith("admin-"));
      expect(
        adminLinks.map((l) => l.to),
        role,
      ).toEqual(adminRoutesFor(perms).map((r) => r.path));
    }
    expect(PERSONAL_LINKS.map((l) => l.to)).not.toContain("/audit");
  });

  it("lists officials-only modules among the services for nobody", () => {
    expect(SERVICE_LINKS.map((l) => l.to)).not.toContain("/plan");
    expect(SERVICE_LINKS.map((l) => l.to)).not.toContain("/supervision");
  });
});

describe("page titles", () => {
  it("names each route, statistics apart from search, and nothing for an unknown path", () => {
    expect(pageTitleKey("/me", "")).toBe("shell.links.me");
    expect(pageTitleKey("/search", "?q=x")).toBe("nav.search");
    expect(pageTitleKey("/search", "?tab=stats&q=x")).toBe("nav.stats");
    expect(pageTitleKey("/cases/mine", "")).toBe("shell.links.casesMine");
    expect(pageTitleKey("/applicants/compare", "?ids=1,2")).toBe("compare.title");
    expect(pageTitleKey("/applicants/12", "")).toBe("nav.applicant");
    expect(pageTitleKey("/cases/42", "")).toBe("shell.titles.case");
    expect(pageTitleKey("/admin/users", "")).toBe("admin.nav.users");
    expect(pageTitleKey("/admin", "")).toBe("shell.titles.admin");
    expect(pageTitleKey("/", "")).toBeNull();
    expect(pageTitleKey("/no-such-page", "")).toBe("errors.notFoundPage");
  });

  it("names every route the app declares (<Route path=…> anywhere in the web app)", () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
        const p = path.join(dir, d.name);
        return d.isDirectory() ? files(p) : d.name.endsWith(".tsx") ? [p] : [];
      });
    const paths = new Set<string>();
    for (const f of files(src))
      for (const m of fs.readFileSync(f, "utf8").matchAll(/<Route\s+path="([^"]+)"/g)) paths.add(m[1]);
    expect(paths.size).toBeGreaterThan(30);
    const untitled = [...paths]
      .filter((p) => p !== "/" && p !== "*")
      .map((p) => p.replace(/:\w+/g, "1"))
      .filter((p) => pageTitleKey(p, "") === null || pageTitleKey(p, "") === "errors.notFoundPage");
    expect(untitled).toEqual([]);
  });
});
