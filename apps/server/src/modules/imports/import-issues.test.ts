import { PATENT_IMPORT_ISSUE_CODES } from "@zhichan/shared";
import { describe, expect, it } from "vitest";
import { issue, issueText, requestLang, rowReason, storedIssues } from "./import-issues.js";

const SAMPLE = {
  value: "x",
  pubNo: "CN1A",
  column: "申请日",
  labels: ["a", "b"],
  columns: ["c"],
  code: "CF01",
  appNo: "CN1",
};
const HAN = /\p{Script=Han}/u;

describe("import issues: a code with parameters, said in either language", () => {
  it.each(PATENT_IMPORT_ISSUE_CODES)("%s has an English and a Chinese sentence", (code) => {
    const i = issue(code, SAMPLE);
    const en = issueText(i, "en");
    const zh = issueText(i, "zh");
    expect(en).not.toContain(code);
    expect(en).not.toMatch(/undefined/);
    expect(zh).not.toMatch(/undefined/);
    expect(zh).toMatch(HAN);
    expect(zh.replace(/申请日/g, "")).toMatch(HAN);
  });

  it("keeps the English the CLI printed before codes existed, with lists joined per language", () => {
    expect(issueText(issue("no_title", { pubNo: "CN333333333U" }))).toBe("no title (CN333333333U)");
    expect(issueText(issue("bad_date", { column: "application_date", value: "2021-13-45" }))).toBe(
      "application_date '2021-13-45' is not a date",
    );
    expect(issueText(issue("unknown_sei", { labels: ["甲", "乙"] }))).toBe("SEI '甲, 乙' not in sei_categories");
    expect(issueText(issue("unknown_sei", { labels: ["甲", "乙"] }), "zh")).toContain("甲、乙");
  });

  it("puts a ZIP entry and its row first, and stores what it needs to say it again", () => {
    const place = { file: "d.zip/a.csv", row: 3 };
    const issues = [issue("bad_date", { column: "申请日", value: "x" }), issue("unknown_sei", { labels: ["z"] })];
    expect(rowReason(place, issues)).toBe("d.zip/a.csv row 3: 申请日 'x' is not a date; SEI 'z' not in sei_categories");
    expect(rowReason(place, issues, "zh")).toMatch(/^d\.zip\/a\.csv 第 3 行：申请日“x”不是日期；/);
    expect(storedIssues(JSON.stringify({ place, issues }))).toEqual({ place, issues });
    expect(storedIssues(null)).toBeNull();
  });

  it("takes the language from lang, else the most preferred of Accept-Language, else Chinese", () => {
    expect(requestLang("en", "zh-CN")).toBe("en");
    expect(requestLang(undefined, "en-US,en;q=0.9")).toBe("en");
    expect(requestLang(undefined, "en;q=0.3, zh-CN;q=0.8")).toBe("zh");
    expect(requestLang(undefined, "fr-FR")).toBe("zh");
    expect(requestLang(undefined, undefined)).toBe("zh");
  });
});
