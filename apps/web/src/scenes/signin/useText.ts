import { useTranslation } from "react-i18next";

/** Chinese with English beside it, or English only in the English UI (these pages keep their own strings). */
export function useText(): (zh: string, en: string) => string {
  const { i18n } = useTranslation();
  return (zh, en) => (i18n.language === "en" ? en : `${zh} · ${en}`);
}

/** One of the two languages only, for labels where both would crowd. */
export function useShortText(): (zh: string, en: string) => string {
  const { i18n } = useTranslation();
  return (zh, en) => (i18n.language === "en" ? en : zh);
}
