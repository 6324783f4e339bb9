import type { TFunction } from "i18next";
import { ApiError } from "../../api/client";

const CJK = /[\u3400-\u9fff]/;

/**
 * A failure in the UI's language. The server writes "中文 · English"; the half in the UI's language is kept, and a
 * message only in the other language gives way to what the error code means.
 */
export function errorWords(e: unknown, t: TFunction, lang: string): string {
  const message = e instanceof Error ? e.message : String(e);
  const en = lang === "en";
  const parts = message.split(/\s+·\s+/);
  const mine = parts.find((p) => CJK.test(p) !== en);
  if (mine) return en ? mine.charAt(0).toUpperCase() + mine.slice(1) : mine;
  const code = e instanceof ApiError ? e.code : "INTERNAL";
  return t(`errors.${code}`, { defaultValue: t("errors.title") });
}

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
