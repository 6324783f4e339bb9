import { type DivisionIndex, splitApplicants } from "@zhichan/core/patents/index.ts";
import {
  PATENT_IMPORT_PREVIEW_ROWS,
  type PatentImportDetected,
  type PatentImportPreviewPatent,
  type PatentImportPreviewRow,
} from "@zhichan/shared";
import type { Db } from "../../../db/connection.js";
import { undecodableWarning } from "../file-detection.js";
import { loadContext } from "../import-context.js";
import { type MappingOverride, mapRow, normaliseHeader } from "../mapping/column-mapping.js";
import type { PatentDraft } from "../patent-draft.js";
import { readImportSource, sourceRows } from "../readers/import-source.js";
import { normaliseRow } from "../row-normaliser.js";

export interface SourcePreview {
  detected: PatentImportDetected;
  rowsTotal: number;
  rows: PatentImportPreviewRow[];
  warnings: string[];
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
    const base = { row: r.rowNumber, where: r.where.replace(/: $/, "") };
    const prs = r.part.prs?.[r.index];
    if (prs) {
      const legalStatus = { appNo: prs.appNo, code: prs.code, information: prs.information, date: prs.date || null };
      return { ...base, kind: "legal_status", ok: true, problems: [], patent: null, legalStatus };
    }
    const { mapping } = r.part.prepared;
    const outcome = normaliseRow(mapRow(mapping, r.cells), r.ctx);
    if (!outcome.ok) {
      const problems = [{ severity: "error" as const, message: outcome.reason }];
      return { ...base, kind: "patent", ok: false, problems, patent: null, legalStatus: null };
    }
    const undecodable = r.part.prepared.detected.replacedBytes ? undecodableWarning(r.cells, mapping.headers) : null;
    const warnings = undecodable ? [undecodable, ...outcome.warnings] : outcome.warnings;
    return {
      ...base,
      kind: "patent",
      ok: true,
      problems: warnings.map((message) => ({ severity: "warning" as const, message })),
      patent: previewPatent(outcome.patent, r.ctx.divisions),
      legalStatus: null,
    };
  });
  return { detected: src.detected, rowsTotal: all.length, rows, warnings: mappingWarnings(src.detected, override) };
}

/**
 * Names in the mapping that no column of the file carries (a profile made for another layout, a typo), and tables
 * where no column gives a title (every row would be rejected).
 */
function mappingWarnings(detected: PatentImportDetected, override: MappingOverride): string[] {
  const parts = detected.entries?.map((e) => e.detected) ?? [detected];
  const warnings: string[] = [];
  const headers = new Set(parts.flatMap((d) => d.columns.map((c) => normaliseHeader(c.header))));
  const missing = Object.keys(override)
    .filter((h) => !headers.has(normaliseHeader(h)))
    .slice(0, 20);
  if (missing.length)
    warnings.push(
      `映射中的列在文件中不存在：${missing.join("、")} · columns of the mapping not in this file: ${missing.join(", ")}`,
    );
  const tables = (detected.entries?.filter((e) => e.kind === "patents").map((e) => e.detected) ?? [detected]).filter(
    (d) => d.columns.some((c) => c.field !== null),
  );
  if (tables.some((d) => !d.columns.some((c) => c.field === "title" || c.field === "title_en")))
    warnings.push("没有列对应“标题”，每一行都会被拒收 · no column gives the title: every row would be rejected");
  return warnings;
}
