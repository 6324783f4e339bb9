import { getJson } from "./client";

export type GeoMapName = "zhengzhou_districts" | "henan_cities";

export interface GeoFeature {
  type: "Feature";
  id?: string | number;
  properties: { name: string; cp?: [number, number]; [key: string]: unknown };
  geometry: unknown;
}
export interface GeoCollection {
  type: "FeatureCollection";
  features: GeoFeature[];
}

const cache = new Map<GeoMapName, Promise<GeoCollection>>();

/** GeoJSON boundaries served by the platform (display grade); fetched once per page load. */
export function getGeo(name: GeoMapName): Promise<GeoCollection> {
  let p = cache.get(name);
  if (!p) {
    p = getJson<GeoCollection>(`/geo/${name}`);
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}
