import type { GeoCollection } from "../../api/geo";

/**
 * The catalogue key (codes.region) of a feature's division code: Henan's cities are '410100' in the shipped shapes
 * and '4101' in the catalogue (济源 '419001' → '4190'); Zhengzhou's districts are six digits in both.
 */
export function placeKey(featureId: string): string {
  if (/^41\d{2}00$/.test(featureId)) return featureId.slice(0, 4);
  if (featureId === "419001") return "4190";
  return featureId;
}

/** The shapes with each feature renamed by its code (the English UI's pinyin names); unknown codes keep theirs. */
export function renameFeatures(geo: GeoCollection, name: (key: string, fallback: string) => string): GeoCollection {
  return {
    ...geo,
    features: geo.features.map((f) => ({
      ...f,
      properties: { ...f.properties, name: name(placeKey(String(f.id ?? "")), f.properties.name) },
    })),
  };
}
