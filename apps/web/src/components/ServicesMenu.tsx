import { DownOutlined } from "@ant-design/icons";
import { Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PLATFORM_MODULES } from "../scenes/home/modules";
import { Bi } from "./Bi";

/** Every built module one click away from any page (search and statistics have their own nav links). */
export function ServicesMenu() {
  const { t } = useTranslation();
  const items = PLATFORM_MODULES.filter((m) => m.to && m.key !== "search" && m.key !== "stats").map((m) => ({
    key: m.key,
    label: <Link to={m.to!}>{t(`modules.${m.key}.title`)}</Link>,
  }));
  return (
    <Dropdown menu={{ items }} trigger={["hover", "click"]}>
      <button type="button" className="app-nav-link app-nav-button" aria-haspopup="menu">
        <Bi k="nav.services" /> <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
  );
}
