import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router-dom";
import { Bi } from "./Bi";
import { LanguageSwitch } from "./LanguageSwitch";

const NAV = [
  { to: "/", key: "nav.home", end: true },
  { to: "/search", key: "nav.search", end: true },
  { to: "/search?tab=stats", key: "nav.stats", end: true },
];

/** Page chrome: skip link, header with navigation and language switch, footer. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
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
            {NAV.map((n) => (
              <NavLink key={n.key} to={n.to} end={n.end} className="app-nav-link">
                <Bi k={n.key} />
              </NavLink>
            ))}
          </nav>
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
