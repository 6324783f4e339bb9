import type { Generated } from "kysely";

/** Kysely table types; kept in step with migrations/. */
export interface PatentsTable {
  id: Generated<number>;
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
  updated_seq: Generated<number>;
}

export interface Database {
  patents: PatentsTable;
  applicants: { id: Generated<number>; name: string; norm_key: string; kind: string; region_code: string | null };
  applicant_aliases: { alias: string; applicant_id: number };
  patent_applicants: { patent_id: number; applicant_id: number; position: number };
  ipc_codes: { code: string; level: string; parent: string | null; title_zh: string };
  sei_categories: { sei_code: string; sei_name: string; major_code: string; major_name: string; rule_ids: string | null };
  ipc_sei_observed: { ipc_group: string; sei_code: string; n_records: number; n_group: number; share: number };
  wipo_fields: { id: Generated<number>; field_number: number; sector_en: string; field_en: string; ipc_pattern: string };
  divisions: { code: string; name: string; level: string; parent_code: string | null };
  geo_shapes: { name: string; geojson: string };
  import_runs: {
    id: Generated<number>;
    source: string;
    file: string;
    file_sha256: string;
    status: string;
    started_at: string;
    finished_at: string | null;
    rows_total: Generated<number>;
    rows_ok: Generated<number>;
    rows_bad: Generated<number>;
    batches_done: Generated<number>;
  };
  import_errors: {
    run_id: number;
    row_number: number;
    reason: string;
    raw: string | null;
    severity: Generated<string>; // 'error' | 'warning' (migration 002)
  };
  jobs: {
    id: Generated<number>;
    kind: string;
    params_json: string;
    status: string;
    progress: Generated<number>;
    message: string | null;
    result_json: string | null;
    created_at: string;
    updated_at: string;
  };
  meta: { key: string; value: string };
}
