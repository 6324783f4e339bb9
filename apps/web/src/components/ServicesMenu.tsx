import { DownOutlined } from "@ant-design/icons";
import { Dropdown } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getSession } from "../api/accounts";
import { PLATFORM_MODULES } from "../scenes/home/modules";
import { Bi } from "./Bi";

/** Officials' data tools, listed only for those holding the permission (the server checks it again). */
const DATA_TOOLS = [
  { key: "imports", to: "/imports", label: "imports.menu" },
  { key: "data-quality", to: "/data-quality", label: "dataQuality.menu" },
] as const;

/**
 * Every built module one click away from any page (search and statistics have their own nav links). The session
 * is asked when the menu opens, not on every page, so sign-in and sign-out show at the next opening.
 */
export function ServicesMenu() {
  const { t } = useTranslation();
  const [canImport, setCanImport] = useState(false);
  const onOpenChange = (open: boolean) => {
    if (!open) return;
    getSession().then(
      (s) => setCanImport(s.stage === "ok" && !!s.user?.permissions.includes("data:import")),
      () => setCanImport(false),
    );
  };
  const items = [
    ...PLATFORM_MODULES.filter((m) => m.to && m.key !== "search" && m.key !== "stats").map((m) => ({
      key: m.key,
      label: <Link to={m.to!}>{t(`modules.${m.key}.title`)}</Link>,
    })),
    ...(canImport
      ? [
          { type: "divider" as const, key: "data-divider" },
          ...DATA_TOOLS.map((d) => ({ key: d.key, label: <Link to={d.to}>{t(d.label)}</Link> })),
        ]
      : []),
  ];
  return (
    <Dropdown menu={{ items }} trigger={["hover", "click"]} onOpenChange={onOpenChange}>
      <button type="button" className="app-nav-link app-nav-button" aria-haspopup="menu">
        <Bi k="nav.services" /> <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
  );
}
