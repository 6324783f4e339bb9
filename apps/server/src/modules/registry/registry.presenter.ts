import type { Org, OrgInput, Person, PersonInput } from "@zhichan/shared";
import type { OrgRecord, OrgWrite, PersonRecord, PersonWrite } from "./registry.repository.js";

/** A stored JSON list of strings (qualifications); anything else reads as empty. */
export const parseList = (s: string): string[] => {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

const parseDates = (s: string | undefined): Record<string, string> => {
  try {
    const v = JSON.parse(s ?? "{}");
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
};

/**
 * The date each listed qualification took effect: the one given, else the one it already had, else `today` (the day
 * it is recorded). Qualifications no longer listed drop their dates.
 */
export function qualificationDates(
  list: string[],
  given: Record<string, string> | undefined,
  beforeJson: string | undefined,
  today: string,
): string {
  const before = parseDates(beforeJson);
  const out: Record<string, string> = {};
  for (const q of [...new Set(list)].sort()) out[q] = given?.[q] ?? before[q] ?? today;
  return JSON.stringify(out);
}

export { parseDates };

export function toOrg(r: OrgRecord, patentFilings: number | null = null): Org {
  return {
    id: r.id,
    name: r.name,
    category: r.category as Org["category"],
    creditCode: r.credit_code,
    districtCode: r.district_code,
    zone: r.zone as Org["zone"],
    address: r.address,
    qualifications: parseList(r.qualifications),
    qualificationSince: parseDates(r.qualification_dates),
    status: r.status as Org["status"],
    since: r.since,
    ended: r.ended,
    brand: r.brand as Org["brand"],
    notes: r.notes,
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    patentFilings,
  };
}

export function toPerson(r: PersonRecord): Person {
  return {
    id: r.id,
    name: r.name,
    category: r.category as Person["category"],
    orgId: r.org_id,
    orgName: r.org_name ?? null,
    certificateNo: r.certificate_no,
    districtCode: r.district_code,
    zone: r.zone as Person["zone"],
    qualifications: parseList(r.qualifications),
    qualificationSince: parseDates(r.qualification_dates),
    status: r.status as Person["status"],
    since: r.since,
    ended: r.ended,
    notes: r.notes,
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** `before`: the record's stored qualification dates (kept for qualifications it still lists). */
export function orgWrite(i: OrgInput, source: string, today: string, before?: string): OrgWrite {
  return {
    name: i.name,
    category: i.category,
    credit_code: i.creditCode,
    district_code: i.districtCode,
    zone: i.zone,
    address: i.address,
    qualifications: JSON.stringify([...new Set(i.qualifications)]),
    qualification_dates: qualificationDates(i.qualifications, i.qualificationSince, before, today),
    status: i.status,
    since: i.since,
    ended: i.ended,
    brand: i.brand,
    source,
    notes: i.notes,
  };
}

export function personWrite(i: PersonInput, source: string, today: string, before?: string): PersonWrite {
  return {
    name: i.name,
    category: i.category,
    org_id: i.orgId,
    certificate_no: i.certificateNo,
    district_code: i.districtCode,
    zone: i.zone,
    qualifications: JSON.stringify([...new Set(i.qualifications)]),
    qualification_dates: qualificationDates(i.qualifications, i.qualificationSince, before, today),
    status: i.status,
    since: i.since,
    ended: i.ended,
    source,
    notes: i.notes,
  };
}

/** Field-by-field differences, for the history. */
export function diff(before: object, after: object): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const k of Object.keys(a))
    if (k !== "source" && b[k] !== a[k]) out[k] = { from: b[k] ?? null, to: a[k] ?? null };
  return out;
}
