import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/**
 * Words for the codes the data-quality and import pages show: patent fields, region rules, merge rules, run
 * statuses, authorities, vendor layouts. A code the catalogue does not know yet is shown as the server sent it.
 */
export function useDataLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const word = (section: string, code: string) => t(`dataQuality.${section}.${code}`, { defaultValue: code });
    return {
      field: (code: string) => word("fields", code),
      regionRule: (code: string | null) => word("rules", code ?? "unknown"),
      mergeRule: (code: string) =>
        t(`dataQuality.mergeRules.${code}`, { defaultValue: t("dataQuality.mergeRules.unknown") }),
      runStatus: (code: string) => word("runStatuses", code),
      authority: (code: string) => word("authorities", code),
      layout: (code: string | null) => word("layouts", code ?? "none"),
    };
  }, [t]);
}

/** A timestamp as local date and minute (the server sends ISO strings). */
export function localTime(iso: string | null, lang: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === "en" ? "en-GB" : "zh-CN", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
}

export const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.001 ? 2 : 1)}%`;
