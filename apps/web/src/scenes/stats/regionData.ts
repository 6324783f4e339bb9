import type { FacetBucket } from "@zhichan/shared";
import type { GeoCollection } from "../../api/geo";
import type { Datum } from "../../charts/options";

export interface RegionSplit {
  /** One datum per map feature (0 where no hits), named as the feature is. */
  mapped: Datum[];
  /** Buckets inside the area with no polygon (functional zones), ranked. */
  unmapped: Datum[];
}

function featureIndex(geo: GeoCollection): Map<string, string> {
  const byId = new Map<string, string>();
  for (const f of geo.features) {
    const id = String(f.id ?? f.properties.adcode ?? "");
    if (id) byId.set(id, f.properties.name);
  }
  return byId;
}

/** Matches facet codes to feature ids (city '4101' → '410100', '4190' → '419001'); splits the rest off. */
export function splitRegions(
  geo: GeoCollection,
  buckets: FacetBucket[],
  within: string,
  toFeatureId: (code: string, ids: string[]) => string | undefined,
): RegionSplit {
  const byId = featureIndex(geo);
  const ids = [...byId.keys()];
  const values = new Map<string, number>();
  const unmapped: Datum[] = [];
  for (const b of buckets) {
    if (!b.value.startsWith(within)) continue;
    const id = toFeatureId(b.value, ids);
    const name = id ? byId.get(id) : undefined;
    if (name) values.set(name, (values.get(name) ?? 0) + b.count);
    else unmapped.push({ name: b.label || b.value, value: b.count });
  }
  const mapped = [...byId.values()].map((name) => ({ name, value: values.get(name) ?? 0 }));
  unmapped.sort((a, b) => b.value - a.value);
  return { mapped, unmapped };
}

export function cityFeatureId(code: string, ids: string[]): string | undefined {
  if (code.length === 6) return ids.includes(code) ? code : undefined;
  const exact = `${code}00`;
  if (ids.includes(exact)) return exact;
  return ids.find((id) => id.startsWith(code));
}

export function districtFeatureId(code: string, ids: string[]): string | undefined {
  return ids.includes(code) ? code : undefined;
}
