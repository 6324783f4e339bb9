import { useTranslation } from "react-i18next";

/**
 * An inline pair, of which the UI's language is shown: Chinese in the Chinese UI, English in the English one.
 * Pages moved to the catalogues (i18n/pages) no longer use it; it stays one-language for those that still do.
 */
export function useText(): (zh: string, en: string) => string {
  const { i18n } = useTranslation();
  return (zh, en) => (i18n.language === "en" ? en : zh);
}

/** The same as useText (kept for callers that named the one-language variant). */
export const useShortText = useText;
