import { describe, expect, it } from "vitest";
import type { GeoCollection } from "../../api/geo";
import { cityFeatureId, districtFeatureId, splitRegions } from "./regionData";

const geo = (ids: [string, string][]): GeoCollection => ({
  type: "FeatureCollection",
  features: ids.map(([id, name]) => ({ type: "Feature", id, properties: { name }, geometry: null })),
});

describe("splitRegions", () => {
  it("maps 4-digit city codes to 6-digit feature ids, Jiyuan included", () => {
    const g = geo([
      ["410100", "郑州市"],
      ["419001", "济源市"],
      ["410300", "洛阳市"],
    ]);
    const r = splitRegions(
      g,
      [
        { value: "4101", label: "郑州市", count: 5 },
        { value: "4190", label: "济源市", count: 2 },
        { value: "5001", label: "重庆", count: 9 },
      ],
      "41",
      cityFeatureId,
    );
    expect(r.mapped).toEqual([
      { name: "郑州市", value: 5 },
      { name: "济源市", value: 2 },
      { name: "洛阳市", value: 0 },
    ]);
    expect(r.unmapped).toEqual([]);
  });
  it("ranks Zhengzhou zones without polygons separately", () => {
    const g = geo([["410105", "金水区"]]);
    const r = splitRegions(
      g,
      [
        { value: "410105", label: "金水区", count: 4 },
        { value: "410172", label: "高新区", count: 3 },
        { value: "410171", label: "经开区", count: 6 },
      ],
      "4101",
      districtFeatureId,
    );
    expect(r.mapped).toEqual([{ name: "金水区", value: 4 }]);
    expect(r.unmapped.map((d) => d.name)).toEqual(["经开区", "高新区"]);
  });
});
