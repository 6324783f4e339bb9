import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { signOut } from "../api/accounts";
import { LanguageSwitch } from "./LanguageSwitch";
import { ServicesMenu } from "./ServicesMenu";
import { MainNav } from "./shell/MainNav";
import { MobileMenu } from "./shell/MobileMenu";
import { NotificationBell } from "./shell/NotificationBell";
import { UserMenu } from "./shell/UserMenu";
import { usePageTitle } from "./shell/usePageTitle";
import { useSession } from "./shell/useSession";
import "./shell/shell.css";

/** Pages after which signing in should not come back to them. */
const NO_RETURN = new Set(["/", "/signin", "/register", "/setup"]);

/**
 * Page chrome: skip link; a header with navigation, services, and either sign-in/registration or the signed-in
 * user (name, roles, notifications, their pages, sign-out); on a phone one menu button opens all of it in a
 * drawer; the footer. Sets the page title per route.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const loc = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  usePageTitle();
  const { user, can } = session;
  // case notifications reach those who apply, decide or are assigned; administrators have none
  const hasCases = can("case:apply") || can("case:read") || can("case:assigned");
  const here = loc.pathname + loc.search;
  const signInTo = NO_RETURN.has(loc.pathname) ? "/signin" : `/signin?next=${encodeURIComponent(here)}`;
  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    navigate("/");
  };
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              知
            </span>
            <span className="brand-text">
              <span className="brand-name">{t("app.name")}</span>
              <span className="brand-full">{t("app.fullName")}</span>
            </span>
          </Link>
          <nav className="app-nav shell-wide" aria-label={t("shell.mainNav")}>
            <MainNav />
            <ServicesMenu />
          </nav>
          <div className="app-header-end">
            {user && hasCases && <NotificationBell />}
            {user ? (
              <span className="shell-wide">
                <UserMenu user={user} can={can} onSignOut={onSignOut} />
              </span>
            ) : (
              session.session !== undefined && (
                <span className="shell-wide app-auth-links">
                  <Link to={signInTo} className="app-nav-link" data-testid="signin-link">
                    {t("nav.signin")}
                  </Link>
                  <Link to="/register" className="app-nav-link app-register">
                    {t("shell.register")}
                  </Link>
                </span>
              )
            )}
            <span className="shell-wide">
              <LanguageSwitch />
            </span>
            <span className="shell-narrow">
              <MobileMenu session={session} signInTo={signInTo} onSignOut={onSignOut} />
            </span>
          </div>
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
