/** Rights-assistance requests go to the nearest workstation (great-circle distance). */
export interface Workstation {
  id: number;
  name: string;
  lat: number;
  lon: number;
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const dLat = r(b.lat - a.lat);
  const dLon = r(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export function nearestWorkstation<W extends Workstation>(
  at: { lat: number; lon: number },
  stations: readonly W[],
): { station: W; km: number } | null {
  let best: { station: W; km: number } | null = null;
  for (const s of stations) {
    const km = distanceKm(at, s);
    if (!best || km < best.km || (km === best.km && s.id < best.station.id)) best = { station: s, km };
  }
  return best;
}
