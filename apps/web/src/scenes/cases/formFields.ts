import { CASE_FORMS, CASE_TRANSITION_INPUTS } from "@zhichan/shared";
import type { z } from "zod";
import { issuesByField } from "../../i18n/validation";

/**
 * How the web form shows one field of a case form, read from the shared zod schema itself — with the schema's
 * bounds, so the form checks each field as the server will (formRules.ts) before anything is sent.
 */
export interface FieldSpec {
  key: string;
  kind: "text" | "textarea" | "number" | "year" | "enum" | "boolean" | "tags" | "date" | "district";
  required: boolean;
  options: string[];
  minLength?: number;
  maxLength?: number;
  min?: number;
  /** The number must be above min (zod's positive()), not just at least min. */
  minExclusive?: boolean;
  max?: number;
  integer?: boolean;
  /** The text's pattern, or each item's for tags. */
  pattern?: RegExp;
  minItems?: number;
  maxItems?: number;
}

interface CheckDef {
  check?: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  checks?: { _zod?: { def?: CheckDef } }[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): CheckDef[] => (d.checks ?? []).map((c) => c._zod?.def ?? {});
const find = (d: Def, check: string) => checksOf(d).find((c) => c.check === check);
const DATE = "\\d{4}-\\d{2}-\\d{2}";
const DIVISION = "^\\d{6}$";

/** Bounds of a string or number schema, as FieldSpec fields (undefined when the schema has none). */
function bounds(d: Def): Partial<FieldSpec> {
  return {
    minLength: find(d, "min_length")?.minimum,
    maxLength: find(d, "max_length")?.maximum,
    min: find(d, "greater_than")?.value,
    minExclusive: find(d, "greater_than")?.inclusive === false || undefined,
    max: find(d, "less_than")?.value,
    integer: find(d, "number_format")?.format === "safeint" || undefined,
    pattern: find(d, "string_format")?.pattern,
  };
}

function describe(key: string, schema: z.ZodType): FieldSpec | null {
  let s = schema;
  let required = true;
  for (let d = defOf(s); d.type === "optional" || d.type === "default"; d = defOf(s)) {
    required = false;
    s = d.innerType as z.ZodType;
  }
  const d = defOf(s);
  const base = { key, required, options: [] as string[] };
  const b = bounds(d);
  switch (d.type) {
    case "string": {
      const source = b.pattern?.source ?? "";
      if (source.includes(DATE)) return { ...base, kind: "date" };
      if (source === DIVISION) return { ...base, kind: "district" };
      return { ...base, ...b, kind: (b.maxLength ?? 0) > 300 ? "textarea" : "text" };
    }
    case "number":
      // a year (1990–2100) is picked from a year picker, not typed
      return { ...base, ...b, kind: /Year$/.test(key) ? "year" : "number" };
    case "boolean":
      return { ...base, kind: "boolean" };
    case "enum":
      return { ...base, kind: "enum", options: Object.values(d.entries ?? {}) };
    case "array": {
      const item = d.element ? bounds(defOf(d.element)) : {};
      return { ...base, kind: "tags", minItems: b.minLength, maxItems: b.maxLength, pattern: item.pattern };
    }
    default:
      return null; // nested objects (a map location) are not asked for in the web form
  }
}

function fieldsOf(schema: z.ZodType): FieldSpec[] {
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape)
    .map(([k, v]) => describe(k, v))
    .filter((f): f is FieldSpec => f !== null);
}

export function formFields(type: string): FieldSpec[] {
  const schema = CASE_FORMS[type as keyof typeof CASE_FORMS];
  return schema ? fieldsOf(schema) : [];
}

export function inputFields(name: string): FieldSpec[] {
  const schema = CASE_TRANSITION_INPUTS[name as keyof typeof CASE_TRANSITION_INPUTS];
  return schema ? fieldsOf(schema) : [];
}

/** Validates with the same schema the server uses; issues by field, in the user's language. */
export function validateForm(
  schema: "form" | "input",
  key: string,
  value: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; issues: Record<string, string> } {
  const s = (schema === "form" ? CASE_FORMS : CASE_TRANSITION_INPUTS)[key as never] as z.ZodType | undefined;
  if (!s) return { ok: true, data: value as Record<string, unknown> };
  const r = s.safeParse(value);
  if (r.success) return { ok: true, data: r.data as Record<string, unknown> };
  return { ok: false, issues: issuesByField(r.error.issues) };
}
