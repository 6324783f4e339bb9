import dayjs, { type Dayjs } from "dayjs";
import type { FieldSpec } from "./formFields";

/**
 * Drafts of an application, kept in the browser (the case engine has no draft state: a case exists from its
 * submission on). One draft per person and case type; dates are stored as text and become pickers' values again.
 */
export interface ApplyDraft {
  v: 1;
  savedAt: number;
  values: Record<string, unknown>;
}

export const draftKey = (userId: number, type: string) => `zhichan.draft.${userId}.${type}`;

const isDayjs = (v: unknown): v is Dayjs => dayjs.isDayjs(v);

/** Form values as JSON: a date as YYYY-MM-DD, a picked year as its number; empty values left out. */
export function toDraftValues(fields: FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const kinds = new Map(fields.map((f) => [f.key, f.kind]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "") continue;
    if (isDayjs(v)) out[k] = kinds.get(k) === "year" ? v.year() : v.format("YYYY-MM-DD");
    else out[k] = v;
  }
  return out;
}

/** A draft's values as the form's controls hold them (dates and years as dayjs); unknown or broken values dropped. */
export function fromDraftValues(fields: FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const kinds = new Map(fields.map((f) => [f.key, f.kind]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const kind = kinds.get(k);
    if (kind === "date") {
      const d = typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : null;
      if (d?.isValid()) out[k] = d;
    } else if (kind === "year") {
      if (typeof v === "number" && Number.isInteger(v)) out[k] = dayjs().year(v).startOf("year");
    } else out[k] = v;
  }
  return out;
}

/** The stored text as a draft, or null when it is missing or not one of ours. */
export function parseDraft(text: string | null): ApplyDraft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Partial<ApplyDraft>;
    if (d?.v !== 1 || typeof d.savedAt !== "number" || typeof d.values !== "object" || d.values === null) return null;
    return d as ApplyDraft;
  } catch {
    return null;
  }
}
