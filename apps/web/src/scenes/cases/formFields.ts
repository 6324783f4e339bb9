import { CASE_FORMS, CASE_TRANSITION_INPUTS } from "@zhichan/shared";
import type { z } from "zod";

/** How the web form shows one field of a case form, read from the shared zod schema itself. */
export interface FieldSpec {
  key: string;
  kind: "text" | "textarea" | "number" | "enum" | "boolean" | "tags" | "date";
  required: boolean;
  options: string[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  checks?: { _zod?: { def?: { check?: string; maximum?: number; pattern?: RegExp } } }[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function describe(key: string, schema: z.ZodType): FieldSpec | null {
  let s = schema;
  let required = true;
  for (let d = defOf(s); d.type === "optional" || d.type === "default"; d = defOf(s)) {
    required = false;
    s = d.innerType as z.ZodType;
  }
  const d = defOf(s);
  const max = d.checks?.map((c) => c._zod?.def).find((c) => c?.check === "max_length")?.maximum ?? 0;
  const pattern = d.checks?.map((c) => c._zod?.def).find((c) => c?.check === "string_format")?.pattern;
  switch (d.type) {
    case "string":
      if (pattern && String(pattern).includes("\\d{4}-\\d{2}-\\d{2}"))
        return { key, kind: "date", required, options: [] };
      return { key, kind: max > 300 ? "textarea" : "text", required, options: [] };
    case "number":
      return { key, kind: "number", required, options: [] };
    case "boolean":
      return { key, kind: "boolean", required, options: [] };
    case "enum":
      return { key, kind: "enum", required, options: Object.values(d.entries ?? {}) };
    case "array":
      return { key, kind: "tags", required, options: [] };
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

/** Validates with the same schema the server uses; issues by field. */
export function validateForm(
  schema: "form" | "input",
  key: string,
  value: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; issues: Record<string, string> } {
  const s = (schema === "form" ? CASE_FORMS : CASE_TRANSITION_INPUTS)[key as never] as z.ZodType | undefined;
  if (!s) return { ok: true, data: value as Record<string, unknown> };
  const r = s.safeParse(value);
  if (r.success) return { ok: true, data: r.data as Record<string, unknown> };
  const issues: Record<string, string> = {};
  for (const i of r.error.issues) issues[String(i.path[0] ?? "")] ??= i.message;
  return { ok: false, issues };
}
