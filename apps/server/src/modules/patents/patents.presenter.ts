import { LegalStatus, type PatentDetail } from "@zhichan/shared";
import { legalEventCategory } from "./legal-event-category.js";
import type { PatentEventRow, PatentRow } from "./patents.repository.js";

export interface DetailLookups {
  applicants: { id: number; name: string }[];
  events: PatentEventRow[];
  /** 'legal_event' rows: to_value holds the PRS code, to_raw the record's wording and information. */
  legalEvents: PatentEventRow[];
  ipcTitles: Map<string, string>;
  regionName: (code: string) => string | undefined;
  seiName: (code: string) => string | undefined;
  /** Row ids of the cited and family publications that are loaded here. */
  idsByPubNo: Map<string, number>;
}

const list = (v: string | null) =>
  v
    ? v
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** extra_json as header/value pairs; a damaged value is shown as its text rather than failing the page. */
function otherFields(json: string | null): PatentDetail["otherFields"] {
  if (!json) return [];
  try {
    const extra = JSON.parse(json) as Record<string, unknown>;
    return Object.entries(extra).map(([header, value]) => ({ header, value: String(value) }));
  } catch {
    return [{ header: "extra_json", value: json }];
  }
}

/** A stored status word as the contract's value; one written by an older vocabulary reads as unknown. */
function statusOf(v: string | null): LegalStatus | null {
  if (v === null) return null;
  const parsed = LegalStatus.safeParse(v);
  return parsed.success ? parsed.data : "unknown";
}

export function toPatentDetail(r: PatentRow, l: DetailLookups): PatentDetail {
  const ipcRef = (code: string) => ({ code, titleZh: l.ipcTitles.get(code) ?? null });
  const pubRef = (publicationNumber: string) => ({
    publicationNumber,
    id: l.idsByPubNo.get(publicationNumber) ?? null,
  });
  return {
    id: r.id,
    publicationNumber: r.pub_no,
    applicationNumber: r.app_no,
    country: r.country,
    title: r.title,
    abstract: r.abstract,
    claims: r.claims,
    applicants: l.applicants,
    applicantsRaw: r.applicants_raw,
    inventors: list(r.inventors),
    applicationDate: r.app_date,
    publicationDate: r.pub_date,
    grantDate: r.grant_date,
    type: r.type as PatentDetail["type"],
    typeRaw: r.type_raw,
    status: r.status as PatentDetail["status"],
    statusRaw: r.status_raw,
    ipcMain: r.ipc_main ? ipcRef(r.ipc_main) : null,
    ipc: list(r.ipc_all).map(ipcRef),
    region: [r.province_code, r.city_code, r.district_code]
      .filter((c): c is string => !!c)
      .map((code) => ({ code, name: l.regionName(code) ?? code })),
    applicantAddress: r.applicant_address,
    agency: r.agency,
    agent: r.agent,
    sei: list(r.sei_codes).map((code) => ({ code, name: l.seiName(code) ?? code })),
    claimsCount: r.claims_count,
    citedByCount: r.cited_by_count,
    sources: list(r.sources),
    titleEn: r.title_en,
    abstractEn: r.abstract_en,
    cpc: list(r.cpc),
    priorityNumbers: list(r.priority_nos),
    priorityDates: list(r.priority_dates),
    citedReferences: list(r.cited_refs).map(pubRef),
    citesCount: r.cites_count,
    familyId: r.family_id,
    familyMembers: list(r.family_members).map(pubRef),
    familyCount: r.family_count,
    otherFields: otherFields(r.extra_json),
    history: l.events.map((e) => ({
      date: e.event_date,
      from: statusOf(e.from_value),
      to: statusOf(e.to_value),
      fromRaw: e.from_raw,
      toRaw: e.to_raw,
      source: e.source,
    })),
    legalEvents: l.legalEvents.map((e) => ({
      date: e.event_date,
      code: e.to_value ?? "",
      category: legalEventCategory(e.to_value ?? ""),
      text: e.to_raw,
      source: e.source,
    })),
  };
}
