import { describe, expect, it } from "vitest";
import { CASE_FORMS } from "./cases.js";
import { ASSET_NUMBER_MESSAGES, isAssetNumber, NICE_CLASS_REQUIRED, parsePledgedNumber } from "./ip-assets.js";

describe("each IP type's own number format", () => {
  const cases: [Parameters<typeof isAssetNumber>[0], string[], string[]][] = [
    [
      "patent",
      ["ZL202110123456.7", "202110123456.7", "CN114000001A", "cn 1140 00001 a", "ZL98123456.X", "CN100395559C"],
      ["4117319", "2021SR0123456", "US1234567B2", "CN11A"],
    ],
    ["trademark", ["41173195", "1234", " 4117 3195 "], ["123456789", "TM41173195", "41173195/5", "商标"]],
    [
      "copyright",
      ["国作登字-2021-F-00012345", "豫作登字-2019-A-00001234", "国作登字—2021—F—00012345"],
      ["2021SR0123456", "国作登字-21-F-123", "作登字-2021-F-00012345"],
    ],
    ["software_copyright", ["2021SR0123456", "2019sr123456"], ["2021SR12345", "SR0123456", "国作登字-2021-F-00012345"]],
    ["gi", ["第646号", "AGI02656", "AGI2019-02-2656", "TM41173195"], ["646", "AGI265", "郑州黄河鲤鱼"]],
    ["ic_layout", ["BS.215012345", "bs.21501234x"], ["BS215012345", "BS.2150123", "ZL202110123456.7"]],
  ];
  for (const [type, good, bad] of cases)
    it(`${type}: accepts its own numbers and refuses others`, () => {
      for (const n of good) expect(isAssetNumber(type, n), n).toBe(true);
      for (const n of bad) expect(isAssetNumber(type, n), n).toBe(false);
    });

  it("reads a pledged trademark's class after a slash and refuses a class outside 1–45", () => {
    expect(parsePledgedNumber("trademark", "41173195/5")).toEqual({ ok: true, number: "41173195", niceClass: 5 });
    expect(parsePledgedNumber("trademark", "41173195")).toEqual({ ok: true, number: "41173195", niceClass: null });
    expect(parsePledgedNumber("trademark", "41173195/46").ok).toBe(false);
    expect(parsePledgedNumber("patent", "4117319")).toEqual({ ok: false, message: ASSET_NUMBER_MESSAGES.patent });
  });
});

describe("case forms check the number against the chosen type", () => {
  const listing = { listingKind: "licence", assetTitle: "郑州黄河鲤鱼", negotiable: true };

  it("a trademark listing needs a valid registration number and a Nice class", () => {
    const ok = CASE_FORMS.ip_listing.safeParse({
      ...listing,
      assetType: "trademark",
      assetNumber: "41173195",
      niceClass: 35,
    });
    expect(ok.success).toBe(true);
    const noClass = CASE_FORMS.ip_listing.safeParse({ ...listing, assetType: "trademark", assetNumber: "41173195" });
    expect(noClass.error?.issues).toEqual([
      expect.objectContaining({ path: ["niceClass"], message: NICE_CLASS_REQUIRED }),
    ]);
    const patentNo = CASE_FORMS.ip_listing.safeParse({
      ...listing,
      assetType: "trademark",
      assetNumber: "ZL202110123456.7",
      niceClass: 35,
    });
    expect(patentNo.error?.issues[0]).toMatchObject({
      path: ["assetNumber"],
      message: ASSET_NUMBER_MESSAGES.trademark,
    });
    const class46 = CASE_FORMS.ip_listing.safeParse({
      ...listing,
      assetType: "trademark",
      assetNumber: "41173195",
      niceClass: 46,
    });
    expect(class46.success).toBe(false);
  });

  it("a pledge names the place of each number that does not fit its type", () => {
    const base = { pledgor: "郑州某公司", bank: "某银行郑州分行", amountYuan: 1_000_000, termMonths: 12 };
    const tm = CASE_FORMS.pledge_financing.safeParse({
      ...base,
      assetType: "trademark",
      assetNumbers: ["41173195/5", "CN114000001A"],
    });
    expect(tm.error?.issues).toEqual([expect.objectContaining({ path: ["assetNumbers", 1] })]);
    const patent = CASE_FORMS.pledge_financing.safeParse({ ...base, assetNumbers: ["CN114000001A"] });
    expect(patent.success && patent.data.assetType).toBe("patent");
  });

  it("a complaint about an IC layout design takes its registration number and no class", () => {
    const c = {
      respondent: "某公司",
      channel: "ecommerce",
      description: "仿制布图设计",
      rightType: "ic_layout",
      rightNumber: "BS.215012345",
    };
    expect(CASE_FORMS.infringement_complaint.safeParse(c).success).toBe(true);
    const withClass = CASE_FORMS.infringement_complaint.safeParse({ ...c, niceClass: 9 });
    expect(withClass.error?.issues[0].path).toEqual(["niceClass"]);
  });
});
