import type { Locale } from "antd/es/locale";
// antd's ES-module locales, not `antd/locale/*`: those are CommonJS (`module.exports = require('../lib/locale/…')`),
// and Vite imports CommonJS into this "type": "module" package the Node way, so their default import is the whole
// `{ __esModule, default }` object — antd does not recognise that as a locale and silently stays in English.
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import dayjs from "dayjs";
// Registers zh-cn with the dayjs instance antd's date pickers use (week days, month names, first day of week).
import "dayjs/locale/zh-cn";

/** antd's own texts (empty tables, modal buttons, date pickers, pagination) in the UI language. */
export function antdLocale(lang: string): Locale {
  return lang === "en" ? enUS : zhCN;
}

/** dayjs formats dates in the UI language too (called on every language change). */
export function applyDayjsLocale(lang: string): void {
  dayjs.locale(lang === "en" ? "en" : "zh-cn");
}
