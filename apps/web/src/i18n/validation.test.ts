import { CASE_FORMS } from "@zhichan/shared";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "../api/client";
import { expectedText, foundText } from "../components/querySyntax";
import { apiErrorText, localMessage } from "./apiErrors";
import { en } from "./en";
import { pagesEn } from "./pages/en";
import { pagesZh } from "./pages/zh";
import { applyZodLocale, issuesByField } from "./validation";
import { zh } from "./zh";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { zh: { translation: { ...zh, ...pagesZh } }, en: { translation: { ...en, ...pagesEn } } },
  lng: "zh",
  interpolation: { escapeValue: false },
});
const tZh = i18n.getFixedT("zh");
const tEn = i18n.getFixedT("en");

function rewardIssues(form: Record<string, unknown>) {
  const r = CASE_FORMS.talent_reward.safeParse(form);
  if (r.success) throw new Error("expected issues");
  return r.error.issues;
}

describe("form validation in the user's language", () => {
  const bad = { category: "nope", personName: "张三", attorneyExamYear: 1989, firstPracticeDistrict: "4101" };

  it("names the field and what is wrong, from the catalogue (zh)", () => {
    const issues = issuesByField(rewardIssues(bad), tZh);
    expect(issues.attorneyExamYear).toBe("代理师考试通过年份不能小于 1990");
    expect(issues.category).toBe("请从选项中选择类别");
    expect(issues.firstPracticeDistrict).toBe("请填写六位行政区划代码，如 410105（金水区）");
  });

  it("and in English (en), never zod's developer wording", () => {
    const issues = issuesByField(rewardIssues(bad), tEn);
    expect(issues.attorneyExamYear).toBe("Attorney exam year: at least 1990");
    expect(issues.category).toBe("Category: choose one of the options");
    expect(issues.firstPracticeDistrict).toMatch(/^Enter a six-digit division code/);
    expect(issuesByField(rewardIssues({ category: "ip_engineer" }), tEn).personName).toBe("Person is required");
  });

  it("switches zod's own messages with the UI language", () => {
    const schema = z.number().min(1990);
    applyZodLocale("zh");
    expect(schema.safeParse(1).error?.issues[0].message).toMatch(/数值过小/);
    applyZodLocale("en");
    expect(schema.safeParse(1).error?.issues[0].message).toMatch(/Too small/);
  });
});

describe("server errors in the user's language", () => {
  it("keeps the half of a 中文 · English message in the UI language", () => {
    expect(localMessage("没有这个已发布的挂牌 · no such published listing", "zh")).toBe("没有这个已发布的挂牌");
    expect(localMessage("没有这个已发布的挂牌 · no such published listing", "en")).toBe("No such published listing");
    expect(localMessage("检索式有误（第 3 个字符处）· Unexpected )", "en")).toBe("Unexpected )");
    expect(localMessage("request body too large", "zh")).toBeNull();
    expect(localMessage("第 3 行：该机构不在本辖区", "en")).toBeNull();
  });

  it("turns a 400's issues into per-field sentences instead of the server's English", () => {
    const e = new ApiError(
      "BAD_REQUEST",
      "invalid request: /orgCode Too small: expected string to have >=18 characters",
      400,
      [
        { path: "/orgCode", code: "too_small", origin: "string", minimum: 18, exact: true, message: "Too small" },
        { path: "/district", code: "invalid_format", format: "regex", message: "six-digit division code" },
      ],
    );
    expect(apiErrorText(e, tZh)).toBe("统一社会信用代码应为 18 个字符；请填写六位行政区划代码，如 410105（金水区）");
    expect(apiErrorText(e, tEn)).toMatch(/^Unified social credit code: exactly 18 characters; Enter a six-digit/);
  });

  it("falls back to what the code means when the message is in the other language", () => {
    expect(apiErrorText(new ApiError("TOO_LARGE", "request body too large", 413), tZh)).toBe(zh.errors.TOO_LARGE);
  });
});

describe("query syntax errors in the user's language", () => {
  it("translates the parser's expected and found tokens", () => {
    expect(expectedText('a search term or ")"', tZh, "zh")).toBe("检索词或右括号“)”");
    expect(expectedText('a search term or ")"', tEn, "en")).toBe('a search term or ")"');
    expect(foundText("end of query", tZh)).toBe("检索式结尾");
    expect(foundText("AND", tZh)).toBe("“AND”");
    expect(expectedText("invention_application, invention_grant, utility_model, design, 发明公布", tZh, "zh")).toBe(
      "专利类型：发明公布、发明授权、实用新型、外观设计",
    );
  });
});
