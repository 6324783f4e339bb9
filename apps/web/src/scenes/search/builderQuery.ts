import { DATE_FIELDS, type QueryField } from "./queryFields";
import { quoteValue } from "./queryText";

export interface BuilderRow {
  id: number;
  op: "AND" | "OR" | "NOT";
  field: QueryField;
  value: string;
}

let nextId = 1;
export function emptyRow(field: QueryField): BuilderRow {
  return { id: nextId++, op: "AND", field, value: "" };
}

/** One row as a clause: dates and ranges pass through (AD>=2020-01-01, AD=2020..2022); text is quoted if needed. */
export function rowClause(row: BuilderRow): string | null {
  const v = row.value.trim();
  if (!v) return null;
  if (DATE_FIELDS.has(row.field)) {
    const m = /^(>=|<=|>|<|=)?\s*(.+)$/.exec(v)!;
    return `${row.field}${m[1] ?? "="}${m[2].trim()}`;
  }
  // A value already written in the language (a group, a phrase) is kept as typed.
  if (/^\(.*\)$/.test(v) || /^".*"$/.test(v)) return `${row.field}=${v}`;
  // Several words: group them so each must match within the field.
  const words = v.split(/\s+/);
  if (words.length > 1 && !["AP", "AGC", "IN"].includes(row.field)) {
    return `${row.field}=(${words.map(quoteValue).join(" AND ")})`;
  }
  return `${row.field}=${quoteValue(v)}`;
}

/** Joins the non-empty rows left to right with their operators (NOT reads as AND NOT). */
export function buildQuery(rows: BuilderRow[]): string {
  let q = "";
  for (const row of rows) {
    const clause = rowClause(row);
    if (!clause) continue;
    if (!q) q = row.op === "NOT" ? `NOT ${clause}` : clause;
    else if (row.op === "NOT") q = `${q} AND NOT ${clause}`;
    else if (row.op === "OR") q = / (AND|OR) /.test(q) ? `(${q}) OR ${clause}` : `${q} OR ${clause}`;
    else q = `${q} AND ${clause}`;
  }
  return q;
}
