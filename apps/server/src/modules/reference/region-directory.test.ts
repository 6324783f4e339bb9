import { describe, expect, it } from "vitest";
import { RegionDirectory } from "./region-directory.js";

const dir = new RegionDirectory([
  { code: "11", name: "北京市", level: "province", parent_code: null },
  { code: "1101", name: "市辖区", level: "city", parent_code: "11" },
  { code: "110105", name: "朝阳区", level: "county", parent_code: "1101" },
  { code: "22", name: "吉林省", level: "province", parent_code: null },
  { code: "2201", name: "长春市", level: "city", parent_code: "22" },
  { code: "220104", name: "朝阳区", level: "county", parent_code: "2201" },
  { code: "41", name: "河南省", level: "province", parent_code: null },
  { code: "4101", name: "郑州市", level: "city", parent_code: "41" },
  { code: "410172", name: "郑州高新技术产业开发区", level: "county", parent_code: "4101" },
]);

describe("RegionDirectory", () => {
  it("names a municipality's placeholder city row after the municipality", () => {
    expect(dir.name("1101")).toBe("北京市");
    expect(dir.name("2201")).toBe("长春市");
  });

  it("resolves names with or without their suffix, every division of a shared name, and zone nicknames", () => {
    expect(dir.resolve("郑州")).toEqual(["4101"]);
    expect(dir.resolve("河南省")).toEqual(["41"]);
    expect(dir.resolve("朝阳区").sort()).toEqual(["110105", "220104"]);
    expect(dir.resolve("高新区")).toEqual(["410172"]);
    expect(dir.resolve("市辖区")).toEqual([]);
    expect(dir.resolve("410105")).toEqual(["410105"]);
  });

  it("knows no code for 郑东新区, which has none", () => {
    expect(dir.resolve("郑东新区")).toEqual([]);
  });
});
