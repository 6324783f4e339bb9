import type { ThemeConfig } from "antd";

/** System fonts only (no web fonts): CJK first so Chinese never falls back to a glyph-less face. */
export const FONT_STACK = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Segoe UI", Roboto, sans-serif';

/** Government-blue palette; text colours chosen for at least 4.5:1 contrast on white. */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: "#0b4f9c",
    colorLink: "#0b4f9c",
    colorText: "#1f2328",
    colorTextSecondary: "#4a5160",
    colorTextDescription: "#4a5160",
    // antd's #ff4d4f (danger buttons, error text) is 3.3:1 on white; red-7 is 5.1:1
    colorError: "#cf1322",
    // antd's 45% and 25% greys (labels, empty states, placeholders, disabled values) fall under 4.5:1
    colorTextTertiary: "#5f6470",
    colorTextQuaternary: "#666b77",
    // tag text on its own light background: the 7th shade of these palettes falls under 4.5:1 (axe-core)
    cyan7: "#006d75",
    green7: "#237804",
    orange7: "#ad4e00",
    yellow7: "#876800",
    volcano7: "#ad2102",
    lime7: "#3f6600",
    gold7: "#874d00",
    borderRadius: 4,
  },
};
