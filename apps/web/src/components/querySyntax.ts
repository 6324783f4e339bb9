import type { TFunction } from "i18next";
import { QUERY_FIELDS } from "../scenes/search/queryFields";

/** The parser's English "expected" tokens (packages/core search/query) → querySyntax.* catalogue keys. */
const EXPECTED: Record<string, string> = {
  "an operator or a term": "operatorOrTerm",
  "a flatter query": "flatter",
  "a word or phrase": "wordOrPhrase",
  "a word or phrase in the same field": "wordOrPhraseSameField",
  "AND or OR": "andOr",
  "a search term": "term",
  'a search term or ")"': "termOrClose",
  ")": "close",
  "=": "equals",
  "a value": "value",
  "a date like 2020, 2020-05, 2020-05-01 or 2020..2022": "date",
  "a code like 1 or 1.2": "seiCode",
  "an IPC code like H01M or H01M10/0525": "ipc",
  "a publication number": "publicationNumber",
  "an application number": "applicationNumber",
  "a division code like 41, 4101 or 410105": "regionCode",
  "a region name or division code": "region",
  "one word before *": "oneWord",
  "letters, digits or Chinese characters": "searchable",
  '"': "quote",
};
const TYPE_VALUES = ["invention_application", "invention_grant", "utility_model", "design"];
const STATUS_VALUES = [
  "valid",
  "pending",
  "lapsed",
  "rejected",
  "withdrawn",
  "invalidated",
  "pct_pending",
  "pct_expired",
];

/** What the parser expected, in the UI language; value lists in the words a query may use in that language. */
export function expectedText(expected: string, t: TFunction, lang: string): string {
  const key = EXPECTED[expected];
  if (key) return t(`querySyntax.${key}`);
  const sep = t("common.listSep");
  // the Chinese words are query values too (TYPE=实用新型), so each UI lists the values in its own words
  const words = (group: string, values: string[]) =>
    values.map((v) => (lang === "en" ? v : t(`${group}.${v}`))).join(sep);
  if (expected.startsWith("invention_application"))
    return t("querySyntax.types", { list: words("types", TYPE_VALUES) });
  if (expected.startsWith("valid,")) return t("querySyntax.statuses", { list: words("statuses", STATUS_VALUES) });
  if (expected.startsWith("TI,")) return t("querySyntax.fields", { list: QUERY_FIELDS.join(sep) });
  return t("querySyntax.other");
}

/** What the parser found: the user's own text quoted, or "the end of the query". */
export function foundText(found: string, t: TFunction): string {
  return !found || found === "end of query" ? t("errors.endOfQuery") : t("querySyntax.found", { text: found });
}
