import type {
  PatentImportCodedIssue,
  PatentImportIssue,
  PatentImportIssueParams,
  PatentImportPlace,
  PatentImportProblem,
} from "@zhichan/shared";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { messageInLanguage } from "../../components/useLocalError";

/** Lists in a parameter (columns, labels) joined as the language joins them. */
function paramWords(params: PatentImportIssueParams, lang: string): Record<string, string | number> {
  const sep = lang === "en" ? ", " : "、";
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(sep) : v]));
}

/**
 * Import issues in the UI's language: each has a code and parameters (the server's English text is only the
 * fallback for an issue recorded before codes existed, or a code this page does not know yet).
 */
export function issueWords(t: TFunction, lang: string) {
  const issue = (i: PatentImportCodedIssue, fallback: string) =>
    t(`imports.issues.${i.code}`, { ...paramWords(i.params, lang), defaultValue: messageInLanguage(fallback, lang) });
  const place = (p: PatentImportPlace | null) =>
    p === null
      ? ""
      : p.row === null
        ? t("imports.issues.placeFile", { file: p.file })
        : t("imports.issues.placeRow", { file: p.file, row: p.row });
  return {
    place,
    /** A preview row's problem, or a file problem (without its place). */
    problem: (p: PatentImportProblem) => (p.code ? issue({ code: p.code, params: p.params }, p.message) : p.message),
    /** A report's issue: its place in a ZIP, then each of the row's issues. */
    rowIssue: (i: PatentImportIssue) => {
      if (!i.issues.length) return messageInLanguage(i.reason, lang);
      const text = i.issues.map((x) => issue(x, i.reason)).join(lang === "en" ? "; " : "；");
      return i.place ? `${place(i.place)}${lang === "en" ? ": " : "："}${text}` : text;
    },
  };
}

export function useIssueWords() {
  const { t, i18n } = useTranslation();
  return useMemo(() => issueWords(t, i18n.language), [t, i18n.language]);
}
