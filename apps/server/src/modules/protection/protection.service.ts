import { distanceKm, nearestWorkstation } from "@zhichan/core/cases/index.ts";
import type { CaseHooksByType } from "../cases/case-hooks.js";

/** A rights-protection workstation as the registry knows it; coordinates when the registry has them. */
export interface WorkstationRef {
  id: number;
  name: string;
  districtCode: string | null;
  lat?: number | null;
  lon?: number | null;
}

/** Where workstations come from (the registry module once wired; an empty list until then). */
export type WorkstationSource = () => WorkstationRef[];

/**
 * Protection: routes a rights-assistance request to the nearest workstation — by distance when the request gives a
 * location and the workstations have coordinates, otherwise one in the applicant's district — and records how.
 */
export class ProtectionService {
  constructor(private readonly workstations: WorkstationSource) {}

  route(location: { lat: number; lon: number } | undefined, district: string | null): Record<string, unknown> {
    const all = this.workstations();
    const located = all.filter((w) => typeof w.lat === "number" && typeof w.lon === "number") as (WorkstationRef & {
      lat: number;
      lon: number;
    })[];
    if (location && located.length) {
      const best = nearestWorkstation(location, located);
      if (best)
        return {
          workstation: { id: best.station.id, name: best.station.name },
          method: "distance",
          km: Math.round(distanceKm(location, best.station) * 10) / 10,
        };
    }
    const same = district ? all.find((w) => w.districtCode && district.startsWith(w.districtCode)) : undefined;
    if (same) return { workstation: { id: same.id, name: same.name }, method: "district" };
    return {
      workstation: null,
      method: "unrouted",
      reason: all.length ? "no workstation in the district" : "no workstations registered",
    };
  }

  hooks(): CaseHooksByType {
    return {
      rights_assistance: {
        onCreate: ({ form, org }) => ({
          checks: {
            routing: this.route(form.location as { lat: number; lon: number } | undefined, org?.district_code ?? null),
          },
        }),
      },
    };
  }
}
