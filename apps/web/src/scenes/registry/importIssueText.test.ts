import type { ImportRowError } from "@zhichan/shared";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { pagesEn } from "../../i18n/pages/en";
import { pagesZh } from "../../i18n/pages/zh";
import { zh } from "../../i18n/zh";
import { importColumnLabel, importIssueText } from "./importIssueText";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { zh: { translation: { ...zh, ...pagesZh } }, en: { translation: { ...en, ...pagesEn } } },
  lng: "zh",
  interpolation: { escapeValue: false },
});
const tZh = i18n.getFixedT("zh");
const tEn = i18n.getFixedT("en");
const CJK = /[\u3400-\u9fff]/;

const problem = (p: Partial<ImportRowError>): ImportRowError => ({
  row: 2,
  column: null,
  field: null,
  code: "unreadable",
  params: {},
  message: "",
  ...p,
});

describe("a registry import's problems in the UI's language", () => {
  it("words each code from the catalogue with its parameters", () => {
    const dup = problem({ column: "统一社会信用代码", field: "creditCode", code: "duplicate", params: { row: 4 } });
    expect(importIssueText(dup, tZh)).toBe("与第 4 行重复");
    expect(importIssueText(dup, tEn)).toBe("Duplicate of row 4");
    expect(importIssueText(problem({ code: "out_of_scope" }), tEn)).toBe(
      "Outside your district: you may not import it",
    );
    expect(importIssueText(problem({ code: "too_many_rows", params: { max: 5000 } }), tZh)).toBe(
      "一次最多导入 5000 行",
    );
    for (const code of ["unreadable", "missing_column", "unknown_category", "unknown_org"] as const)
      expect(importIssueText(problem({ code, params: { column: "x", value: "x", code: "x" } }), tEn)).not.toMatch(CJK);
  });

  it("words a cell that breaks the record's schema as the forms do, the column named by its field", () => {
    const bad = problem({
      column: "区县代码",
      field: "districtCode",
      code: "invalid",
      params: { issue: "invalid_format", format: "regex", message: "six-digit division code" },
    });
    expect(importIssueText(bad, tZh)).toBe("请填写六位行政区划代码，如 410105（金水区）");
    expect(importIssueText(bad, tEn)).not.toMatch(CJK);
    const long = problem({
      column: "名称",
      field: "name",
      code: "invalid",
      params: { issue: "too_big", origin: "string", maximum: 200, message: "Too big" },
    });
    expect(importIssueText(long, tZh)).toBe("名称最多 200 个字符");
    expect(importColumnLabel(long, tEn)).toBe("Name");
    expect(importColumnLabel(problem({ column: "奇怪的列", field: "nosuchfield" }), tEn)).toBe("奇怪的列");
  });
});
