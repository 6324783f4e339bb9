import type { Generated } from "kysely";
import type { ServiceDeskTables } from "./schema-service-desk.js";

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
  region_rule: string | null; // migration 011: cnipa_code | fields | address | org_name
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
  // migration 012: fields vendor exports carry; lists are ';'-joined
  title_en: string | null;
  abstract_en: string | null;
  cpc: string | null;
  priority_nos: string | null;
  priority_dates: string | null;
  cited_refs: string | null;
  cites_count: number | null;
  family_id: string | null;
  family_members: string | null;
  family_count: number | null;
  updated_seq: Generated<number>;
}

export interface Database extends ServiceDeskTables {
  patents: PatentsTable;
  applicants: {
    id: Generated<number>;
    name: string;
    norm_key: string;
    kind: string;
    region_code: string | null;
    region_rule: string | null; // migration 011
    merged_into: number | null; // migration 011: the entity this one was merged into
    name_source: string | null; // migration 013: 'official' = renamed by an official, kept over the automatic name
  };
  /** Every merge of applicant entities with its rule and evidence (migration 011). */
  applicant_merges: {
    id: Generated<number>;
    survivor_id: number;
    absorbed_id: number;
    rule: string;
    evidence_json: string;
    created_at: string;
    created_by: number | null;
  };
  // migration 016: entities an official split, kept apart from the automatic merges until an official merges them
  applicant_keep_apart: {
    id: Generated<number>;
    a_id: number;
    b_id: number;
    reason: string | null;
    created_at: string;
    created_by: number | null;
    lifted_at: string | null;
    lifted_by: number | null;
  };
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
    authority: Generated<string>; // 'official' | 'vendor' (migration 010)
    as_of: string | null;
    counts_json: string | null;
    detected_json: string | null; // migration 012: layout, encoding, delimiter, header row, column mapping
  };
  /** Patent files uploaded in the web app (migration 014); the staged file lives in ZHICHAN_HOME/import-uploads. */
  import_uploads: {
    id: string;
    file_name: string;
    size: number;
    sha256: string;
    kind: string;
    gzipped: Generated<number>;
    staged: Generated<number>; // 0 once the staged file is deleted
    uploaded_by: number | null;
    uploaded_at: string;
    headers_json: string | null; // header row of each table the last preview found (migration 019)
  };
  /** Named column mappings officials saved (migration 014). */
  import_profiles: {
    id: Generated<number>;
    name: string;
    mapping_json: string;
    layout: string | null;
    created_by: number | null;
    created_at: string;
  };
  /** One web import per durable job (migration 014): options, the run it became, progress in rows. */
  import_jobs: {
    job_id: number;
    upload_id: string;
    file_name: string;
    source: string;
    authority: string;
    export_date: string | null;
    force: Generated<number>;
    mapping_json: string;
    profile_id: number | null;
    run_id: number | null;
    rows_done: Generated<number>;
    rows_total: Generated<number>;
    created_by: number | null;
    created_at: string;
  };
  /** Which source and import run gave a patent's current value of a field group; '*' = all others (migration 010). */
  patent_field_sources: {
    patent_id: number;
    field: string;
    source: string;
    run_id: number | null;
    authority: string;
    as_of: string;
  };
  /** Dated history of a patent: legal-status changes found by imports (migration 010). */
  patent_events: {
    id: Generated<number>;
    patent_id: number;
    kind: string;
    event_date: string;
    from_value: string | null;
    to_value: string | null;
    from_raw: string | null;
    to_raw: string | null;
    source: string;
    run_id: number | null;
  };
  import_errors: {
    run_id: number;
    row_number: number;
    reason: string;
    raw: string | null;
    severity: Generated<string>; // 'error' | 'warning' (migration 002)
    code: string | null; // the row's first issue code (migration 019)
    params_json: string | null; // {place, issues: [{code, params}]} (migration 019)
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
  // migration 004_analytics
  industries: IndustriesTable;
  reports: ReportsTable;
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
  // migration 007_org_access
  org_invitations: {
    id: Generated<number>;
    org_id: number;
    username: string;
    invited_by: number;
    created_at: number;
    status: string;
    decided_at: number | null;
  };
  org_claims: {
    id: Generated<number>;
    org_id: number;
    user_id: number;
    created_at: number;
    status: string;
    decided_by: number | null;
    decided_at: number | null;
    reason: string | null;
  };
  admin_requests: {
    id: Generated<number>;
    kind: string;
    target_user_id: number | null;
    summary_json: string;
    payload_json: string | null;
    requested_by: number;
    requested_at: number;
    status: string;
    decided_by: number | null;
    decided_at: number | null;
    reason: string | null;
  };
  sessions: SessionsTable;
  // migration 017_signed_in_shell: how far each user has read the case notifications
  notification_reads: { user_id: number; seen_up_to: number; at: number };
  signin_failures: { username: string; failures: number; last_failed_at: number; locked_until: number | null };
  setup_codes: { code_hash: string; role: string; created_at: number; expires_at: number; used_at: number | null };
  audit_log: AuditLogTable;
  // migration 005_registry
  registry_orgs: RegistryOrgsTable;
  registry_people: RegistryPeopleTable;
  registry_history: {
    id: Generated<number>;
    entity: string;
    entity_id: number;
    at: string;
    actor: string | null;
    action: string;
    changes_json: string;
  };
  registry_violations: {
    id: Generated<number>;
    org_id: number;
    kind: string;
    date: string;
    points: number | null;
    description: string;
    evidence: string | null;
    recorded_by: string | null;
    recorded_at: string;
  };
  brand_applications: {
    id: Generated<number>;
    org_id: number;
    level: string;
    statement: string;
    status: string;
    submitted_at: string;
    submitted_by: string | null;
    decided_at: string | null;
    decided_by: string | null;
    decision_note: string | null;
    override_reason: string | null; // migration 020
  };
  surveys: {
    id: Generated<number>;
    title: string;
    period_start: string;
    period_end: string;
    due_date: string;
    categories_json: string;
    definition_json: string;
    status: string;
    created_by: string | null;
    created_at: string;
    published_at: string | null;
  };
  survey_responses: {
    survey_id: number;
    org_id: number;
    answers_json: string;
    problems_json: Generated<string>;
    status: string;
    channel: string;
    submitted_at: string;
    submitted_by: string | null;
    reviewed_by: string | null;
    review_note: string | null;
  };
  plans: {
    id: Generated<number>;
    code: string;
    name: string;
    city: string;
    city_code: string;
    start_year: number;
    end_year: number;
    belt_json: string;
    active: Generated<number>;
  };
  plan_targets: {
    id: Generated<number>;
    plan_id: number;
    key: string;
    label_zh: string;
    label_en: string;
    unit: string;
    target: number;
    target_year: number;
    metric_json: string;
    sort: Generated<number>;
    baseline_value: number | null; // migration 020
    baseline_date: string | null;
  };
  // migration 020_plan_figures: pledges registered outside the platform's cases
  pledge_register: {
    id: Generated<number>;
    registration_no: string;
    registered_on: string;
    year: number;
    amount_yuan: number | null;
    district_code: string | null;
    pledgor: string;
    pledgee: string;
    patents_json: string;
    source: string;
    file_name: string | null;
    recorded_by: string | null;
    recorded_at: string;
    asset_type: Generated<string>; // migration 027: patent, trademark, copyright, software_copyright, gi, ic_layout
  };
  // migration 006_cases
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_assignees: { case_id: number; user_id: number; role: string; assigned_at: number; assigned_by: number | null };
  case_attachments: CaseAttachmentsTable;
  case_uploads: CaseUploadsTable;
  case_notifications: {
    id: Generated<number>;
    case_id: number;
    recipient_user_id: number | null;
    recipient_party: string;
    event: string;
    at: number;
    read_at: number | null;
  };
  pledge_registrations: PledgeRegistrationsTable;
  case_experts: {
    id: Generated<number>;
    name: string;
    org_name: string | null;
    fields_json: string;
    conflicts_json: string;
    active: Generated<number>;
    user_id: number | null;
    created_at: number;
  };
  training_events: {
    id: Generated<number>;
    title: string;
    starts_on: string;
    location: string;
    capacity: number;
    description: string | null;
    created_by: number | null;
    created_at: number;
  };
  training_enrolments: {
    event_id: number;
    user_id: number;
    name: string;
    org_name: string | null;
    enrolled_at: number;
    attended: number | null;
  };
  expert_draws: {
    id: Generated<number>;
    at: number;
    actor_id: number | null;
    case_id: number | null;
    seed: number;
    request_json: string;
    drawn_json: string;
    excluded_json: string;
  };
  // migration 022_watches: saved searches, search history, watches and the alerts they raise
  saved_searches: {
    id: Generated<number>;
    user_id: number;
    name: string;
    q: string;
    group_by: string; // 'publication' | 'invention'
    params_json: Generated<string>;
    created_at: string;
  };
  search_history: { id: Generated<number>; user_id: number; q: string; group_by: string; at: string };
  watches: {
    id: Generated<number>;
    user_id: number;
    kind: string; // 'search' | 'patent' | 'applicant': exactly the column of its kind is set
    saved_search_id: number | null;
    patent_id: number | null;
    applicant_id: number | null;
    created_at: string;
  };
  alerts: {
    id: Generated<number>;
    user_id: number;
    watch_id: number | null;
    kind: string; // 'new_hits' | 'legal_events' | 'digest'
    title: string;
    run_id: number | null;
    digest_day: string | null;
    record_count: Generated<number>;
    created_at: string;
    read_at: string | null;
  };
  alert_records: { alert_id: number; patent_id: number; event_id: Generated<number> }; // event_id 0 = a new hit
  // migration 025_content: what the office publishes
  content_items: {
    id: Generated<number>;
    kind: string; // 'notice' | 'policy' | 'news'
    category: string | null;
    title: string;
    body_html: string; // sanitised on the way in
    body_text: string;
    published: Generated<number>;
    publish_at: number | null;
    unpublish_at: number | null;
    created_by: number | null;
    created_at: number;
    updated_by: number | null;
    updated_at: number;
  };
  content_files: {
    id: Generated<number>;
    item_id: number | null;
    guide_case_type: string | null;
    file_name: string;
    type: string;
    size: number;
    storage_name: string;
    sha256: string;
    uploaded_by: number | null;
    uploaded_at: number;
  };
  service_guides: { case_type: string; body_json: string; updated_by: number | null; updated_at: number };
  directory_listings: {
    entity: string;
    entity_id: number;
    published: number;
    fields_json: string;
    updated_by: number | null;
    updated_at: number;
  };
  // migration 027_ip_assets_gi: the geographical-indication register
  gi_products: {
    id: Generated<number>;
    name: string;
    kind: "gi_product" | "agri_gi" | "gi_mark"; // a CHECK constraint holds the column to these
    stage: "registered" | "publicised" | "reviewed" | "revoked";
    gi_type_raw: string | null;
    prefecture: string | null;
    city_code: string | null;
    area: string | null;
    district_code: string | null;
    event: string | null;
    announcement: string | null;
    year: number | null;
    recognised_on: string | null;
    official_id: string | null;
    source_url: string | null;
    source: "shipped" | "official";
    notes: string | null;
    created_at: string;
    updated_at: string;
    updated_by: string | null;
  };
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
  /** migration 017: the browser the session was opened from (null for older sessions) */
  user_agent: string | null;
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

export interface RegistryOrgsTable {
  id: Generated<number>;
  name: string;
  category: string;
  credit_code: string | null;
  district_code: string | null;
  zone: string | null;
  address: string | null;
  qualifications: Generated<string>;
  qualification_dates: Generated<string>; // migration 020: {code: YYYY-MM-DD}
  status: string;
  since: string | null;
  ended: string | null;
  brand: Generated<string>;
  source: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface RegistryPeopleTable {
  id: Generated<number>;
  name: string;
  category: string;
  org_id: number | null;
  certificate_no: string | null;
  district_code: string | null;
  zone: string | null;
  qualifications: Generated<string>;
  qualification_dates: Generated<string>; // migration 020: {code: YYYY-MM-DD}
  status: string;
  since: string | null;
  ended: string | null;
  source: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

// migration 006_cases
export interface CasesTable {
  id: Generated<number>;
  ref: string;
  type: string;
  area: string;
  title: string;
  state: string;
  applicant_user_id: number;
  applicant_name: string;
  org_id: number | null;
  org_name: string | null;
  district_code: string | null;
  counterparty_user_id: number | null;
  counterparty_org_id: number | null;
  form_json: string;
  /** migration 009: the form's personal-data fields encrypted ({field: "v1:…"}); form_json holds their masks. */
  form_pii_enc: string | null;
  checks_json: string | null;
  patent_id: number | null;
  state_entered_at: number;
  overdue_flagged_at: number | null;
  escalated_at: number | null;
  version: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  at: number;
  kind: string;
  actor_id: number | null;
  actor_name: string | null;
  transition: string | null;
  from_state: string | null;
  to_state: string | null;
  body: string | null;
  internal: Generated<number>;
  details_json: string | null;
}

export interface CaseAttachmentsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storage_name: string;
  uploaded_by: number | null;
  uploaded_by_name: string | null;
  uploaded_at: number;
}

/** A file uploaded in the apply form before its case exists (migration 018). */
export interface CaseUploadsTable {
  id: Generated<number>;
  user_id: number;
  case_type: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storage_name: string;
  uploaded_at: number;
}

export interface PledgeRegistrationsTable {
  case_id: number;
  registration_no: string;
  registered_on: string;
  year: number;
  amount_yuan: number;
  district_code: string | null;
  pledgor: string;
  bank: string;
  term_months: number;
  /** patent, trademark, copyright, software_copyright, gi, ic_layout (migration 027). */
  asset_type: string;
  patents_json: string;
  released_at: number | null;
}

export interface IndustriesTable {
  id: Generated<number>;
  name: string;
  sei_code: string | null;
  ipc_prefixes_json: string;
  keywords_json: string;
  exclusions_json: string;
  notes: string;
  builtin: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ReportsTable {
  id: Generated<number>;
  job_id: number;
  title: string;
  params_json: string;
  strategy_json: string | null;
  data_json: string | null;
  snapshot_seq: number | null;
  snapshot_at: string | null;
  took_ms: number | null;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
  // migration 008_report_publish: null = private to its author
  published_at: string | null;
}
