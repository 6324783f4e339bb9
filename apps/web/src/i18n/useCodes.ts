import { useTranslation } from "react-i18next";
import type { codes } from "./pages/zh/codes";

export type CodeGroup = keyof typeof codes;
/** A label the server sends in both languages (case types, states, transitions, credit reasons). */
export interface Bilingual {
  zh: string;
  en: string;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Codes in words, in the UI language: `code("surveyStatus", "open")` → 填报中 / Open. An unknown code is shown as it
 * is rather than hidden (a new value the catalogue has not learnt yet).
 */
export function useCodes() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const code = (group: CodeGroup, value: string | null | undefined): string =>
    value === null || value === undefined || value === "" ? "—" : t(`codes.${group}.${value}`, { defaultValue: value });
  /**
   * A division by name (410105 → 金水区 / Jinshui District). Codes outside the catalogue take the name the server
   * gave (Chinese: only in the Chinese UI) or stay a code.
   */
  const region = (value: string | null | undefined, serverName?: string | null): string => {
    if (!value) return t("common.unknown");
    const fallback = serverName && (!en || !CJK.test(serverName)) ? serverName : value;
    return t(`codes.region.${value}`, { defaultValue: fallback });
  };
  // the server's English labels are written in lower case ("return for changes"); on a button or tag they lead
  const pick = (label: Bilingual | null | undefined): string =>
    label ? (en && label.en ? label.en.charAt(0).toUpperCase() + label.en.slice(1) : label.zh) : "—";
  return { code, region, pick, en, t };
}
