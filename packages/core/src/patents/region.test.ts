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
  ["4113", "南阳市", "city", "41"],
  ["410184", "新郑市", "county", "4101"],
  ["410122", "中牟县", "county", "4101"],
  ["11", "北京市", "province", null],
  ["1101", "市辖区", "city", "11"],
  ["110112", "通州区", "county", "1101"],
  ["110105", "朝阳区", "county", "1101"],
  ["21", "辽宁省", "province", null],
  ["2113", "朝阳市", "city", "21"],
  ["32", "江苏省", "province", null],
  ["3201", "南京市", "city", "32"],
  ["320106", "鼓楼区", "county", "3201"],
  ["3206", "南通市", "city", "32"],
  ["320612", "通州区", "county", "3206"],
  ["35", "福建省", "province", null],
  ["3501", "福州市", "city", "35"],
  ["350102", "鼓楼区", "county", "3501"],
  ["44", "广东省", "province", null],
  ["4420", "中山市", "city", "44"],
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
    [{ province: "江苏 | 重庆", city: "", district: "" }, ["32", null, null, "fields"]], // the first value only
    [{ address: "450000河南省郑州市郑东新区中道东路6号创意岛大厦8层" }, ["41", "4101", "410105", "address"]],
    [{ address: "河南省郑州市金水区花园路" }, ["41", "4101", "410105", "address"]],
    [{ address: "郑州市高新区科学大道" }, ["41", "4101", "410172", "address"]],
    [{ address: "河南省郑州市郑州经济技术开发区第九大街" }, ["41", "4101", "410171", "address"]],
    [{ address: "郑州航空港经济综合实验区新港大道" }, ["41", "4101", "410173", "address"]],
    [{ address: "湖北省宜昌市宜都市陆城" }, ["42", "4205", "420581", "address"]],
    [{ provinceCodeText: "河南(41)" }, ["41", null, null, "cnipa_code"]],
    [{ divisionCode: "410105" }, ["41", "4101", "410105", "cnipa_code"]],
    // CNIPA code first; the address refines it (same province) and names the rule that gave the final codes.
    [{ provinceCodeText: "河南(41)", address: "河南省郑州市金水区花园路" }, ["41", "4101", "410105", "address"]],
    // …but cannot contradict it.
    [{ provinceCodeText: "河南(41)", address: "湖北省宜昌市宜都市陆城" }, ["41", null, null, "cnipa_code"]],
    [{ province: "河南", applicantName: "郑州大学" }, ["41", "4101", null, "org_name"]],
    [{ province: "湖北", applicantName: "郑州大学" }, ["42", null, null, "fields"]],
    [{ provinceCodeText: "美国(US)" }, [null, null, null, null]],
    [{}, [null, null, null, null]],
  ])("%j", (input, [p, c, d, basis]) => {
    expect(resolveRegion(input, index)).toEqual({ provinceCode: p, cityCode: c, districtCode: d, basis });
  });
});

describe("resolveRegion from an organisation's name (rule org_name)", () => {
  const org = (applicantName: string) => resolveRegion({ applicantName }, index);
  it.each<[string, [string | null, string | null, string | null]]>([
    ["郑州大学", ["41", "4101", null]],
    ["河南省科技发展有限公司", ["41", null, null]],
    ["国网河南省电力公司", ["41", null, null]],
    ["河南省郑州市金水区某某有限公司", ["41", "4101", "410105"]],
    ["郑州市中牟县农业科技有限公司", ["41", "4101", "410122"]],
    ["新郑市华信电子有限公司", ["41", "4101", "410184"]],
    ["中科大数据研究院(郑州)", ["41", "4101", null]],
    ["中科大数据研究院（郑州）", ["41", "4101", null]],
    ["南阳理工学院", ["41", "4113", null]],
    ["北京嘀嘀无限科技发展有限公司", ["11", "1101", null]],
    ["江苏省南通市通州区某某厂", ["32", "3206", "320612"]],
    ["北京市通州区某某公司", ["11", "1101", "110112"]],
  ])("%s → %j", (name, [p, c, d]) => {
    expect(org(name)).toEqual({ provinceCode: p, cityCode: c, districtCode: d, basis: "org_name" });
  });

  it.each([
    "中原工学院", // no division named
    "通州区某某有限公司", // 通州区: Beijing and Nantong — ambiguous without a province or city
    "鼓楼区科技有限公司", // Nanjing and Fuzhou
    "朝阳科技有限公司", // 朝阳市 (Liaoning) and 北京 朝阳区: a short name shared with a county elsewhere
    "中山大学", // a stoplisted short name: the university is in Guangzhou
    "华为技术有限公司",
  ])("%s → none", (name) => {
    expect(org(name).basis).toBeNull();
  });
});
