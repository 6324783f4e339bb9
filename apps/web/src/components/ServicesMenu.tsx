import { DownOutlined } from "@ant-design/icons";
import { Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { allowed, OFFICIAL_LINKS, SERVICE_LINKS } from "./shell/shellLinks";
import { useSession } from "./shell/useSession";

/**
 * Every built module one click away from any page (search and statistics have their own nav links), and for
 * officials their tools — only those their permissions open (the server checks again).
 */
export function ServicesMenu() {
  const { t } = useTranslation();
  const { can } = useSession();
  const tools = allowed(OFFICIAL_LINKS, can);
  const items: MenuProps["items"] = [
    ...SERVICE_LINKS.map((l) => ({ key: l.key, label: <Link to={l.to}>{t(l.label)}</Link> })),
    ...(tools.length
      ? [
          { type: "divider" as const, key: "tools-divider" },
          {
            type: "group" as const,
            key: "tools",
            label: t("shell.officialTools"),
            children: tools.map((l) => ({ key: `tool-${l.key}`, label: <Link to={l.to}>{t(l.label)}</Link> })),
          },
        ]
      : []),
  ];
  return (
    <Dropdown menu={{ items }} trigger={["hover", "click"]}>
      <button type="button" className="app-nav-link app-nav-button" aria-haspopup="menu" data-nav="services">
        {t("nav.services")} <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
  );
}
