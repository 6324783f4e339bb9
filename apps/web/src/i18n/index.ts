import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { applyDayjsLocale } from "./componentLocales";
import { en } from "./en";
import { pagesEn } from "./pages/en";
import { pagesZh } from "./pages/zh";
import { applyZodLocale } from "./validation";
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
  applyZodLocale(lang);
  document.title = lang === "en" ? `${en.app.name} · ${en.app.fullName}` : `${zh.app.name} · ${zh.app.fullName}`;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* private mode: language just is not remembered */
  }
}

i18n.on("languageChanged", applyLang);

void i18n.use(initReactI18next).init({
  // the pages' catalogues (i18n/pages) sit beside the main ones under their own top-level keys
  resources: { zh: { translation: { ...zh, ...pagesZh } }, en: { translation: { ...en, ...pagesEn } } },
  lng: storedLang(),
  fallbackLng: "zh",
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLang(i18n.language);

export default i18n;
