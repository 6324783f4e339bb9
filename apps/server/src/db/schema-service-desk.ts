import type { Generated } from "kysely";

/** Tables of migration 026 (mail outbox, consultation, appointments, ratings); Database extends this. */
export interface ServiceDeskTables extends ServiceDeskTables2 {
  mail_outbox: {
    id: Generated<number>;
    user_id: number | null;
    kind: string;
    to_enc: string;
    to_mask: string;
    subject: string;
    body: string;
    link: string | null;
    dedupe_key: string | null;
    status: string;
    attempts: Generated<number>;
    next_attempt_at: number;
    claimed_until: number | null;
    last_error: string | null;
    created_at: number;
    sent_at: number | null;
  };
  mail_settings: {
    user_id: number;
    email_enc: string | null;
    email_mask: string | null;
    language: string;
    updated_at: number;
  };
  mail_preferences: { user_id: number; kind: string; enabled: number };
}

/** Consultation, appointments and ratings (migration 026). */
export interface ServiceDeskTables2 {
  consultations: {
    id: Generated<number>;
    token_hash: string;
    token_enc: string;
    asker_user_id: number | null;
    asker_name: string;
    contact_kind: string | null;
    contact_enc: string | null;
    contact_mask: string | null;
    language: string;
    topic: string;
    district_code: string | null;
    question: string;
    routed_kind: string;
    routed_org_id: number | null;
    routed_name: string | null;
    status: string;
    due_at: number;
    overdue_at: number | null;
    escalated_at: number | null;
    answer: string | null;
    answered_by: number | null;
    answered_by_name: string | null;
    answered_at: number | null;
    created_at: number;
  };
  service_windows: {
    id: Generated<number>;
    name: string;
    name_en: string | null;
    kind: string;
    district_code: string | null;
    address: string | null;
    active: Generated<number>;
    created_at: number;
  };
  appointment_slots: {
    id: Generated<number>;
    window_id: number;
    date: string;
    start_time: string;
    end_time: string;
    capacity: number;
    created_at: number;
  };
  appointments: {
    id: Generated<number>;
    slot_id: number;
    user_id: number;
    purpose: string;
    status: string;
    created_at: number;
    cancelled_at: number | null;
    reminded_at: number | null;
  };
  service_ratings: {
    id: Generated<number>;
    subject_kind: string;
    subject_id: number;
    user_id: number | null;
    score: number;
    comment: string | null;
    service_key: string;
    window_id: number | null;
    district_code: string | null;
    created_at: number;
  };
}
