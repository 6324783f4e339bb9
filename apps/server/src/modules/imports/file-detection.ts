import { AppError } from "@zhichan/core";
import { type ImportIssue, issue } from "./import-issues.js";
import type { CanonicalField } from "./mapping/canonical-fields.js";
import {
  buildColumnMapping,
  type ColumnMapping,
  cellText,
  detectHeaderRow,
  likelyHeaderRow,
  type MappingOverride,
} from "./mapping/column-mapping.js";
import { detectLayout, type VendorLayout } from "./mapping/layout.js";
import type { Cell, RawTable } from "./readers/table.js";

/** What an import found in a file: stored with the run (import_runs.detected_json) and printed by the CLI. */
export interface DetectedFile {
  layout: VendorLayout;
  /** The telling columns that decided the layout. */
  layoutEvidence: string[];
  encoding: string;
  delimiter: string | null;
  /** 1-based row of the file holding the header. */
  headerRow: number;
  /** Every source column with the field it fills, or null when it is kept only under its header (extra_json). */
  columns: Array<{ header: string; field: CanonicalField | null }>;
  unused: string[];
  /** Invalid UTF-8 sequences replaced by U+FFFD (the rows holding them get a warning). */
  replacedBytes: number;
  /** A ZIP of several files (readers/import-source.ts): each part with what was detected in it. */
  entries?: Array<{ name: string; kind: "patents" | "legal_status"; rows: number; detected: DetectedFile }>;
}

export interface PreparedFile {
  detected: DetectedFile;
  mapping: ColumnMapping;
  headerOf: Partial<Record<CanonicalField, string>>;
  /** Patentics writes Western names 'Family; Given' with ' | ' between people. */
  pipeSeparatesPeople: boolean;
  /** Non-blank rows below the header with their 1-based number counted from the row after the header. */
  dataRows: Array<{ cells: Cell[]; rowNumber: number }>;
}

const isBlankRow = (cells: Cell[]) => cells.every((c) => c === null || c === undefined || cellText(c).trim() === "");

/**
 * Finds the header row, maps its columns, and decides the vendor layout from the whole header set. A file whose
 * columns name no publication number still gets its likeliest header row, so the web preview can show every column
 * for the official to map (importing it is refused: assertPublicationColumns). Refuses, with a message naming the
 * file, a file whose first rows are blank and a file with a header but no data rows (an export cut before its first
 * record must not pass as a successful import of nothing).
 */
export function prepareFile(label: string, table: RawTable, override?: MappingOverride): PreparedFile {
  const found = detectHeaderRow(table.rows, override);
  const headerIndex = found >= 0 ? found : likelyHeaderRow(table.rows, override);
  if (headerIndex < 0) {
    throw new AppError("BAD_REQUEST", `${label}: no header row in the first rows`, { encoding: table.encoding });
  }
  const headers = table.rows[headerIndex].map(cellText);
  const mapping = buildColumnMapping(headers, override);
  const headerOf: Partial<Record<CanonicalField, string>> = {};
  mapping.fields.forEach((f, i) => {
    if (f) headerOf[f] = headers[i];
  });
  const dataRows = table.rows
    .slice(headerIndex + 1)
    .map((cells, i) => ({ cells, rowNumber: i + 1 }))
    .filter((r) => !isBlankRow(r.cells));
  if (dataRows.length === 0) {
    throw new AppError("BAD_REQUEST", `${label}: no data rows — the file has a header (row ${headerIndex + 1}) only`);
  }
  const { layout, evidence } = detectLayout(headers);
  const inventorColumn = mapping.fields.indexOf("inventors");
  // Only Patentics' layout, or a file of no known layout whose inventor cells use ' | ', reads ';' inside a name.
  const pipeSeparatesPeople =
    layout === "patentics" ||
    (layout === "unknown" &&
      inventorColumn >= 0 &&
      dataRows.slice(0, 200).some((r) => cellText(r.cells[inventorColumn] ?? null).includes("|")));
  const columns = headers.map((header, i) => ({ header, field: mapping.fields[i] }));
  const detected: DetectedFile = {
    layout,
    layoutEvidence: evidence,
    encoding: table.encoding,
    delimiter: table.delimiter ?? null,
    headerRow: headerIndex + 1,
    columns,
    unused: columns.filter((c) => c.field === null && c.header.trim() !== "").map((c) => c.header),
    replacedBytes: table.replaced ?? 0,
  };
  return { detected, mapping, headerOf, pipeSeparatesPeople, dataRows };
}

/** True when no column of a table gives the publication number (the key: no row of it could be imported). */
export const lacksPublicationColumn = (prepared: PreparedFile): boolean => !prepared.mapping.fields.includes("pub_no");

/**
 * Refuses an import, before anything is written, when a table of it has no column giving the publication number,
 * naming the columns it has (README: unknown headers).
 */
export function assertPublicationColumns(parts: Array<{ name: string; kind: string; prepared: PreparedFile }>): void {
  const part = parts.find((p) => p.kind === "patents" && lacksPublicationColumn(p.prepared));
  if (!part) return;
  const { headerRow, columns } = part.prepared.detected;
  const headers = columns.map((c) => c.header).filter((h) => h.trim() !== "");
  throw new AppError(
    "BAD_REQUEST",
    `${part.name}: no column gives the publication number (columns of row ${headerRow}: ${headers.join(", ")}); ` +
      'name one with a mapping, e.g. {"Doc ID": "pub_no"}',
    { columns: headers, headerRow },
  );
}

/** A warning for a row holding bytes that were not UTF-8 (decoded as U+FFFD), naming the columns. */
export function undecodableWarning(cells: Cell[], headers: string[]): ImportIssue | null {
  const columns = cells.flatMap((c, i) =>
    typeof c === "string" && c.includes("\uFFFD") ? [headers[i] || `column ${i + 1}`] : [],
  );
  return columns.length ? issue("undecodable", { columns }) : null;
}
