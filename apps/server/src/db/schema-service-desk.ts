import type { Generated } from "kysely";

/** Tables of migration 026 (mail outbox, consultation, appointments, ratings); Database extends this. */
export interface ServiceDeskTables {
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
