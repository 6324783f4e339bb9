import { describe, expect, it } from "vitest";
import { DivisionIndex, type RegionInput, resolveRegion, shortDivisionName } from "./region.js";

// A slice of the real 2023 division table.
const rows = [
  ["41", "河南省", "province", null],
  ["4101", "郑州市", "city", "41"],
  ["410105", "金水区", "county", "4101"],
  ["410104", "管城回族区", "county", "4101"],
  ["410171", "郑州经济技术开发区", "county", "4101"],
  ["410172", "郑州高新技术产业开发区", "county", "4101"],
  ["410173", "郑州航空港经济综合实验区", "county", "4101"],
  ["410105001", "经八路街道", "township", "410105"],
  ["42", "湖北省", "province", null],
  ["4205", "宜昌市", "city", "42"],
  ["420581", "宜都市", "county", "4205"],
  ["4228", "恩施土家族苗族自治州", "city", "42"],
  ["50", "重庆市", "province", null],
  ["5001", "市辖区", "city", "50"],
  ["500107", "九龙坡区", "county", "5001"],
  ["65", "新疆维吾尔自治区", "province", null],
].map(([code, name, level, parent_code]) => ({ code, name, level, parent_code }) as never);
const index = new DivisionIndex(rows);

describe("shortDivisionName", () => {
  it.each([
    ["湖北省", "湖北"],
    ["宜都市", "宜都"],
    ["恩施土家族苗族自治州", "恩施"],
    ["新疆维吾尔自治区", "新疆"],
    ["管城回族区", "管城"],
    ["宁夏回族自治区", "宁夏"],
  ])("%s → %s", (name, short) => expect(shortDivisionName(name)).toBe(short));
});

describe("resolveRegion", () => {
  it.each<[RegionInput, [string | null, string | null, string | null, string | null]]>([
    [{ province: "湖北", city: "宜昌", district: "宜都市" }, ["42", "4205", "420581", "fields"]],
    [{ province: "湖北省", city: "宜昌市" }, ["42", "4205", null, "fields"]],
    [{ province: "重庆", city: "重庆" }, ["50", "5001", null, "fields"]],
    [{ province: "重庆", city: "重庆", district: "九龙坡区" }, ["50", "5001", "500107", "fields"]],
    [{ province: "河南", city: "郑州", district: "高新区" }, ["41", "4101", "410172", "fields"]],
    [{ province: "江苏 | 重庆", city: "", district: "" }, [null, null, null, null]],
    [{ address: "450000河南省郑州市郑东新区中道东路6号创意岛大厦8层" }, ["41", "4101", "410105", "address"]],
    [{ address: "河南省郑州市金水区花园路" }, ["41", "4101", "410105", "address"]],
    [{ address: "郑州市高新区科学大道" }, ["41", "4101", "410172", "address"]],
    [{ address: "河南省郑州市郑州经济技术开发区第九大街" }, ["41", "4101", "410171", "address"]],
    [{ address: "郑州航空港经济综合实验区新港大道" }, ["41", "4101", "410173", "address"]],
    [{ address: "湖北省宜昌市宜都市陆城" }, ["42", "4205", "420581", "address"]],
    [{ provinceCodeText: "河南(41)" }, ["41", null, null, "province_code"]],
    [{ provinceCodeText: "美国(US)" }, [null, null, null, null]],
    [{}, [null, null, null, null]],
  ])("%j", (input, [p, c, d, basis]) => {
    expect(resolveRegion(input, index)).toEqual({ provinceCode: p, cityCode: c, districtCode: d, basis });
  });
});
