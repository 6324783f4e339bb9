import { PATENT_IMPORT_ISSUE_CODES, type PatentImportIssue } from "@zhichan/shared";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { zh } from "../../i18n/zh";
import { issueWords } from "./issueText";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: "zh",
  interpolation: { escapeValue: false },
});
const zhWords = issueWords(i18n.getFixedT("zh"), "zh");
const enWords = issueWords(i18n.getFixedT("en"), "en");

const HAN = /\p{Script=Han}/u;
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** The parameters the server sends with each code (apps/server/src/modules/imports/import-issues.ts). */
const PARAMS: Record<string, string[]> = {
  bad_pub_no: ["value"],
  no_title: ["pubNo"],
  bad_date: ["column", "value"],
  unknown_sei: ["labels"],
  undecodable: ["columns"],
  prs_no_app_no: ["code"],
  prs_bad_date: ["appNo", "code", "value"],
  prs_no_patent: ["appNo", "code"],
  mapping_columns_absent: ["columns"],
};

describe("import issues in the catalogue", () => {
  it.each(PATENT_IMPORT_ISSUE_CODES)(
    "%s has a Chinese and an English sentence with the server's parameters",
    (code) => {
      const zhText = (zh.imports.issues as Record<string, string>)[code];
      const enText = (en.imports.issues as Record<string, string>)[code];
      expect(zhText, `zh imports.issues.${code}`).toMatch(HAN);
      expect(enText, `en imports.issues.${code}`).toBeTruthy();
      expect(enText).not.toMatch(HAN);
      expect(vars(zhText)).toEqual(PARAMS[code] ?? []);
      expect(vars(enText)).toEqual(PARAMS[code] ?? []);
    },
  );

  it("says a row's issues in the UI's language, its ZIP entry first, lists joined as the language joins them", () => {
    const issue: PatentImportIssue = {
      row: 7,
      reason: "d.zip/a.csv row 2: 申请日 'x' is not a date; SEI 'p, q' not in sei_categories",
      severity: "warning",
      place: { file: "d.zip/a.csv", row: 2 },
      issues: [
        { code: "bad_date", params: { column: "申请日", value: "x" } },
        { code: "unknown_sei", params: { labels: ["p", "q"] } },
      ],
    };
    expect(zhWords.rowIssue(issue)).toBe(
      "d.zip/a.csv 第 2 行：申请日“x”不是日期；战略性新兴产业分类“p、q”不在分类表中",
    );
    expect(enWords.rowIssue(issue)).toBe(
      "d.zip/a.csv, row 2: 申请日 'x' is not a date; Industry category 'p, q' is not in the category table",
    );
  });

  it("falls back to the server's text for an issue recorded before codes existed", () => {
    const old: PatentImportIssue = {
      row: 3,
      reason: "no publication number",
      severity: "error",
      place: null,
      issues: [],
    };
    expect(zhWords.rowIssue(old)).toBe("no publication number");
    const problem = { severity: "error" as const, message: "no publication number", code: "no_pub_no", params: {} };
    expect(zhWords.problem(problem)).toBe("没有公开（公告）号");
    expect(enWords.problem(problem)).toBe("No publication number");
  });
});
