import { ImportRowError } from "@zhichan/shared";
import { describe, expect, it } from "vitest";
import { type ImportHelpers, parseRegistrySheet } from "./registry.import.js";
import { workbook } from "./registry.test-support.js";

const ORG_HEADER = [
  "名称*",
  "类别*",
  "统一社会信用代码",
  "地址",
  "品牌等级",
  "区县代码",
  "功能区",
  "资质",
  "状态",
  "生效日期",
  "终止日期",
  "备注",
];
const PEOPLE_HEADER = ["姓名*", "类别*", "证书编号", "所属机构统一社会信用代码", "区县代码"];
const everywhere: ImportHelpers = { orgIdByCreditCode: () => null, inScope: () => true };
const org = (name: string, category: string, creditCode = "", district = "410105", qualifications = "") => [
  name,
  category,
  creditCode,
  "",
  "",
  district,
  "",
  qualifications,
  "",
  "",
  "",
  "",
];

/** The server writes every problem with a code and parameters, so the web app can say it in the UI's language. */
describe("registry import problems", () => {
  it("give each row's problem a code, parameters, the field and the file's column header", async () => {
    const file = await workbook(ORG_HEADER, [
      org("郑州甲公司", "不存在的类别"),
      org("郑州乙公司", "企业", "", "410105", "不存在的资质"),
      org("郑州丙公司", "企业", "91410100MA00000001"),
      org("郑州丁公司", "企业", "91410100MA00000001"),
      org("郑州戊公司", "企业", "", "4101"),
    ]);
    const { rows, errors } = await parseRegistrySheet("orgs", file, everywhere);
    for (const e of errors) expect(ImportRowError.safeParse(e).success, JSON.stringify(e)).toBe(true);
    expect(rows.map((r) => r.row)).toEqual([4]);
    expect(errors.map(({ message: _m, ...e }) => e)).toEqual([
      { row: 2, column: "类别", field: "category", code: "unknown_category", params: { value: "不存在的类别" } },
      {
        row: 3,
        column: "资质",
        field: "qualifications",
        code: "unknown_qualification",
        params: { value: "不存在的资质" },
      },
      { row: 5, column: "统一社会信用代码", field: "creditCode", code: "duplicate", params: { row: 4 } },
      {
        row: 6,
        column: "区县代码",
        field: "districtCode",
        code: "invalid",
        params: expect.objectContaining({ issue: expect.any(String), message: expect.any(String) }),
      },
    ]);
    // the bilingual message stays for API clients
    expect(errors[2].message).toBe("与第 4 行重复 · duplicate of row 4");
  });

  it("codes the file's own problems, an unknown organisation and a row outside the district", async () => {
    const unreadable = await parseRegistrySheet("orgs", Buffer.from("not a workbook"), everywhere);
    expect(unreadable.errors).toEqual([expect.objectContaining({ row: 0, code: "unreadable", params: {} })]);

    const noCategory = await workbook(["名称*", "地址"], [["郑州甲公司", ""]]);
    expect((await parseRegistrySheet("orgs", noCategory, everywhere)).errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: "类别",
        field: null,
        code: "missing_column",
        params: { column: "类别" },
      }),
    ]);

    const person = await workbook(PEOPLE_HEADER, [["张三", "专利代理师", "P-1", "91410100MA99999999", "410105"]]);
    expect((await parseRegistrySheet("people", person, everywhere)).errors).toEqual([
      expect.objectContaining({ field: "orgCreditCode", code: "unknown_org", params: { code: "91410100MA99999999" } }),
    ]);

    const elsewhere = await workbook(ORG_HEADER, [org("郑州己公司", "企业")]);
    const outside = await parseRegistrySheet("orgs", elsewhere, { ...everywhere, inScope: () => false });
    expect(outside.errors).toEqual([
      expect.objectContaining({ column: "区县代码", field: "districtCode", code: "out_of_scope", params: {} }),
    ]);
  });

  it("says how many rows a file may have", async () => {
    const big = await workbook(
      ORG_HEADER,
      Array.from({ length: 5001 }, (_, i) => org(`公司${i}`, "企业")),
    );
    expect((await parseRegistrySheet("orgs", big, everywhere)).errors).toEqual([
      expect.objectContaining({ row: 0, code: "too_many_rows", params: { max: 5000 } }),
    ]);
  });
});
