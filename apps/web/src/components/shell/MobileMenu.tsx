import { LogoutOutlined, MenuOutlined } from "@ant-design/icons";
import { Button, Drawer } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { LanguageSwitch } from "../LanguageSwitch";
import { useMainNav } from "./MainNav";
import { allowed, OFFICIAL_LINKS, PERSONAL_LINKS, SERVICE_LINKS, type ShellLink } from "./shellLinks";
import { useRoleText } from "./useRoleText";
import type { SessionState } from "./useSession";

function Section({ title, links }: { title: string; links: ShellLink[] }) {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  return (
    <section className="drawer-section">
      <h2 className="drawer-heading">{title}</h2>
      {links.map((l) => (
        <Link key={l.key} to={l.to} className="drawer-link">
          {t(l.label)}
        </Link>
      ))}
    </section>
  );
}

/** On a phone the whole header — navigation, services, the user's pages, language — folds into one drawer. */
export function MobileMenu({
  session,
  signInTo,
  onSignOut,
}: {
  session: SessionState;
  signInTo: string;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const roleText = useRoleText();
  const nav = useMainNav();
  const loc = useLocation();
  const [open, setOpen] = useState(false);
  // any navigation closes the drawer
  useEffect(() => setOpen(false), [loc.pathname, loc.search]);
  const { user, can } = session;
  return (
    <>
      <button
        type="button"
        className="app-icon-button app-menu-button"
        aria-label={t("shell.menu")}
        aria-expanded={open}
        data-testid="menu-button"
        onClick={() => setOpen(true)}
      >
        <MenuOutlined className="app-icon" />
      </button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        width="min(320px, 86vw)"
        title={t("shell.menu")}
        className="app-drawer"
      >
        {user ? (
          <div className="drawer-user" data-testid="drawer-user">
            <div className="drawer-user-name" data-content>
              {user.displayName}
            </div>
            <div className="drawer-user-roles">{roleText.roles(user.roles)}</div>
          </div>
        ) : (
          <div className="drawer-auth">
            <Button type="primary" block onClick={() => navigate(signInTo)} data-testid="drawer-signin">
              {t("nav.signin")}
            </Button>
            <Button block onClick={() => navigate("/register")}>
              {t("shell.register")}
            </Button>
          </div>
        )}
        <Section title={t("shell.browse")} links={nav.map((n) => ({ key: n.key, to: n.to, label: `nav.${n.key}` }))} />
        <Section title={t("nav.services")} links={SERVICE_LINKS} />
        <Section title={t("shell.officialTools")} links={allowed(OFFICIAL_LINKS, can)} />
        {user && <Section title={t("shell.mine")} links={allowed(PERSONAL_LINKS, can)} />}
        <section className="drawer-section">
          <h2 className="drawer-heading">{t("lang.label")}</h2>
          <LanguageSwitch />
        </section>
        {user && (
          <Button icon={<LogoutOutlined />} block onClick={onSignOut} data-testid="drawer-signout">
            {t("shell.signOut")}
          </Button>
        )}
      </Drawer>
    </>
  );
}
