import { ROLE_PERMISSIONS, type Role } from "@zhichan/core/accounts/index.ts";
import { describe, expect, it } from "vitest";
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
    expect(menusOf("enterprise")).toEqual({ personal: ["/me", "/cases/mine", "/orgs"], tools: [] });
    expect(menusOf("agency").personal).toEqual(["/me", "/cases/mine", "/orgs", "/agency"]);
    const official = menusOf("official");
    expect(official.personal).toEqual(["/me", "/cases/queue", "/admin/people"]);
    expect(official.tools).toEqual([
      "/cases/queue",
      "/plan",
      "/supervision",
      "/registry",
      "/surveys",
      "/imports",
      "/data-quality",
    ]);
    expect(menusOf("expert")).toEqual({ personal: ["/me", "/cases/assigned"], tools: [] });
    // the three separated administrators: each only their own administration pages
    expect(menusOf("sysadmin")).toEqual({ personal: ["/me", "/admin/users", "/admin/requests"], tools: [] });
    expect(menusOf("secadmin")).toEqual({
      personal: ["/me", "/admin/users", "/admin/requests", "/admin/security"],
      tools: [],
    });
    expect(menusOf("auditadmin")).toEqual({ personal: ["/me", "/admin/audit"], tools: [] });
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
    expect(pageTitleKey("/cases/42", "")).toBe("shell.titles.case");
    expect(pageTitleKey("/admin/users", "")).toBe("admin.nav.users");
    expect(pageTitleKey("/admin", "")).toBe("shell.titles.admin");
    expect(pageTitleKey("/", "")).toBeNull();
  });
});
