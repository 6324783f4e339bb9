import type { ImportRowError } from "@zhichan/shared";
import type { TFunction } from "i18next";
import { fieldLabel, issueText } from "../../i18n/validation";

/**
 * A registry import's problem in the UI's language, from the server's code and parameters (registry.import.ts): a
 * cell that breaks the record's schema is worded as the forms word it (field label + what is wrong).
 */
export function importIssueText(e: ImportRowError, t: TFunction): string {
  if (e.code === "invalid") {
    const p = e.params;
    const num = (v: unknown) => (typeof v === "number" ? v : undefined);
    return issueText(
      {
        code: String(p.issue ?? ""),
        message: typeof p.message === "string" ? p.message : undefined,
        origin: typeof p.origin === "string" ? p.origin : undefined,
        format: typeof p.format === "string" ? p.format : undefined,
        exact: p.exact === true,
        minimum: num(p.minimum),
        maximum: num(p.maximum),
      },
      t,
      importColumnLabel(e, t),
    );
  }
  return t(`registry.importIssues.${e.code}`, e.params);
}

/** The column by the record field it fills, in the UI's language; the file's own header when the field is unknown. */
export function importColumnLabel(e: ImportRowError, t: TFunction): string {
  const label = e.field ? fieldLabel(e.field, t) : "";
  return label && label !== t("validation.thisField") ? label : (e.column ?? "");
}
