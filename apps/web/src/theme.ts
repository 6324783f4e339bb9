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
    borderRadius: 4,
  },
};
