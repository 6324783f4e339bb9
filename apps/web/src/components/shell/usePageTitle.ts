import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { matchPath, useLocation } from "react-router-dom";
import { ADMIN_ROUTES } from "../../scenes/admin/adminRoutes";

/**
 * The page's name per route (i18n keys), for the browser tab and history: "<page> · 知产". The first matching
 * pattern wins, so specific paths come before their parameterised neighbours. The home page shows the platform's
 * full name; a path no route answers is the not-found page (shellLinks.test.ts checks every route is listed).
 */
const TITLES: [string, string][] = [
  ["/search", "nav.search"],
  ["/patents/:id", "nav.patent"],
  ["/applicants/compare", "compare.title"], // before :id, which would also match it
  ["/applicants/:id", "nav.applicant"],
  ["/navigation", "modules.navigation.title"],
  ["/navigation/reports/:id", "shell.titles.report"],
  ["/industries", "modules.industry.title"],
  ["/industries/:id", "shell.titles.industry"],
  ["/signin", "nav.signin"],
  ["/register", "shell.register"],
  ["/setup", "shell.titles.setup"],
  ["/me", "shell.links.me"],
  ["/me/watches", "watches.menu"],
  ["/alerts/:id", "watches.alert.title"],
  ["/orgs", "shell.links.orgs"],
  ...ADMIN_ROUTES.map((r): [string, string] => [r.path, r.labelKey]),
  ["/admin/*", "shell.titles.admin"],
  ["/services", "modules.onestop.title"],
  ["/protection", "modules.protection.title"],
  ["/operations", "modules.operations.title"],
  ["/marketplace", "shell.titles.marketplace"],
  ["/valuation", "shell.titles.valuation"],
  ["/valuation/assets", "shell.titles.assetValuation"],
  ["/talent", "modules.talent.title"],
  ["/cases/new/:type", "shell.titles.apply"],
  ["/cases/mine", "shell.links.casesMine"],
  ["/cases/queue", "shell.links.casesQueue"],
  ["/cases/assigned", "shell.links.casesAssigned"],
  ["/cases/:id", "shell.titles.case"],
  ["/plan", "modules.plan.title"],
  ["/registry", "shell.links.registry"],
  ["/matrix", "matrix.title"],
  ["/gi", "gi.title"],
  ["/gi/:id", "gi.title"],
  ["/plan/published", "ipAssets.planPublicTitle"],
  ["/surveys", "shell.links.surveys"],
  ["/statistics/published", "publicStats.title"],
  ["/notices", "publicInfo.title"],
  ["/notices/:id", "publicInfo.title"],
  ["/guides", "publicInfo.guide.title"],
  ["/guides/:caseType", "publicInfo.guide.title"],
  ["/directory", "publicInfo.directory.title"],
  ["/content/manage", "publicInfo.manage.title"],
  ["/directory/manage", "publicInfo.manage.directoryTitle"],
  ["/supervision", "modules.agency.title"],
  ["/supervision/agency", "shell.titles.agencyProfile"],
  ["/supervision/credit/:id", "shell.titles.credit"],
  ["/agency", "shell.links.agency"],
  ["/data-quality", "shell.links.dataQuality"],
  ["/imports", "shell.links.imports"],
  // 咨询, 预约, 好差评 (scenes/servicedesk)
  ["/consult", "serviceDesk.nav.consult"],
  ["/consult/queue", "serviceDesk.nav.queue"],
  ["/consult/q/:token", "serviceDesk.nav.consult"],
  ["/appointments", "serviceDesk.nav.appointments"],
  ["/appointments/manage", "serviceDesk.nav.manage"],
  ["/service-quality", "serviceDesk.nav.quality"],
  // the audit log's earlier address, until its redirect to /admin/audit lands
  ["/audit", "admin.nav.audit"],
];

export function pageTitleKey(pathname: string, search: string): string | null {
  if (pathname === "/search" && new URLSearchParams(search).get("tab") === "stats") return "nav.stats";
  if (pathname === "/") return null;
  const hit = TITLES.find(([pattern]) => matchPath(pattern, pathname));
  return hit ? hit[1] : "errors.notFoundPage";
}

/** Sets document.title for the current route, again whenever the route or the UI language changes. */
export function usePageTitle(): void {
  const { t, i18n } = useTranslation();
  const { pathname, search } = useLocation();
  // i18n.language is a trigger: the title follows a language switch
  useEffect(() => {
    const key = pageTitleKey(pathname, search);
    const page = key ? t(key) : t("app.fullName");
    document.title = `${page} · ${t("app.name")}`;
  }, [pathname, search, i18n.language, t]);
}
