import type { PermissionName } from "@zhichan/shared";
import { ADMIN_ROUTES } from "../../scenes/admin/adminRoutes";
import { PLATFORM_MODULES } from "../../scenes/home/modules";

/**
 * Every link the header offers, with what it takes to open it: a menu lists a link only when the page would let
 * the user in (the server checks again). `label` is an i18n key.
 */
export interface ShellLink {
  key: string;
  to: string;
  label: string;
  need?: PermissionName;
}

/**
 * Statistics of all documents: the search page's statistics tab over a query that every patent matches — the home
 * page's statistics entry, so the two never differ.
 */
export const STATS_LINK = PLATFORM_MODULES.find((m) => m.key === "stats")?.to ?? "/search?tab=stats&q=*";

/**
 * The platform's services (全部服务): every built module but search and statistics, which have their own links, and
 * the officials' tools (a module with `need`), which are listed below for those who hold the permission.
 */
export const SERVICE_LINKS: ShellLink[] = [
  ...PLATFORM_MODULES.filter((m) => m.to && m.key !== "search" && m.key !== "stats" && !m.need).map((m) => ({
    key: m.key,
    to: m.to!,
    label: `modules.${m.key}.title`,
  })),
  // public pages of issue #17: the GI register, and the statistics and plan figures officials publish
  { key: "gi", to: "/gi", label: "gi.title" },
  // 咨询 and 预约 (scenes/servicedesk)
  { key: "consult", to: "/consult", label: "serviceDesk.nav.consult" },
  { key: "appointments", to: "/appointments", label: "serviceDesk.nav.appointments" },
  // /statistics/published is the module card publishedStats above (scenes/home/modules.ts)
  { key: "published-plan", to: "/plan/published", label: "ipAssets.planPublicTitle" },
];

/** The officials' tools, listed under the services for those who hold the permission. */
export const OFFICIAL_LINKS: ShellLink[] = [
  { key: "queue", to: "/cases/queue", label: "shell.links.casesQueue", need: "case:read" },
  { key: "plan", to: "/plan", label: "modules.plan.title", need: "dashboard:read" },
  { key: "supervision", to: "/supervision", label: "modules.agency.title", need: "supervision:read" },
  { key: "registry", to: "/registry", label: "shell.links.registry", need: "registry:read" },
  { key: "surveys", to: "/surveys", label: "shell.links.surveys", need: "survey:manage" },
  { key: "content", to: "/content/manage", label: "publicInfo.manage.title", need: "content:publish" },
  { key: "directory", to: "/directory/manage", label: "publicInfo.manage.directoryTitle", need: "registry:write" },
  { key: "consult-queue", to: "/consult/queue", label: "serviceDesk.nav.queue", need: "case:decide" },
  { key: "windows", to: "/appointments/manage", label: "serviceDesk.nav.manage", need: "case:decide" },
  { key: "service-quality", to: "/service-quality", label: "serviceDesk.nav.quality", need: "supervision:read" },
  { key: "imports", to: "/imports", label: "shell.links.imports", need: "data:import" },
  { key: "data-quality", to: "/data-quality", label: "shell.links.dataQuality", need: "data:import" },
];

/** The signed-in user's own pages, in the user menu: "my" work first, then administration. */
export const PERSONAL_LINKS: ShellLink[] = [
  { key: "me", to: "/me", label: "shell.links.me" },
  { key: "watches", to: "/me/watches", label: "watches.menu" },
  { key: "mine", to: "/cases/mine", label: "shell.links.casesMine", need: "case:apply" },
  { key: "queue", to: "/cases/queue", label: "shell.links.casesQueue", need: "case:read" },
  { key: "assigned", to: "/cases/assigned", label: "shell.links.casesAssigned", need: "case:assigned" },
  { key: "orgs", to: "/orgs", label: "shell.links.orgs", need: "org:members" },
  { key: "agency", to: "/agency", label: "shell.links.agency", need: "survey:file" },
  // the administration pages (scenes/admin), each for the administrator (or official) holding its permission
  ...ADMIN_ROUTES.map((r) => ({ key: `admin-${r.key}`, to: r.path, label: r.labelKey, need: r.permission })),
];

export function allowed(links: ShellLink[], can: (p: PermissionName) => boolean): ShellLink[] {
  return links.filter((l) => !l.need || can(l.need));
}
