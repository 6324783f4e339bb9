import { describe, expect, it } from "vitest";
import { effectPhrases, mineEffects } from "./effects.js";

const labels = (text: string) => effectPhrases(text).map((p) => `${p.label}|${p.text}`);

describe("effect phrases", () => {
  it("reads Chinese verb + object up to the effect noun", () => {
    expect(labels("本发明可提高生产效率的同时降低了制造成本。")).toEqual([
      "提高效率|提高生产效率",
      "降低成本|降低了制造成本",
    ]);
    expect(labels("一种能提升检测精度的传感器")).toEqual(["提高精度|提升检测精度"]);
    expect(labels("提高系统的稳定性")).toEqual(["提高稳定性|提高系统的稳定性"]);
    expect(labels("减少振动，延长电池寿命")).toEqual(["降低振动|减少振动", "延长寿命|延长电池寿命"]);
  });

  it("finds each verb of a run, not only the first", () => {
    expect(labels("提高效率并降低成本")).toEqual(["提高效率|提高效率", "降低成本|降低成本"]);
  });

  it("leaves out objects that name no effect", () => {
    expect(labels("提高了该装置在运输过程中的适应能力范围")).toEqual([]);
    expect(labels("降低。")).toEqual([]);
  });

  it("reads English forms of improve / reduce / increase", () => {
    expect(labels("The device reduces the manufacturing cost and improves energy efficiency.")).toEqual([
      "reduce cost|reduces the manufacturing cost",
      "improve efficiency|improves energy efficiency",
    ]);
    expect(labels("thereby increasing detection accuracy of the sensor")).toEqual([
      "improve accuracy|increasing detection accuracy",
    ]);
    expect(labels("Reducing power consumption.")).toEqual(["reduce consumption|reducing power consumption"]);
    expect(labels("to improve the user interface")).toEqual([]);
  });
});

describe("mineEffects", () => {
  const docs = [
    { title: "一种提高生产效率的装置", abstract: "可降低成本。" },
    { title: "提高效率的方法", abstract: "提高生产效率，降低制造成本。" },
    { title: "电池", abstract: "降低成本。" },
    { title: "Battery pack", abstract: "It reduces cost." },
    { title: "散热器", abstract: "延长使用寿命。" },
  ];

  it("groups phrases into effects counted once per document, most documents first", () => {
    expect(mineEffects(docs)).toEqual([
      { label: "降低成本", terms: ["降低成本", "降低制造成本"], docs: 3 },
      { label: "提高效率", terms: ["提高生产效率", "提高效率"], docs: 2 },
    ]);
  });

  it("honours minDocs, limit and maxTerms", () => {
    const all = mineEffects(docs, { minDocs: 1 });
    expect(all.map((e) => e.label)).toEqual(["降低成本", "提高效率", "reduce cost", "延长寿命"]);
    expect(mineEffects(docs, { minDocs: 1, limit: 1, maxTerms: 1 })).toEqual([
      { label: "降低成本", terms: ["降低成本"], docs: 3 },
    ]);
  });
});
