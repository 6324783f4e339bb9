import type { PatentImportField } from "@zhichan/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

const DELIMITERS: Record<string, string> = { ",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe" };

/** Detection codes in words: delimiter, encoding, file kind (unknown codes shown as sent). */
export function useDetectionLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      delimiter: (d: string | null) =>
        d === null
          ? t("imports.detected.delimiters.none")
          : DELIMITERS[d]
            ? t(`imports.detected.delimiters.${DELIMITERS[d]}`)
            : t("imports.detected.delimiters.other", { d }),
      encoding: (e: string) =>
        t(`imports.detected.encodings.${e.toLowerCase().replace(/[^a-z0-9]/g, "")}`, { defaultValue: e.toUpperCase() }),
      kind: (k: string) => t(`imports.detected.kinds.${k}`, { defaultValue: k.toUpperCase() }),
    }),
    [t],
  );
}

/** A canonical field's label in the UI's language, from GET /api/imports/fields (else the shared field words). */
export function useFieldLabel(fields: PatentImportField[] | undefined) {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const byName = new Map((fields ?? []).map((f) => [f.field, f]));
    return (field: string) => {
      const f = byName.get(field);
      if (f) return i18n.language === "en" ? f.en : f.zh;
      return t(`dataQuality.fields.${field}`, { defaultValue: field });
    };
  }, [fields, t, i18n.language]);
}

export const fileSize = (bytes: number) =>
  bytes >= 1048576
    ? `${(bytes / 1048576).toFixed(1)} MB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${bytes} B`;
