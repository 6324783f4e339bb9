import type { FacetBucket, FacetName } from "@zhichan/shared";

/** Quotes a value when it holds anything beyond word characters, codes and dots. */
export function quoteValue(value: string): string {
  const v = value.trim().replace(/"/g, "");
  return /^[\p{L}\p{N}._/*-]+$/u.test(v) ? v : `"${v}"`;
}

/** `a OR b` + clause would bind as `a OR (b AND clause)`; wrap such queries first. */
function needsParens(query: string): boolean {
  return /(^|[\s)])OR([\s(]|$)/.test(query);
}

/** Appends `AND clause` (or another operator) to the query, keeping its meaning. */
export function appendClause(query: string, clause: string, op: "AND" | "OR" | "NOT" = "AND"): string {
  const q = query.trim();
  if (!q) return op === "NOT" ? `NOT ${clause}` : clause;
  const left = needsParens(q) ? `(${q})` : q;
  return op === "NOT" ? `${left} AND NOT ${clause}` : `${left} ${op} ${clause}`;
}

/** The query clause a facet bucket stands for. */
export function facetClause(facet: FacetName, bucket: FacetBucket): string {
  switch (facet) {
    case "year":
      return `AD=${bucket.value}`;
    case "type":
      return `TYPE=${bucket.value}`;
    case "status":
      return `STATUS=${bucket.value}`;
    case "ipc_section":
    case "ipc_class":
    case "ipc_subclass":
    case "ipc_group":
      return `IPC=${quoteValue(bucket.value)}`;
    case "province":
    case "city":
    case "district":
      return `REGION=${bucket.value}`;
    case "sei":
      return `SEI=${bucket.value}`;
    case "applicant":
      // Bucket values are entity ids: APID= keeps every spelling of the entity (中英文、繁简), where the label's
      // text would find only patents naming that spelling and any longer name containing it.
      return /^[1-9]\d{0,9}$/.test(bucket.value)
        ? `APID=${bucket.value}`
        : `AP="${(bucket.label || bucket.value).replace(/"/g, "")}"`;
    case "agency":
      return `AGC="${(bucket.label || bucket.value).replace(/"/g, "")}"`;
  }
}
