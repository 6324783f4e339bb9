import { describe, expect, it } from "vitest";
import { applicantNormKey } from "./applicants.js";
import { looseNameKey } from "./loose-name-key.js";
import { type SharedRef, suggestMerges } from "./merge-suggestions.js";

describe("looseNameKey", () => {
  it.each([
    ["北京嘀嘀無限科技發展有限公司", "北京嘀嘀无限科技发展有限公司"],
    ["SOCIÉTÉ GÉNÉRALE D'ÉQUIPEMENT SA", "Societe Generale d'Equipement"],
    ["PEKING UNIVERSITY", "Beijing University"],
    ["The Regents of the University of California", "REGENTS UNIVERSITY CALIFORNIA"],
    ["DI-DI (CHINA) TECH CO LTD", "DIDI CHINA TECHNOLOGY CO., LTD."],
    ["株式会社トヨタデジタルクルーズ", "トヨタデジタルクルーズ株式会社"],
  ])("%s ~ %s", (a, b) => {
    expect(looseNameKey(a)).toBe(looseNameKey(b));
    // Only the loose key folds these: the strict key (automatic merges) keeps them apart.
    expect(applicantNormKey(a)).not.toBe(applicantNormKey(b));
  });

  it.each([
    ["北京嘀嘀无限科技发展有限公司", "北京滴滴无限科技发展有限公司"], // a different character is a different name
    ["ACME SCIENCE AND TECHNOLOGY CO", "ACME TECHNOLOGY CO"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(looseNameKey(a)).not.toBe(looseNameKey(b));
  });
});

const patents = (entries: Array<[number, number]>) => new Map(entries);
const ref = (kind: SharedRef["kind"], r: string, applicantId: number, name: string, pubNo: string, appNo: string) => ({
  kind,
  ref: r,
  applicantId,
  name,
  pubNo,
  appNo,
});

describe("suggestMerges", () => {
  it("suggests entities with one loose key, the larger as survivor, with the spellings as evidence", () => {
    const s = suggestMerges({
      aliases: [
        { applicantId: 1, alias: "北京嘀嘀無限科技發展有限公司" },
        { applicantId: 2, alias: "北京嘀嘀无限科技发展有限公司" },
        { applicantId: 3, alias: "北京滴滴无限科技发展有限公司" },
      ],
      refs: [],
      patents: patents([
        [1, 2],
        [2, 9],
        [3, 5],
      ]),
      keepApart: [],
    });
    expect(s).toEqual([
      {
        survivor: 2,
        absorbed: 1,
        reasons: [
          {
            rule: "similar_name",
            evidence: {
              key: looseNameKey("北京嘀嘀无限科技发展有限公司"),
              spellings: ["北京嘀嘀无限科技发展有限公司", "北京嘀嘀無限科技發展有限公司"],
            },
          },
        ],
      },
    ]);
  });

  it("never suggests people of one name, short keys, or pairs kept apart", () => {
    const s = suggestMerges({
      aliases: [
        { applicantId: 1, alias: "張偉" },
        { applicantId: 2, alias: "张伟" },
        { applicantId: 3, alias: "ABC" },
        { applicantId: 4, alias: "A.B.C." },
        { applicantId: 5, alias: "臺灣電力公司" },
        { applicantId: 6, alias: "台湾电力公司" },
      ],
      refs: [],
      patents: new Map(),
      keepApart: [[6, 5]],
    });
    expect(s).toEqual([]);
  });

  it("pairs a Chinese and an English name sharing a priority on different applications, counted", () => {
    const s = suggestMerges({
      aliases: [],
      refs: [
        ref("priority", "US62000001", 1, "ACME ROBOTICS INC", "US2020000001A1", "US16000001"),
        ref("priority", "US62000001", 2, "艾克米机器人公司", "CN111000001A", "CN202010000001.0"),
        ref("priority", "US62000002", 1, "ACME ROBOTICS INC", "US2020000002A1", "US16000002"),
        ref("priority", "US62000002", 2, "艾克米机器人公司", "CN111000002A", "CN202010000002.0"),
        // Same script under one priority: a transfer as often as not — never suggested.
        ref("priority", "US62000003", 1, "ACME ROBOTICS INC", "US2020000003A1", "US16000003"),
        ref("priority", "US62000003", 3, "BETA MOTORS LLC", "US2020000004A1", "US16000004"),
        // Same application: the automatic same_application rule decides those.
        ref("family", "F1", 1, "ACME ROBOTICS INC", "CN111000009A", "CN202010000009.0"),
        ref("family", "F1", 4, "艾克米控股公司", "CN111000009B", "CN202010000009.0"),
      ],
      patents: patents([
        [1, 3],
        [2, 2],
      ]),
      keepApart: [],
    });
    expect(s).toEqual([
      {
        survivor: 1,
        absorbed: 2,
        reasons: [
          {
            rule: "shared_priority",
            evidence: {
              names: ["ACME ROBOTICS INC", "艾克米机器人公司"],
              priorities: ["US62000001: US2020000001A1 / CN111000001A", "US62000002: US2020000002A1 / CN111000002A"],
              count: 2,
            },
          },
        ],
      },
    ]);
  });

  it("skips a reference shared by too many entities (a generic or broken value)", () => {
    const refs = Array.from({ length: 12 }, (_, i) =>
      ref("family", "0", i + 1, i % 2 ? `公司${i}号` : `COMPANY ${i} LTD`, `CN1${i}A`, `CN${i}`),
    );
    expect(suggestMerges({ aliases: [], refs, patents: new Map(), keepApart: [] })).toEqual([]);
  });

  it("counts entities, not publications, against the generic-reference bound", () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      ref("priority", "JP2020001", 1, "デルタ株式会社", `JP${i}A`, `JP${i}`),
    );
    const refs = [...many, ref("priority", "JP2020001", 2, "DELTA KK", "US9A", "US9")];
    expect(
      suggestMerges({ aliases: [], refs, patents: new Map(), keepApart: [] }).map((s) => s.reasons[0].rule),
    ).toEqual(["shared_priority"]);
  });

  it("ranks by evidence count, then by size", () => {
    const s = suggestMerges({
      aliases: [
        { applicantId: 10, alias: "Société Alpha SA" },
        { applicantId: 11, alias: "SOCIETE ALPHA" },
      ],
      refs: [
        ref("family", "F2", 1, "GAMMA CORP", "US1A", "US1"),
        ref("family", "F2", 2, "伽马公司", "CN1A", "CN1"),
        ref("family", "F3", 1, "GAMMA CORP", "US2A", "US2"),
        ref("family", "F3", 2, "伽马公司", "CN2A", "CN2"),
      ],
      patents: patents([
        [10, 50],
        [11, 40],
      ]),
      keepApart: [],
    });
    expect(s.map((x) => [x.survivor, x.absorbed, x.reasons[0].rule])).toEqual([
      [1, 2, "shared_family"],
      [10, 11, "similar_name"],
    ]);
  });
});
