import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { STATS_LINK } from "./shellLinks";

type NavKey = "home" | "search" | "stats";

function activeNav(pathname: string, search: string): NavKey | null {
  if (pathname === "/") return "home";
  if (pathname === "/search") return new URLSearchParams(search).get("tab") === "stats" ? "stats" : "search";
  return null;
}

/**
 * Home, search and statistics. On the search page both keep the query, so one can switch between the hits and their
 * statistics; elsewhere statistics chart every patent (STATS_LINK), never an empty page.
 */
export function useMainNav(): { key: NavKey; to: string; label: string; active: boolean }[] {
  const { t } = useTranslation();
  const loc = useLocation();
  const active = activeNav(loc.pathname, loc.search);
  const q = loc.pathname === "/search" ? new URLSearchParams(loc.search).get("q") : null;
  const withQ = q ? `q=${encodeURIComponent(q)}` : "";
  const links: { key: NavKey; to: string }[] = [
    { key: "home", to: "/" },
    { key: "search", to: withQ ? `/search?${withQ}` : "/search" },
    { key: "stats", to: withQ ? `/search?tab=stats&${withQ}` : STATS_LINK },
  ];
  return links.map((l) => ({ ...l, label: t(`nav.${l.key}`), active: active === l.key }));
}

export function MainNav() {
  const nav = useMainNav();
  return (
    <>
      {nav.map((n) => (
        <Link
          key={n.key}
          to={n.to}
          className={`app-nav-link${n.active ? " active" : ""}`}
          aria-current={n.active ? "page" : undefined}
          data-nav={n.key}
        >
          {n.label}
        </Link>
      ))}
    </>
  );
}
