import { describe, expect, it } from "vitest";
import { applicantKind, applicantNormKey, nameScript, pickDisplayName, splitApplicants } from "./applicants.js";

describe("splitApplicants", () => {
  it.each([
    ["华为技术有限公司;清华大学", ["华为技术有限公司", "清华大学"]],
    ["华为技术有限公司；清华大学", ["华为技术有限公司", "清华大学"]],
    ["HYUNDAI MOTOR COMPANY | KIA MOTORS CORPORATION", ["HYUNDAI MOTOR COMPANY", "KIA MOTORS CORPORATION"]],
    ["甲公司\n乙大学", ["甲公司", "乙大学"]],
    ["北京大学、清华大学", ["北京大学", "清华大学"]],
    ["张三、李四", ["张三、李四"]], // not safe: no organisation word
    [
      "宁夏回族自治区人民医院(宁夏眼科医院、西北民族大学第一附属医院)",
      ["宁夏回族自治区人民医院(宁夏眼科医院、西北民族大学第一附属医院)"],
    ],
    ["ARGO AI, LLC", ["ARGO AI, LLC"]],
    ["", []],
  ])("%s", (raw, names) => {
    expect(splitApplicants(raw)).toEqual(names);
  });
});

describe("applicantNormKey", () => {
  it.each([
    ["重庆长安汽车股份有限公司", "重庆长安汽车"],
    ["重庆长安汽车股份有限公司 ", "重庆长安汽车"],
    ["中科大数据研究院（郑州）", "中科大数据研究院(郑州)"],
    ["Beijing DiDi Infinity Technology and Development Co., Ltd.", "beijingdidiinfinitytechnologyanddevelopment"],
    ["BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT CO., LTD.", "beijingdidiinfinitytechnologyanddevelopment"],
    ["Beijing Didi Infinity Technology And Development Co Ltd", "beijingdidiinfinitytechnologyanddevelopment"],
    ["Uber Technologies, Inc.", "ubertechnology"],
    ["UBER TECHNOLOGIES INC", "ubertechnology"],
    ["GM Cruise Holdings LLC.", "gmcruiseholdings"],
    ["Ford Global Technologies, LLC", "fordglobaltechnology"],
    ["APTIV TECHNOLOGIES LIMITED", "aptivtechnology"],
    ["Toyota Motor Corp.", "toyotamotor"],
    ["TOYOTA MOTOR CORPORATION", "toyotamotor"],
    ["Ｗａｙｍｏ ＬＬＣ", "waymo"],
  ])("%s → %s", (name, key) => {
    expect(applicantNormKey(name)).toBe(key);
  });
});

const DIDI = "beijingdidiinfinitytechnologyanddevelopment";

describe("applicantNormKey folds the spellings the shipped data has of one company", () => {
  it.each([
    ["BEIJING DIDI INFINITY TECHNOLOGY & DEV CO LTD", DIDI],
    ["BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT C O., LTD.", DIDI],
    ['"BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT CO LTD,CN"', DIDI],
    ["BEIJING DIDI INFINITY TECH AND DEV CO LTD", DIDI],
    ["BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT CO.. LTD.", DIDI],
    ["Beijing Didi Infinity Tech And Development Co", DIDI],
    ["BEIJING DIDI INFINITY TECHNOLOGY AND  DEVELOPMENT CO.,LTD.", DIDI],
    ["UBER TECH INC", "ubertechnology"],
    ["UBER TECHNOLOGIES INC,US", "ubertechnology"],
    ["Uber Tech", "ubertechnology"],
    ["Ford Global Technologies LLC", "fordglobaltechnology"],
    ["Toyota Motor Corp", "toyotamotor"],
    ["北京嘀嘀无限科技发展有限公司", "北京嘀嘀无限科技发展"],
    ["大陆商北京嘀嘀无限科技发展有限公司", "北京嘀嘀无限科技发展"],
    ["华为技术股份有限公司", "华为技术"],
    ["华为技术有限责任公司", "华为技术"],
    ["ベイジン  ディディ  インフィニティ  テクノロジー", "ベイジンディディインフィニティテクノロジー"],
  ])("%s → %s", (name, key) => {
    expect(applicantNormKey(name)).toBe(key);
  });

  it.each([
    ["北京嘀嘀无限科技发展有限公司", "北京滴滴无限科技发展有限公司"], // a different character: a different name
    ["滴滴（中国）科技有限公司", "北京嘀嘀无限科技发展有限公司"],
    ["BEIJING DIDI INFINITY SCIENCE AND TECHNOLOGY LTD", "BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT CO LTD"],
    ["DiDi Research America, LLC", "Beijing DiDi Infinity Technology and Development Co., Ltd."],
    ["Uber Co., Ltd.", "Uber Technologies, Inc."],
    ["Ford Motor Company", "Ford Global Technologies, LLC"],
    ["Toyota Digital Cruise Inc", "Toyota Motor Corp"],
    ["Global Technologies Inc", "Ford Global Technologies Inc"], // sharing generic words is not sameness
    ["福特全球技术公司", "福特环球技术公司"], // two translations: only evidence may link them
    ["有限公司", "股份有限公司"],
  ])("%s ≠ %s", (a, b) => {
    expect(applicantNormKey(a)).not.toBe(applicantNormKey(b));
  });
});

describe("nameScript", () => {
  it.each([
    ["北京嘀嘀无限科技发展有限公司", "han"],
    ["Uber Technologies, Inc.", "latin"],
    ["株式会社ユーバー", "kana"],
    ["トヨタ自動車株式会社", "kana"],
    ["베이징 디디 인피니티", "hangul"],
    ["Бэйцзинь Диди", "cyrillic"],
  ])("%s → %s", (name, script) => {
    expect(nameScript(name)).toBe(script);
  });
});

describe("applicantKind", () => {
  it.each([
    ["郑州大学", "university"],
    ["南阳理工学院", "university"],
    ["Massachusetts Institute of Technology", "institute"],
    ["Stanford University", "university"],
    ["中科大数据研究院", "institute"],
    ["中国科学院自动化研究所", "institute"],
    ["Fraunhofer Institute", "institute"],
    ["重庆长安汽车股份有限公司", "company"],
    ["中国电子科技集团", "company"],
    ["Waymo LLC", "company"],
    ["Robert Bosch GmbH", "company"],
    ["トヨタ自動車株式会社", "company"],
    ["Uber Technologies, Inc.", "company"],
    ["王元卓", "individual"],
    ["欧阳娜娜", "individual"],
    ["司徒健伟", "individual"],
    ["伊姆兰·哈迪斯", "other"],
    ["地震局", "other"],
    ["王", "other"],
    ["国家电网", "other"],
  ])("%s → %s", (name, kind) => {
    expect(applicantKind(name)).toBe(kind);
  });
});

describe("pickDisplayName", () => {
  it("most frequent spelling wins; ties prefer mixed case", () => {
    expect(
      pickDisplayName(
        new Map([
          ["Waymo LLC", 3],
          ["WAYMO LLC", 5],
        ]),
      ),
    ).toBe("WAYMO LLC");
    expect(
      pickDisplayName(
        new Map([
          ["WAYMO LLC", 2],
          ["Waymo LLC", 2],
        ]),
      ),
    ).toBe("Waymo LLC");
  });
});
