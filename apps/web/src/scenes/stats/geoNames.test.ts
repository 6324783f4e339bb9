import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import type { GeoCollection } from "../../api/geo";
import { codes as enCodes } from "../../i18n/pages/en/codes";
import { codes as zhCodes } from "../../i18n/pages/zh/codes";
import { placeKey, renameFeatures } from "./geoNames";

// The shipped boundary files, as the server serves them: every feature must get an English name in the English UI.
const shipped = (name: string): GeoCollection =>
  JSON.parse(
    zlib
      .gunzipSync(fs.readFileSync(path.resolve(import.meta.dirname, `../../../../../data/geo/${name}.geojson.gz`)))
      .toString("utf8"),
  );
const CJK = /[\u3400-\u9fff]/;
const lookup =
  (table: Record<string, string>) =>
  (key: string, fallback: string): string =>
    table[key] ?? fallback;

describe("English place names on the maps", () => {
  for (const file of ["henan_cities", "zhengzhou_districts"]) {
    it(`names every feature of ${file} in pinyin from the catalogue, keyed by its code`, () => {
      const geo = shipped(file);
      const en = renameFeatures(geo, lookup(enCodes.region));
      const names = en.features.map((f) => f.properties.name);
      expect(names.filter((n) => CJK.test(n))).toEqual([]);
      // the Chinese catalogue names the same codes as the shapes do (so a key points at the right place)
      for (const f of geo.features)
        expect(
          f.properties.name.startsWith(zhCodes.region[placeKey(String(f.id)) as keyof typeof zhCodes.region]),
        ).toBe(true);
      expect(en.features.map((f) => f.id)).toEqual(geo.features.map((f) => f.id));
    });
  }

  it("keys Henan's cities by their four-digit code, Jiyuan included, and districts by six", () => {
    expect(placeKey("410100")).toBe("4101");
    expect(placeKey("419001")).toBe("4190");
    expect(placeKey("410105")).toBe("410105");
    const geo: GeoCollection = {
      type: "FeatureCollection",
      features: [{ type: "Feature", id: "419001", properties: { name: "济源市" }, geometry: null }],
    };
    expect(renameFeatures(geo, lookup(enCodes.region)).features[0]!.properties.name).toBe("Jiyuan");
    expect(renameFeatures(geo, lookup({})).features[0]!.properties.name).toBe("济源市");
  });
});
