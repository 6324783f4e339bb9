import type { PatentDetail } from "@zhichan/shared";
import type { PatentRow } from "./patents.repository.js";

export interface DetailLookups {
  applicants: { id: number; name: string }[];
  ipcTitles: Map<string, string>;
  regionName: (code: string) => string | undefined;
  seiName: (code: string) => string | undefined;
}

const list = (v: string | null) =>
  v
    ? v
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

export function toPatentDetail(r: PatentRow, l: DetailLookups): PatentDetail {
  const ipcRef = (code: string) => ({ code, titleZh: l.ipcTitles.get(code) ?? null });
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
  };
}
