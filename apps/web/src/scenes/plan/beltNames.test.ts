import { ZONE_NAMES } from "@zhichan/shared";
import { describe, expect, it } from "vitest";
import { codes as en } from "../../i18n/pages/en/codes";
import { beltNames } from "./beltNames";

const words = {
  region: (code: string) => en.region[code as keyof typeof en.region] ?? code,
  zone: (name: string) => en.zone[name as keyof typeof en.zone] ?? name,
};

describe("beltNames", () => {
  it("names a district by its code and a zone without a code by the zone catalogue, none left in Chinese", () => {
    const areas = [
      { name: "荥阳市", code: "410182" },
      { name: "郑东新区", code: null },
    ];
    const names = beltNames(["荥阳市", "郑东新区"], areas, words);
    expect(names).toEqual(["Xingyang", "Zhengdong New District"]);
  });

  it("has an English name for every functional zone the plan may list", () => {
    for (const zone of ZONE_NAMES) expect(words.zone(zone)).not.toMatch(/[\u3400-\u9fff]/);
  });
});
