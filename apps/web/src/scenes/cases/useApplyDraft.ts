import { CASE_FORM_PII, type CaseTypeKey } from "@zhichan/shared";
import { useMemo, useState } from "react";
import { draftKey, fromDraftValues, parseDraft, toDraftValues } from "./applyDraft";
import type { FieldSpec } from "./formFields";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage switched off: no drafts
  }
}

/**
 * The application's draft in this browser, per person and case type: what was restored on opening the form, and
 * save / discard. Personal data a form holds encrypted on the server (a contact's mobile number, CASE_FORM_PII) is
 * never written to the browser's storage, which anyone at the same computer could read.
 */
export function useApplyDraft(userId: number, type: string, fields: FieldSpec[]) {
  const key = draftKey(userId, type);
  const restored = useMemo(() => parseDraft(read(key)), [key]);
  const [savedAt, setSavedAt] = useState<number | null>(restored?.savedAt ?? null);
  const personal = new Set(CASE_FORM_PII[type as CaseTypeKey] ?? []);

  const save = (values: Record<string, unknown>): number | null => {
    const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !personal.has(k)));
    const draft = { v: 1 as const, savedAt: Date.now(), values: toDraftValues(fields, kept) };
    try {
      localStorage.setItem(key, JSON.stringify(draft));
    } catch {
      return null; // storage full or switched off
    }
    setSavedAt(draft.savedAt);
    return draft.savedAt;
  };
  const discard = () => {
    try {
      localStorage.removeItem(key);
    } catch {
      /* nothing stored */
    }
    setSavedAt(null);
  };
  return {
    /** The restored draft's values as the form holds them, or null. */
    restored: restored ? fromDraftValues(fields, restored.values) : null,
    restoredAt: restored?.savedAt ?? null,
    savedAt,
    save,
    discard,
  };
}
