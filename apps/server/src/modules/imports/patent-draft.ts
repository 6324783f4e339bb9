/** A patent row as the importer writes it: the patents table's columns except id and updated_seq. */
export interface PatentDraft {
  pub_no: string;
  app_no: string | null;
  country: string;
  title: string;
  abstract: string | null;
  claims: string | null;
  applicants_raw: string | null;
  inventors: string | null;
  app_date: string | null;
  pub_date: string | null;
  grant_date: string | null;
  app_year: number | null;
  type: string;
  type_raw: string | null;
  status: string;
  status_raw: string | null;
  ipc_main: string | null;
  ipc_all: string | null;
  ipc_raw: string | null;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  region_raw: string | null;
  applicant_address: string | null;
  agency: string | null;
  agent: string | null;
  sei_codes: string | null;
  sei_raw: string | null;
  nic_raw: string | null;
  claims_count: number | null;
  cited_by_count: number | null;
  sources: string;
  extra_json: string | null;
}

export const PATENT_COLUMNS: ReadonlyArray<keyof PatentDraft> = [
  "pub_no",
  "app_no",
  "country",
  "title",
  "abstract",
  "claims",
  "applicants_raw",
  "inventors",
  "app_date",
  "pub_date",
  "grant_date",
  "app_year",
  "type",
  "type_raw",
  "status",
  "status_raw",
  "ipc_main",
  "ipc_all",
  "ipc_raw",
  "province_code",
  "city_code",
  "district_code",
  "region_raw",
  "applicant_address",
  "agency",
  "agent",
  "sei_codes",
  "sei_raw",
  "nic_raw",
  "claims_count",
  "cited_by_count",
  "sources",
  "extra_json",
];
