import { describe, expect, it } from "vitest";
import { canonicalApplicationNumber, inventionKey } from "./invention-key.js";

describe("canonicalApplicationNumber", () => {
  it.each([
    ["CN202211477164.4", "CN202211477164"],
    ["202211477164.4", "CN202211477164"],
    ["2022114771644", "CN202211477164"],
    ["202211477164", "CN202211477164"],
    ["CN2022114771644", "CN202211477164"],
    ["ZL202211477164.4", "CN202211477164"],
    ["ZL 2022 1 1477164.4", "CN202211477164"],
    ["ＣＮ２０２２１１４７７１６４．４", "CN202211477164"],
    ["CN201210578700.X", "CN201210578700"],
    ["cn201210578700x", "CN201210578700"],
    ["CN00122262.7", "CN00122262"],
    ["001222627", "CN00122262"],
    ["PCT/US2019/066771", "PCTUS201966771"],
    ["WO2019US66771", "PCTUS201966771"],
    ["WO2019US066771", "PCTUS201966771"],
    ["CN2017/079453", "PCTCN201779453"],
    ["US15/886196", "US15886196"],
    ["AU4090/66A", "AU409066A"],
    ["EP19217000.1", "EP192170001"],
    ["", ""],
    ["  ", ""],
  ])("%s → %s", (raw, want) => {
    expect(canonicalApplicationNumber(raw)).toBe(want);
  });

  it("keeps different applications apart", () => {
    expect(canonicalApplicationNumber("CN202211477164.4")).not.toBe(canonicalApplicationNumber("CN202211477165.4"));
    // a 12-digit CN number and an 8-digit one never collide: the lengths differ
    expect(canonicalApplicationNumber("CN00122262.7")).not.toBe(canonicalApplicationNumber("CN000122262"));
  });
});

describe("inventionKey", () => {
  it("takes the application number, then the simple family, then the publication", () => {
    expect(inventionKey({ appNo: "CN202211477164.4", familyId: "F1", pubNo: "CN115907032A" })).toBe(
      "AN:CN202211477164",
    );
    expect(inventionKey({ appNo: null, familyId: " f1 ", pubNo: "CN115907032A" })).toBe("FAM:F1");
    expect(inventionKey({ appNo: "", familyId: null, pubNo: "CN 115907032 A" })).toBe("PN:CN115907032A");
  });

  it("groups the A and B publications of one application however the number is spelt", () => {
    const a = inventionKey({ appNo: "CN202211477164.4", pubNo: "CN115907032A" });
    const b = inventionKey({ appNo: "ZL2022114771644", pubNo: "CN115907032B" });
    expect(a).toBe(b);
  });
});
