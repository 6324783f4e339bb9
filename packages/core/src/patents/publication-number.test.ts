import { describe, expect, it } from "vitest";
import { parsePublicationNumber } from "./publication-number.js";

describe("parsePublicationNumber", () => {
  it.each([
    ["CN112345678A", "CN112345678A", "CN", "A"],
    [" cn 112345678 a ", "CN112345678A", "CN", "A"],
    ["ＣＮ１１２３４５６７８Ａ", "CN112345678A", "CN", "A"],
    ["US11558566B2", "US11558566B2", "US", "B2"],
    ["WO2017/095614 A1", "WO2017095614A1", "WO", "A1"],
    ["WO2017095614", "WO2017095614", "WO", null],
    ["USD786892", "USD786892", "US", null],
    ["USRE46966E1", "USRE46966E1", "US", "E1"],
    ["TWI630373B", "TWI630373B", "TW", "B"],
    ["HK22201139M001S", "HK22201139M001S", "HK", "S"],
    ["SG11201706620PA", "SG11201706620PA", "SG", "A"],
    ["GB201618084D0", "GB201618084D0", "GB", "D0"],
    ["CN100336683C", "CN100336683C", "CN", "C"],
  ])("%s → %s", (raw, pubNo, country, kind) => {
    expect(parsePublicationNumber(raw)).toEqual({ pubNo, country, kind });
  });

  it.each([[""], [null], ["123456"], ["not a number"], ["CN"]])("rejects %s", (raw) => {
    expect(parsePublicationNumber(raw)).toBeNull();
  });
});
