import { describe, expect, it } from "vitest";
import { BilingualDictionary } from "./bilingual-dictionary.js";
import { type CrossLanguageDeps, candidatesFor, crossLanguageExpansions, singular } from "./cross-language.js";

// A few lines in the shipped file's layout (headwords, then the English index), copied from CC-CEDICT's entries.
const TSV = [
  "zh\ten",
  "殴打\tbeat up|come to blows|battery",
  "激光雷达\tlidar",
  "炮台\tfort|battery|gun emplacement",
  "电池\tbattery|electric cell",
  "电瓶\taccumulator|battery",
  "",
  "en\tline\trank",
  "accumulator\t4\t0",
  "battery\t3\t0",
  "battery\t2\t1",
  "battery\t4\t1",
  "battery\t0\t2",
  "beat up\t0\t0",
  "come to blows\t0\t1",
  "electric cell\t3\t1",
  "fort\t2\t0",
  "gun emplacement\t2\t2",
  "lidar\t1\t0",
  "",
].join("\n");

const dict = BilingualDictionary.fromTsv(TSV);
const deps = (over: Partial<CrossLanguageDeps> = {}): CrossLanguageDeps => ({
  dictionary: () => dict,
  inIpcTitles: (zh) => zh === "电瓶",
  hits: () => 1,
  ...over,
});

describe("cross-language words", () => {
  it("reads both tables and refuses a file out of order", () => {
    expect(dict.toEnglish("电池")).toEqual(["battery", "electric cell"]);
    expect(dict.toChinese("battery").map((c) => c.zh)).toEqual(["电池", "炮台", "电瓶", "殴打"]);
    expect(() => BilingualDictionary.fromTsv(TSV.replace("殴打\t", "龟\t"))).toThrow(/order/);
  });

  it("keeps first senses, and the second of two senses when the IPC titles use the word", () => {
    expect(candidatesFor("battery", deps())).toEqual(["电瓶", "电池"]);
    // 炮台 "fort; battery; gun emplacement": a second of three senses, kept out even as IPC vocabulary
    expect(candidatesFor("battery", deps({ inIpcTitles: (zh) => zh === "炮台" }))).toEqual(["电池"]);
    expect(candidatesFor("battery", deps({ inIpcTitles: () => false }))).toEqual(["电池"]);
    expect(candidatesFor("batteries", deps())).toEqual(["电瓶", "电池"]);
    expect(candidatesFor("电池", deps())).toEqual(["battery", "electric cell"]);
    expect(singular("glass")).toBeNull();
  });

  it("leaves out removed words, words without hits and the query's own words", () => {
    const out = crossLanguageExpansions(
      ["battery", "lidar"],
      ["电瓶"],
      deps({ hits: (w) => (w === "激光雷达" ? 0 : 5) }),
    );
    expect(out).toEqual([{ word: "battery", added: ["电池"] }]);
    expect(crossLanguageExpansions(["battery", "电池"], [], deps())).toEqual([
      { word: "battery", added: ["电瓶"] },
      { word: "电池", added: ["electric cell"] },
    ]);
  });
});
