import { type DivisionIndex, splitApplicants } from "@zhichan/core/patents/index.ts";
import {
  PATENT_IMPORT_PREVIEW_ROWS,
  type PatentImportDetected,
  type PatentImportFileProblem,
  type PatentImportPreviewPatent,
  type PatentImportPreviewRow,
  type PatentImportProblem,
} from "@zhichan/shared";
import type { Db } from "../../../db/connection.js";
import { lacksPublicationColumn, undecodableWarning } from "../file-detection.js";
import { loadContext } from "../import-context.js";
import { type ImportIssue, issue, issueText } from "../import-issues.js";
import { type MappingOverride, mapRow, normaliseHeader } from "../mapping/column-mapping.js";
import type { PatentDraft } from "../patent-draft.js";
import { type ImportSource, readImportSource, sourceRows } from "../readers/import-source.js";
import { normaliseRow } from "../row-normaliser.js";

export interface SourcePreview {
  detected: PatentImportDetected;
  rowsTotal: number;
  rows: PatentImportPreviewRow[];
  /** The problems' texts, "中文 · English" (the contract's `warnings`). */
  warnings: string[];
  problems: PatentImportFileProblem[];
  /** The header row of each table (CSV/XLSX part), kept with the upload so start can check the mapping. */
  tables: Array<{ name: string; headers: string[] }>;
}

const ABSTRACT_CHARS = 300;
const list = (s: string | null) => (s ? s.split(";").filter(Boolean) : []);

/** A division's name with its parents' ('河南省 郑州市 中原区'). */
function regionName(divisions: DivisionIndex, code: string | null): string | null {
  const names: string[] = [];
  for (let c = code; c; ) {
    const d = divisions.byCode.get(c);
    if (!d) break;
    names.unshift(d.name);
    c = d.parent;
  }
  return names.length ? names.join(" ") : null;
}

function previewPatent(p: PatentDraft, divisions: DivisionIndex): PatentImportPreviewPatent {
  const regionCode = p.district_code ?? p.city_code ?? p.province_code;
  const other = p.extra_json ? (JSON.parse(p.extra_json) as Record<string, string>) : {};
  return {
    pubNo: p.pub_no,
    appNo: p.app_no,
    country: p.country,
    title: p.title,
    titleEn: p.title_en,
    abstract: p.abstract ? p.abstract.slice(0, ABSTRACT_CHARS) : null,
    type: p.type,
    typeRaw: p.type_raw,
    status: p.status,
    statusRaw: p.status_raw,
    appDate: p.app_date,
    pubDate: p.pub_date,
    grantDate: p.grant_date,
    applicants: splitApplicants(p.applicants_raw),
    inventors: list(p.inventors),
    ipcMain: p.ipc_main,
    ipcAll: list(p.ipc_all),
    cpc: list(p.cpc),
    regionCode,
    regionName: regionName(divisions, regionCode),
    regionRule: p.region_rule,
    regionRaw: p.region_raw,
    agency: p.agency,
    agent: p.agent,
    otherFields: Object.fromEntries(Object.entries(other).map(([k, v]) => [k, String(v).slice(0, 500)])),
  };
}

/**
 * What an import of the file would find and store, without writing anything: the same reader, header detection,
 * column mapping and row normaliser as importFile, over the first rows. Throws the readers' AppErrors (a file with
 * no header row or no data rows, a bomb, bad XML) unchanged.
 */
export async function previewSource(
  db: Db,
  file: string,
  label: string,
  override: MappingOverride,
): Promise<SourcePreview> {
  const src = await readImportSource(file, label, override);
  const all = sourceRows(src, (p) => loadContext(db, "preview", p.prepared.headerOf, p.prepared.pipeSeparatesPeople));
  const rows = all.slice(0, PATENT_IMPORT_PREVIEW_ROWS).map((r): PatentImportPreviewRow => {
    const base = { row: r.rowNumber, where: r.where.replace(/: $/, ""), place: r.place };
    const prs = r.part.prs?.[r.index];
    if (prs) {
      const legalStatus = { appNo: prs.appNo, code: prs.code, information: prs.information, date: prs.date || null };
      return { ...base, kind: "legal_status", ok: true, problems: [], patent: null, legalStatus };
    }
    const { mapping } = r.part.prepared;
    const outcome = normaliseRow(mapRow(mapping, r.cells), r.ctx);
    if (!outcome.ok) {
      const problems = [problem("error", outcome.issue)];
      return { ...base, kind: "patent", ok: false, problems, patent: null, legalStatus: null };
    }
    const undecodable = r.part.prepared.detected.replacedBytes ? undecodableWarning(r.cells, mapping.headers) : null;
    const warnings = undecodable ? [undecodable, ...outcome.warnings] : outcome.warnings;
    return {
      ...base,
      kind: "patent",
      ok: true,
      problems: warnings.map((w) => problem("warning", w)),
      patent: previewPatent(outcome.patent, r.ctx.divisions),
      legalStatus: null,
    };
  });
  const found = fileIssues(src, override);
  const problems = found.map(({ severity, issue: i, file }): PatentImportFileProblem => {
    return { ...problem(severity, i), place: file === null ? null : { file, row: null } };
  });
  const warnings = found.map(({ issue: i }) => `${issueText(i, "zh")} · ${issueText(i)}`);
  const tables = src.parts
    .filter((p) => p.kind === "patents" && p.prepared.detected.headerRow > 0)
    .map((p) => ({ name: p.name, headers: p.prepared.mapping.headers }));
  return { detected: src.detected, rowsTotal: all.length, rows, warnings, problems, tables };
}

const problem = (severity: "error" | "warning", i: ImportIssue): PatentImportProblem => ({
  severity,
  message: issueText(i),
  code: i.code,
  params: i.params,
});

/**
 * What the official must see before starting: a table where no column gives the publication number (an error: start
 * is refused until one is mapped) or the title (every row would be rejected), and names in the mapping that no
 * column of the file carries (a profile made for another layout, a typo).
 */
function fileIssues(src: ImportSource, override: MappingOverride) {
  const found: Array<{ severity: "error" | "warning"; issue: ImportIssue; file: string | null }> = [];
  const many = src.parts.length > 1;
  const add = (severity: "error" | "warning", i: ImportIssue, file: string | null) =>
    found.push({ severity, issue: i, file });
  for (const part of src.parts) {
    if (part.kind !== "patents") continue;
    const file = many ? part.name : null;
    if (lacksPublicationColumn(part.prepared)) add("error", issue("no_pub_no_column"), file);
    const fields = part.prepared.mapping.fields;
    if (!fields.includes("title") && !fields.includes("title_en")) add("warning", issue("no_title_column"), file);
  }
  const headers = new Set(src.parts.flatMap((p) => p.prepared.detected.columns.map((c) => normaliseHeader(c.header))));
  const missing = Object.keys(override)
    .filter((h) => !headers.has(normaliseHeader(h)))
    .slice(0, 20);
  if (missing.length) add("warning", issue("mapping_columns_absent", { columns: missing }), null);
  return found;
}
