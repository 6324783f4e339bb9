import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { Bi } from "./Bi";
import { LanguageSwitch } from "./LanguageSwitch";
import { ServicesMenu } from "./ServicesMenu";

type NavKey = "home" | "search" | "stats";

function activeNav(pathname: string, search: string): NavKey | null {
  if (pathname === "/") return "home";
  if (pathname === "/search") return new URLSearchParams(search).get("tab") === "stats" ? "stats" : "search";
  return null;
}

/** Page chrome: skip link, header with navigation and language switch, footer. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const loc = useLocation();
  const active = activeNav(loc.pathname, loc.search);
  const q = new URLSearchParams(loc.search).get("q");
  const keep = loc.pathname === "/search" && q ? `&q=${encodeURIComponent(q)}` : "";
  const nav: { key: NavKey; to: string }[] = [
    { key: "home", to: "/" },
    { key: "search", to: `/search${keep ? `?${keep.slice(1)}` : ""}` },
    { key: "stats", to: `/search?tab=stats${keep}` },
  ];
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand" aria-label={t("app.fullName")}>
            <span className="brand-mark" aria-hidden="true">
              知
            </span>
            <span className="brand-text">
              <span className="brand-name">{t("app.name")}</span>
              <span className="brand-full">{t("app.fullName")}</span>
            </span>
          </Link>
          <nav className="app-nav" aria-label="main">
            {nav.map((n) => (
              <Link
                key={n.key}
                to={n.to}
                className={`app-nav-link${active === n.key ? " active" : ""}`}
                aria-current={active === n.key ? "page" : undefined}
              >
                <Bi k={`nav.${n.key}`} />
              </Link>
            ))}
            <ServicesMenu />
          </nav>
          <Link to="/signin" className="app-nav-link app-signin">
            <Bi k="nav.signin" />
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <div>{t("app.footer")}</div>
        <div>{t("app.office")}</div>
      </footer>
    </div>
  );
}
