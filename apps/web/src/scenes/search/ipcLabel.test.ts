import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ipcNodeLabel, shortIpcTitle } from "./ipcLabel";

describe("IPC picker labels", () => {
  it("drop references and version marks from the scheme's titles", () => {
    expect(shortIpcTitle("电极〔2〕")).toBe("电极");
    expect(shortIpcTitle("混合电池；及其制造(混合电容器入H01G11/00) 〔2〕")).toBe("混合电池；及其制造");
    expect(shortIpcTitle("手动工具（草坪修整机入A01G3/06）")).toBe("手动工具");
  });
  it("speak one language: Chinese titles in Chinese, English section names or the code alone in English", () => {
    const t = ((k: string) => (k === "searchUi.ipcSections.H" ? "Electricity" : k)) as unknown as TFunction;
    expect(ipcNodeLabel({ code: "H", level: "section", titleZh: "电学" }, "zh", t)).toBe("H 电学");
    expect(ipcNodeLabel({ code: "H", level: "section", titleZh: "电学" }, "en", t)).toBe("H Electricity");
    expect(ipcNodeLabel({ code: "H01M4/00", level: "maingroup", titleZh: "电极〔2〕" }, "en", t)).toBe("H01M4/00");
  });
});
