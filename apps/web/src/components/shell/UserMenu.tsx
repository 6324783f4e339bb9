import { DownOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import type { SessionUser } from "@zhichan/shared";
import { Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { allowed, PERSONAL_LINKS } from "./shellLinks";
import { useRoleText } from "./useRoleText";
import type { SessionState } from "./useSession";

/** The signed-in user's name and role(s) in words; the menu holds their own pages and signing out. */
export function UserMenu({
  user,
  can,
  onSignOut,
}: {
  user: SessionUser;
  can: SessionState["can"];
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const roleText = useRoleText();
  const items: MenuProps["items"] = [
    ...allowed(PERSONAL_LINKS, can).map((l) => ({ key: l.key, label: <Link to={l.to}>{t(l.label)}</Link> })),
    { type: "divider" as const, key: "divider" },
    { key: "signout", icon: <LogoutOutlined />, label: t("shell.signOut"), onClick: onSignOut },
  ];
  return (
    <Dropdown menu={{ items }} trigger={["click"]} placement="bottomRight">
      <button type="button" className="app-user" data-testid="user-menu" aria-haspopup="menu">
        <UserOutlined className="app-icon" aria-hidden="true" />
        <span className="app-user-text">
          {/* the name is the person's own (data), never translated: the language journey skips data-content */}
          <span className="app-user-name" data-testid="user-name" data-content>
            {user.displayName}
          </span>
          <span className="app-user-roles" data-testid="user-roles">
            {roleText.roles(user.roles)}
          </span>
        </span>
        <DownOutlined style={{ fontSize: 10 }} aria-hidden="true" />
      </button>
    </Dropdown>
  );
}
