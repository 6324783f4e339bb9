import type { FieldSpec } from "./formFields";

/** i18next's t, as far as these helpers need it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** An antd Form rule, as far as these helpers build them (kept structural so the helpers stay free of React). */
export interface FieldRule {
  required?: boolean;
  whitespace?: boolean;
  message?: string;
  validator?: (rule: unknown, value: unknown) => Promise<void>;
}

/**
 * Fields whose format has a sentence of its own in the validation catalogue (validation.domain.*): the same words the
 * server's 400s turn into (i18n/validation.ts), so a field says the same thing before and after sending.
 */
const FORMAT_OF: Record<string, string> = {
  uscc: "creditCode",
  creditCode: "creditCode",
  orgCode: "creditCode",
  contactPhone: "mobile",
  phone: "mobile",
  ipc: "ipc",
  patents: "publicationNumber",
  districtCode: "divisionCode",
  key: "questionKey",
};

const ok = () => Promise.resolve();
const fail = (message: string) => Promise.reject(new Error(message));
const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** A number from what the control holds: an InputNumber's number, or a year picker's dayjs. */
function numberOf(v: unknown): number {
  if (typeof v === "object" && v !== null && "year" in v && typeof v.year === "function") return v.year() as number;
  return Number(v);
}

/** A pattern tested without carrying state between calls (a /g pattern would remember its last match). */
const matches = (pattern: RegExp, text: string) =>
  new RegExp(pattern.source, pattern.flags.replace("g", "")).test(text);

/** The format sentence of a field: its own where the catalogue has one, else "<field> is not in the expected form". */
export const formatText = (key: string, field: string, t: Translate) =>
  FORMAT_OF[key] ? t(`validation.domain.${FORMAT_OF[key]}`) : t("validation.format", { field });

/**
 * The antd rules of one field, from the bounds the shared schema declares (formFields.ts), with the validation
 * catalogue's sentences in the user's language: the form refuses what the server would refuse, field by field,
 * before anything is sent.
 */
export function rulesFor(f: FieldSpec, field: string, t: Translate): FieldRule[] {
  const rules: FieldRule[] = [];
  const picked = f.kind === "enum" || f.kind === "date" || f.kind === "year" || f.kind === "district";
  const typed = f.kind === "text" || f.kind === "textarea";
  // `whitespace` only on text: any second key makes antd's validator check the value's type (string by default)
  if (f.required && f.kind !== "boolean")
    rules.push({
      required: true,
      ...(typed ? { whitespace: true } : {}),
      message: t(picked ? "validation.choose" : "validation.required", { field }),
    });
  rules.push({ validator: (_rule, value) => (empty(value) ? ok() : check(f, field, value, t)) });
  return rules;
}

function check(f: FieldSpec, field: string, value: unknown, t: Translate): Promise<void> {
  if (f.kind === "text" || f.kind === "textarea") {
    const text = String(value).trim();
    if (f.maxLength !== undefined && text.length > f.maxLength)
      return fail(t("validation.maxLength", { field, max: f.maxLength }));
    if (f.minLength !== undefined && f.minLength > 1 && text.length < f.minLength)
      return fail(t("validation.minLength", { field, min: f.minLength }));
    if (f.pattern && !matches(f.pattern, text)) return fail(formatText(f.key, field, t));
  }
  if (f.kind === "number" || f.kind === "year") {
    const n = numberOf(value);
    if (!Number.isFinite(n)) return fail(t("validation.number", { field }));
    if (f.integer && !Number.isInteger(n)) return fail(t("validation.integer", { field }));
    if (f.min !== undefined && (n < f.min || (f.minExclusive && n === f.min)))
      return fail(t(f.minExclusive ? "forms.above" : "validation.min", { field, min: f.min }));
    if (f.max !== undefined && n > f.max) return fail(t("validation.max", { field, max: f.max }));
  }
  if (f.kind === "tags" && Array.isArray(value)) {
    if (f.minItems !== undefined && value.length < f.minItems)
      return fail(t("validation.minItems", { field, min: f.minItems }));
    if (f.maxItems !== undefined && value.length > f.maxItems)
      return fail(t("validation.maxItems", { field, max: f.maxItems }));
    const pattern = f.pattern;
    const bad = pattern ? value.map((v) => String(v).trim()).find((v) => !matches(pattern, v)) : undefined;
    if (bad !== undefined) return fail(t("forms.listItem", { value: bad, hint: formatText(f.key, field, t) }));
  }
  return ok();
}
