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
  sei_categories: {
    sei_code: string;
    sei_name: string;
    major_code: string;
    major_name: string;
    rule_ids: string | null;
  };
  ipc_sei_observed: { ipc_group: string; sei_code: string; n_records: number; n_group: number; share: number };
  wipo_fields: {
    id: Generated<number>;
    field_number: number;
    sector_en: string;
    field_en: string;
    ipc_pattern: string;
  };
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
  // migration 003_accounts
  users: UsersTable;
  password_history: { user_id: number; password_hash: string; created_at: number };
  user_roles: { user_id: number; role: string; district_code: string | null };
  orgs: {
    id: Generated<number>;
    kind: string;
    name: string;
    code: string;
    district_code: string | null;
    created_at: number;
  };
  org_members: { org_id: number; user_id: number; org_role: string };
  sessions: SessionsTable;
  signin_failures: { username: string; failures: number; last_failed_at: number; locked_until: number | null };
  setup_codes: { code_hash: string; role: string; created_at: number; expires_at: number; used_at: number | null };
  audit_log: AuditLogTable;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  password_changed_at: number;
  must_change_password: Generated<number>;
  status: Generated<string>;
  totp_secret_enc: string | null;
  totp_enabled: Generated<number>;
  totp_last_counter: number | null;
  phone_enc: string | null;
  phone_mask: string | null;
  id_number_enc: string | null;
  id_number_mask: string | null;
  id_number_hmac: string | null;
  created_at: number;
  last_signin_at: number | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  absolute_expires_at: number;
  totp_verified: Generated<number>;
  ended_at: number | null;
  end_reason: string | null;
  ip: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: number;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
  details_json: string | null;
  prev_hash: string;
  hash: string;
}
