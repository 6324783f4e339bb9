import { CASE_FORM_PII, type CaseTypeKey } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { HeldPii } from "../accounts/held-pii.js";
import { casesWithPlainFormPii, formRewriter } from "./cases.repository.js";

/** What the case engine needs of the accounts' personal-data facade. */
export type FormPii = Pick<HeldPii, "phone" | "reveal">;

const piiFields = (type: string): readonly string[] => CASE_FORM_PII[type as CaseTypeKey] ?? [];

/**
 * Splits a validated form for storage: each personal-data field (CASE_FORM_PII) is replaced by its mask, and its
 * encrypted value goes to `enc` ({field: "v1:…"} as JSON; null when the form has none), so form_json never holds
 * the plain number and every reader of it (detail, search, exports) sees the mask.
 */
export function protectForm(
  type: string,
  form: Record<string, unknown>,
  pii: FormPii,
): { stored: Record<string, unknown>; enc: string | null } {
  const stored = { ...form };
  const enc: Record<string, string> = {};
  for (const field of piiFields(type)) {
    const value = form[field];
    if (typeof value !== "string" || value === "") continue;
    const p = pii.phone(value);
    stored[field] = p.mask;
    enc[field] = p.enc;
  }
  return { stored, enc: Object.keys(enc).length ? JSON.stringify(enc) : null };
}

/** The encrypted fields of a stored case, for the audited reveal. */
export function encryptedFields(formPiiEnc: string | null): Record<string, string | null> {
  if (!formPiiEnc) return {};
  const v = JSON.parse(formPiiEnc) as Record<string, string>;
  return Object.fromEntries(Object.entries(v).map(([k, enc]) => [k, typeof enc === "string" ? enc : null]));
}

/**
 * Encrypts the plain personal data of cases stored before migration 009 (their form_pii_enc is NULL): the data
 * half of that migration, run at start because it needs the data key, which the database never holds. Each row is
 * rewritten in one transaction; rows already protected are never touched again. Returns how many it changed.
 */
export function encryptPlainFormPii(db: Db, pii: FormPii): number {
  const types = Object.keys(CASE_FORM_PII);
  if (!types.length) return 0;
  const rows = casesWithPlainFormPii(db, types);
  if (!rows.length) return 0;
  const update = formRewriter(db);
  let changed = 0;
  // secure_delete zeroes the old row images instead of leaving the plain numbers in free space of the file;
  // the checkpoint then moves the rewritten pages into the database file and empties the WAL
  const secure = db.sqlite.pragma("secure_delete", { simple: true });
  db.sqlite.pragma("secure_delete = ON");
  try {
    db.sqlite.transaction(() => {
      for (const row of rows) {
        const { stored, enc } = protectForm(row.type, JSON.parse(row.form_json) as Record<string, unknown>, pii);
        if (enc === null) continue;
        update(row.id, JSON.stringify(stored), enc);
        changed++;
      }
    })();
  } finally {
    db.sqlite.pragma(`secure_delete = ${Number(secure) ? "ON" : "OFF"}`);
  }
  if (changed) db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  return changed;
}
