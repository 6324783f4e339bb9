import type { TFunction } from "i18next";

/** A span of minutes in words: "30 分钟", "1 小时", "8 小时". */
export function durationWords(minutes: number, t: TFunction): string {
  if (minutes === 60) return t("admin.security.hour");
  return minutes % 60 === 0 && minutes > 60
    ? t("admin.security.hours", { n: minutes / 60 })
    : t("admin.security.minutes", { n: minutes });
}

/** A date-time as people write it in the UI's language (local time). */
export function dateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === "en" ? "en-GB" : "zh-CN", { hour12: false });
}
