import { CHOICE_WORDS_ZH, DATE_FIELDS, fieldKind, type QueryField } from "./queryFields";
import { quoteValue } from "./queryText";

export type BuilderOp = "AND" | "OR" | "NOT";

/** One builder row. Which of value / values / from–to is read depends on the field's kind (queryFields.ts). */
export interface BuilderRow {
  id: number;
  op: BuilderOp;
  field: QueryField;
  /** Text fields: what was typed. */
  value: string;
  /** TYPE / STATUS: codes; IPC: codes from the tree (H01M, H01M10/00). */
  values: string[];
  /** AD / PD: yyyy-mm-dd, either side may be open. */
  from: string | null;
  to: string | null;
}

let nextId = 1;
export function emptyRow(field: QueryField, op: BuilderOp = "AND"): BuilderRow {
  return { id: nextId++, op, field, value: "", values: [], from: null, to: null };
}

/** The row with another field: the value is cleared, since a title's words mean nothing as a date. */
export function withField(row: BuilderRow, field: QueryField): BuilderRow {
  return { ...emptyRow(field, row.op), id: row.id };
}

function dateClause(field: QueryField, from: string | null, to: string | null): string | null {
  if (from && to) return `${field}=${from}..${to}`;
  if (from) return `${field}>=${from}`;
  if (to) return `${field}<=${to}`;
  return null;
}

/** `F=a`, or `F=(a OR b)` for several: a filter matches any of its values. */
function anyOf(field: QueryField, values: string[]): string | null {
  const vs = [...new Set(values.map((v) => v.trim()).filter(Boolean))].map(quoteValue);
  if (vs.length === 0) return null;
  return vs.length === 1 ? `${field}=${vs[0]}` : `${field}=(${vs.join(" OR ")})`;
}

/**
 * One row as a clause. Dates become ranges (AD=2020-01-01..2022-12-31, open ends as >= / <=); type and status
 * are written in the words of the UI language (TYPE=发明授权, TYPE=invention_grant: the language takes both);
 * text is quoted when needed, several words grouped so each must occur in the field.
 */
export function rowClause(row: BuilderRow, lang = "zh"): string | null {
  const kind = fieldKind(row.field);
  if (kind === "date" && (row.from || row.to)) return dateClause(row.field, row.from, row.to);
  if (kind === "choice")
    return anyOf(
      row.field,
      row.values.map((v) => (lang === "en" ? v : (CHOICE_WORDS_ZH[v] ?? v))),
    );
  if (kind === "ipc") return anyOf(row.field, row.values);
  const v = row.value.trim();
  if (!v) return null;
  if (DATE_FIELDS.has(row.field)) {
    // a date typed as the language writes it (>=2020-01-01, 2020..2022) passes through
    const m = /^(>=|<=|>|<|=)?\s*(.+)$/.exec(v)!;
    return `${row.field}${m[1] ?? "="}${m[2].trim()}`;
  }
  // A value already written in the language (a group, a phrase) is kept as typed.
  if (/^\(.*\)$/.test(v) || /^".*"$/.test(v)) return `${row.field}=${v}`;
  // Several words: group them so each must match within the field (names and numbers stay one value).
  const words = v.split(/\s+/);
  if (words.length > 1 && !["AP", "AGC", "IN", "REGION"].includes(row.field)) {
    return `${row.field}=(${words.map(quoteValue).join(" AND ")})`;
  }
  return `${row.field}=${quoteValue(v)}`;
}

/** Joins the non-empty rows left to right with their operators (NOT reads as AND NOT). */
export function buildQuery(rows: BuilderRow[], lang = "zh"): string {
  let q = "";
  for (const row of rows) {
    const clause = rowClause(row, lang);
    if (!clause) continue;
    if (!q) q = row.op === "NOT" ? `NOT ${clause}` : clause;
    else if (row.op === "NOT") q = `${q} AND NOT ${clause}`;
    else if (row.op === "OR") q = / (AND|OR) /.test(q) ? `(${q}) OR ${clause}` : `${q} OR ${clause}`;
    else q = `${q} AND ${clause}`;
  }
  return q;
}
