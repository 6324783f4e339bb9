import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { zh } from "../../i18n/zh";
import { sourceLabel } from "./sourceLabel";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: "zh",
  interpolation: { escapeValue: false },
});

describe("a record's source in the reader's words", () => {
  it("names the shipped data sets in the UI language and keeps an import's own tag", () => {
    const tZh = i18n.getFixedT("zh");
    expect(sourceLabel("cn_patents_merged", tZh)).toBe("公开专利文献合并数据集（平台随附）");
    expect(sourceLabel("patentics_global_UBER", tZh)).toBe("Patentics 全球专利导出：UBER（平台随附）");
    expect(sourceLabel("incopat-2025w14", tZh)).toBe("incopat-2025w14");
    const tEn = i18n.getFixedT("en");
    expect(sourceLabel("zz_cnipa_sample", tEn)).toBe(
      "CNIPA bibliographic sample, Zhengzhou (shipped with the platform)",
    );
    expect(sourceLabel("cn_patents_merged", tEn)).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
