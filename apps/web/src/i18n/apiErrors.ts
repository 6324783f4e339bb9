import i18n, { type TFunction } from "i18next";
import { ApiError } from "../api/client";
import { type IssueLike, issueText } from "./validation";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * A server message in one language. The server writes "中文 · English" (either order); the half in the UI's language
 * is kept. A message in the other language only gives null, so the caller shows the catalogue's words instead.
 */
export function localMessage(message: string, lang: string = i18n.language): string | null {
  const text = message.trim();
  if (!text) return null;
  const parts = text.split(/\s*·\s*/);
  for (let i = 1; i < parts.length; i++) {
    const left = parts.slice(0, i).join(" · ");
    const right = parts.slice(i).join(" · ");
    const zhFirst = CJK.test(left) && !CJK.test(right);
    const enFirst = !CJK.test(left) && CJK.test(right);
    if (zhFirst) return lang === "en" ? capitalise(right) : left;
    if (enFirst) return lang === "en" ? capitalise(left) : right;
  }
  const chinese = CJK.test(text);
  return (lang === "en") === !chinese ? text : null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Validation issues a 400 carries: `details` itself (request schema) or `details.issues` (case forms). */
export function issuesOf(details: unknown): IssueLike[] {
  const list = Array.isArray(details) ? details : (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(list) ? list.filter((i): i is IssueLike => typeof i === "object" && i !== null) : [];
}

/**
 * Any failure as one sentence in the UI language: validation issues field by field, the server's message in the
 * user's language when it has one, otherwise what the error code means.
 */
export function apiErrorText(e: unknown, t: TFunction = i18n.t): string {
  if (e instanceof ApiError) {
    if (e.code === "HTTPS_REQUIRED") return t("common.httpsRequired");
    const issues = issuesOf(e.details);
    if (e.code === "BAD_REQUEST" && issues.length)
      return issues.map((i) => issueText(i, t)).join(t("common.sentenceSep"));
    return localMessage(e.message) ?? t(`errors.${e.code}`, { defaultValue: t("errors.title") });
  }
  const message = e instanceof Error ? e.message : String(e);
  return localMessage(message) ?? t("errors.INTERNAL");
}
