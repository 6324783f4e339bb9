import { ASSET_NUMBER_MESSAGES, NICE_CLASS_ONLY_TRADEMARK, NICE_CLASS_REQUIRED } from "@zhichan/shared";
import i18n, { type TFunction } from "i18next";
import { z } from "zod";
import en from "zod/v4/locales/en.js";
import zhCN from "zod/v4/locales/zh-CN.js";

/**
 * Validation in the user's language. zod's own messages follow the UI language (its zh-CN and en locales), but
 * they are written for developers ("Too small: expected number to be >=1990"), and the shared schemas carry some
 * English words of their own ("six-digit division code"). So every issue — from a client-side safeParse or in a
 * server 400's details — is turned into a sentence from the catalogue: the field's label plus what is wrong.
 */
export function applyZodLocale(lang: string): void {
  z.config(lang === "en" ? en() : zhCN());
}

/** An issue as zod gives it, or as the server passes it on in a 400's details (path as text). */
export interface IssueLike {
  code?: string;
  path?: string | readonly PropertyKey[];
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  exact?: boolean;
  format?: string;
  expected?: string;
}

/** The shared schemas' own words → catalogue keys (validation.domain.*). */
const DOMAIN: Record<string, string> = {
  "six-digit division code": "divisionCode",
  "six digits": "sixDigits",
  "publication number like CN112345678A": "publicationNumber",
  "18-character unified social credit code": "creditCode",
  "mainland mobile number": "mobile",
  "YYYY-MM-DD": "date",
  "日期格式须为 YYYY-MM-DD": "date",
  "3–32 letters, digits, _ . -": "username",
  "IPC such as H01M10/052": "ipc",
  "query is empty": "queryEmpty",
  "give exactly one of q or industryId": "queryOrIndustry",
  "state why you need the full data": "revealReason",
  "a session reference": "sessionRef",
  "at most 500 columns": "columns",
  // each IP type's number (shared ip-assets.ts), whole "中文 · English" messages
  [ASSET_NUMBER_MESSAGES.patent]: "patentNumber",
  [ASSET_NUMBER_MESSAGES.trademark]: "trademarkNumber",
  [ASSET_NUMBER_MESSAGES.copyright]: "copyrightNumber",
  [ASSET_NUMBER_MESSAGES.software_copyright]: "softwareCopyrightNumber",
  [ASSET_NUMBER_MESSAGES.gi]: "giNumber",
  [ASSET_NUMBER_MESSAGES.ic_layout]: "icLayoutNumber",
  "尼斯分类为 1–45 类 · Nice class 1–45": "niceClass",
  [NICE_CLASS_REQUIRED]: "niceClassRequired",
  [NICE_CLASS_ONLY_TRADEMARK]: "niceClassOnlyTrademark",
};

/** The catalogue key of a schema's own message, whole or either half of a "中文 · English" pair. */
function domainKey(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const part = [message, ...message.split(/\s*·\s*/)].find((m) => DOMAIN[m]);
  return part ? DOMAIN[part] : undefined;
}

/** The field an issue is about: the last named segment of its path ("/form/uscc", ["form", "uscc"], "patents.0"). */
export function issueField(issue: IssueLike): string {
  const parts = typeof issue.path === "string" ? issue.path.split(/[/.]/) : (issue.path ?? []).map(String);
  return [...parts].reverse().find((p) => p && !/^\d+$/.test(p)) ?? "";
}

/** The field's label from the catalogue (fields.*), or "this field" when the catalogue does not know it. */
export function fieldLabel(name: string, t: TFunction = i18n.t): string {
  return (name && t(`fields.${name}`, { defaultValue: "" })) || t("validation.thisField");
}

/** One issue as a sentence in the UI language; `label` overrides the catalogue's field label. */
export function issueText(issue: IssueLike, t: TFunction = i18n.t, label?: string): string {
  const domain = domainKey(issue.message);
  if (domain) return t(`validation.domain.${domain}`);
  const field = label ?? fieldLabel(issueField(issue), t);
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case "invalid_type":
      // form values are cleaned before parsing, so a wrong type is a missing value
      return t("validation.required", { field });
    case "too_small":
      if (issue.exact) return t("validation.exactLength", { field, n: min });
      if (issue.origin === "string")
        return min <= 1 ? t("validation.required", { field }) : t("validation.minLength", { field, min });
      if (issue.origin === "array" || issue.origin === "set")
        return min <= 1 ? t("validation.required", { field }) : t("validation.minItems", { field, min });
      return t("validation.min", { field, min });
    case "too_big":
      if (issue.exact) return t("validation.exactLength", { field, n: max });
      if (issue.origin === "string") return t("validation.maxLength", { field, max });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.maxItems", { field, max });
      return t("validation.max", { field, max });
    case "invalid_format":
      return t("validation.format", { field });
    case "invalid_value":
    case "invalid_enum_value":
      return t("validation.choice", { field });
    case "not_multiple_of":
      return t("validation.integer", { field });
    default:
      return t("validation.invalid", { field });
  }
}

/** Issues by field name (the first issue of each field), for a form's per-field messages. */
export function issuesByField(issues: readonly IssueLike[], t: TFunction = i18n.t): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issueField(issue)] ??= issueText(issue, t);
  return out;
}
