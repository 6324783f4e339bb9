import { AppError } from "@zhichan/core";
import type { Cell } from "../readers/table.js";
import { CANONICAL_FIELDS, type CanonicalField, isCanonicalField } from "./canonical-fields.js";
import { HEADER_ALIASES } from "./header-aliases.js";
import { normaliseHeader } from "./header-normalise.js";

export { normaliseHeader };

const ALIAS_INDEX = new Map<string, CanonicalField>();
for (const field of CANONICAL_FIELDS)
  for (const alias of HEADER_ALIASES[field]) ALIAS_INDEX.set(normaliseHeader(alias), field);

/** Explicit mapping from a JSON file: header text → canonical field, or null to keep the column in extra_json only. */
export type MappingOverride = Record<string, string | null>;

export interface ColumnMapping {
  headers: string[];
  /** Canonical field per column, or null for a column that goes to extra_json. */
  fields: Array<CanonicalField | null>;
}

/**
 * Maps each header to a field: the override first, then the alias table. The first column claiming a field keeps it
 * (later duplicates, e.g. 当前专利代理人 beside 专利代理人, stay in extra_json).
 */
export function buildColumnMapping(headers: string[], override: MappingOverride = {}): ColumnMapping {
  const overrides = new Map(Object.entries(override).map(([h, f]) => [normaliseHeader(h), f] as const));
  for (const [h, f] of overrides) {
    if (f !== null && !isCanonicalField(f)) {
      throw new AppError("BAD_REQUEST", `mapping: '${h}' → unknown field '${f}'`, { fields: CANONICAL_FIELDS });
    }
  }
  const taken = new Set<CanonicalField>();
  const fields = headers.map((raw) => {
    const key = normaliseHeader(raw);
    const field = overrides.has(key) ? (overrides.get(key) as CanonicalField | null) : (ALIAS_INDEX.get(key) ?? null);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
  return { headers, fields };
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/**
 * The header row: among the first rows, the first one naming a publication number and at least one other known
 * field (exports often put a title line or a query above the header).
 */
export function detectHeaderRow(rows: Cell[][], override: MappingOverride = {}, scan = 15): number {
  for (let i = 0; i < Math.min(scan, rows.length); i++) {
    const mapping = buildColumnMapping(rows[i].map(cellText), override);
    const known = mapping.fields.filter(Boolean);
    if (known.includes("pub_no") && known.length >= 2) return i;
  }
  return -1;
}

/**
 * The header row of a file whose columns name no publication number (the official maps one in the web app): among
 * the first rows, the one naming the most known fields; where none names any, the first of the widest rows (a title
 * line above the header has fewer cells). -1 when the first rows are all blank.
 */
export function likelyHeaderRow(rows: Cell[][], override: MappingOverride = {}, scan = 15): number {
  let best = -1;
  let bestKnown = 0;
  let widest = -1;
  let widestCells = 0;
  for (let i = 0; i < Math.min(scan, rows.length); i++) {
    const texts = rows[i].map(cellText);
    const known = buildColumnMapping(texts, override).fields.filter(Boolean).length;
    if (known > bestKnown) [best, bestKnown] = [i, known];
    const cells = texts.filter((t) => t.trim() !== "").length;
    if (cells > widestCells) [widest, widestCells] = [i, cells];
  }
  return best >= 0 ? best : widest;
}

/** One data row split into canonical fields and the rest (by original header, non-empty cells only). */
export interface MappedRow {
  fields: Partial<Record<CanonicalField, Cell>>;
  extra: Record<string, string>;
}

export function mapRow(mapping: ColumnMapping, cells: Cell[]): MappedRow {
  const fields: Partial<Record<CanonicalField, Cell>> = {};
  const extra: Record<string, string> = {};
  const n = Math.max(cells.length, mapping.headers.length);
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined) continue;
    // Trimmed once: a 100k-row file has millions of cells.
    const trimmed = typeof cell === "string" ? cell.trim() : cell;
    if (trimmed === "") continue;
    const field = mapping.fields[i];
    if (field) fields[field] = trimmed;
    else extra[mapping.headers[i] || `column_${i + 1}`] = cellText(cell);
  }
  return { fields, extra };
}

export { cellText };
