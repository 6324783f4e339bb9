import { Segmented } from "antd";
import { useTranslation } from "react-i18next";

/** 中文 / English; the choice is remembered in localStorage by the i18n module. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <Segmented
      aria-label={t("lang.label")}
      className="lang-switch"
      size="small"
      value={lang}
      options={[
        { label: <span lang="zh-CN">中文</span>, value: "zh" },
        { label: <span lang="en">English</span>, value: "en" },
      ]}
      onChange={(v) => void i18n.changeLanguage(String(v))}
    />
  );
}
