import { useTranslation } from "react-i18next";
import { apiErrorText, localMessage } from "../i18n/apiErrors";

/**
 * Any failure as one sentence in the UI's language (i18n/apiErrors.ts: the server's "中文 · English" message halved,
 * validation issues in words, else the code's catalogue text).
 */
export function useLocalError(): (e: unknown) => string {
  const { t } = useTranslation();
  return (e) => apiErrorText(e, t);
}

/**
 * A server note (warnings, job messages) in the UI's language: the half of "中文 · English" that fits; a note in
 * one language only is shown as it is (better than hiding what the server found).
 */
export function messageInLanguage(message: string, lang: string): string {
  return localMessage(message, lang) ?? message;
}
