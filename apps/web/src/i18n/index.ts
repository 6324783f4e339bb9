import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { applyDayjsLocale } from "./componentLocales";
import { en } from "./en";
import { zh } from "./zh";

export type Lang = "zh" | "en";
export const LANG_KEY = "zhichan.lang";

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

function applyLang(lang: string): void {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  applyDayjsLocale(lang);
  document.title = lang === "en" ? `${en.app.name} · ${en.app.fullName}` : `${zh.app.name} · ${zh.app.fullName}`;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* private mode: language just is not remembered */
  }
}

i18n.on("languageChanged", applyLang);

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: "zh",
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLang(i18n.language);

export default i18n;
