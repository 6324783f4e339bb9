import { describe, expect, it } from "vitest";
import { agencyInCity, type CityProfile } from "./agency-city.js";

const zhengzhou: CityProfile = {
  name: "郑州市",
  provinceCode: "41",
  divisionNames: ["中原区", "二七区", "金水区", "新郑市", "中牟县", "郑州高新技术产业开发区"],
};

describe("agencies of the city", () => {
  it("offers agencies whose name leads with the city or holds one of its districts' full names", () => {
    expect(agencyInCity({ name: "郑州明华专利代理事务所（普通合伙）" }, zhengzhou)).toBe("name");
    expect(agencyInCity({ name: "新郑市某知识产权代理有限公司" }, zhengzhou)).toBe("name");
  });

  it("does not offer another city's agency (the shipped data's Chongqing agency), nor one named by a bare stem", () => {
    expect(agencyInCity({ name: "重庆中之信知识产权代理事务所(普通合伙)" }, zhengzhou)).toBeNull();
    expect(agencyInCity({ name: "中原信达知识产权代理有限责任公司" }, zhengzhou)).toBeNull();
    expect(agencyInCity({ name: "北京开阳星知识产权代理有限公司" }, zhengzhou)).toBeNull();
  });

  it("lets an agency code of another province rule the agency out, and a listed prefix rule it in", () => {
    expect(agencyInCity({ name: "郑州某专利代理事务所", code: "50212" }, zhengzhou)).toBeNull();
    expect(agencyInCity({ name: "河南某专利代理有限公司", code: "41111" }, zhengzhou)).toBeNull();
    expect(
      agencyInCity({ name: "河南某专利代理有限公司", code: "41111" }, { ...zhengzhou, agencyCodePrefixes: ["411"] }),
    ).toBe("code");
  });

  it("takes an address in the city when the source gives one", () => {
    expect(agencyInCity({ name: "河南某专利代理有限公司", address: "河南省郑州市金水区花园路" }, zhengzhou)).toBe(
      "address",
    );
    expect(agencyInCity({ name: "河南某专利代理有限公司", address: "河南省洛阳市涧西区" }, zhengzhou)).toBeNull();
  });
});
