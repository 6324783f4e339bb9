import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/**
 * The server writes its messages as "中文 · English" (AppError convention): the half in the UI's language. A message
 * without the separator is shown as it is.
 */
export function messageInLanguage(message: string, lang: string): string {
  const at = message.indexOf(" · ");
  if (at < 0) return message;
  return lang === "en" ? message.slice(at + 3).trim() : message.slice(0, at).trim();
}

/** Any failure as one sentence in the UI's language: the server's own message, else the code's catalogue text. */
export function useLocalError(): (e: unknown) => string {
  const { t, i18n } = useTranslation();
  return (e) => {
    if (e instanceof ApiError) {
      const own = e.message && e.message !== e.code ? messageInLanguage(e.message, i18n.language) : "";
      return own || t(`errors.${e.code}`, { defaultValue: t("errors.title") });
    }
    return e instanceof Error ? e.message : String(e);
  };
}
