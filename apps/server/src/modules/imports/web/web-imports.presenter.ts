import type {
  PatentImportAuthority,
  PatentImportJob,
  PatentImportJobDetail,
  PatentImportMapping,
  PatentImportProfile,
  PatentImportReport,
  PatentImportUpload,
} from "@zhichan/shared";
import type { FileImportReport } from "../imports.service.js";
import type { ImportJobRow, ProfileRow, UploadRow } from "./web-imports.repository.js";

const person = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? `#${id}` });

export function toUpload(r: UploadRow): PatentImportUpload {
  return {
    id: r.id,
    fileName: r.file_name,
    size: r.size,
    sha256: r.sha256,
    kind: r.kind,
    gzipped: r.gzipped === 1,
    uploadedAt: r.uploaded_at,
    uploadedBy: person(r.uploaded_by, r.uploader_name),
  };
}

export function toProfile(r: ProfileRow): PatentImportProfile {
  return {
    id: r.id,
    name: r.name,
    mapping: JSON.parse(r.mapping_json) as PatentImportMapping,
    layout: r.layout,
    createdAt: r.created_at,
    createdBy: person(r.created_by, r.creator_name),
  };
}

/** The report kept as the job's result: the importer's report in the contract's words. */
export function toReport(r: FileImportReport): PatentImportReport {
  return {
    runId: r.runId,
    status: r.status,
    skippedReason: r.skippedReason ?? null,
    rowsTotal: r.rowsTotal,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rowsBad,
    warnings: r.warnings,
    fieldChanges: r.fieldChanges,
    conflicts: r.conflicts,
    statusEvents: r.statusEvents,
    resumedAfterRow: r.resumedAfterRow,
    authority: r.authority ?? null,
    asOf: r.asOf ?? null,
    detected: r.detected ?? null,
    firstIssues: r.firstIssues.map((i) => ({
      row: i.row,
      reason: i.reason,
      severity: i.severity === "warning" ? "warning" : "error",
      place: i.place,
      issues: i.issues,
    })),
    seconds: r.seconds,
  };
}

/** A stored report; one kept before issues had codes gets none (its reasons stay in English). */
function reportOf(r: ImportJobRow): PatentImportReport | null {
  if (r.status !== "done" || !r.result_json) return null;
  const report = JSON.parse(r.result_json) as PatentImportReport;
  const firstIssues = report.firstIssues.map((i) => ({ ...i, place: i.place ?? null, issues: i.issues ?? [] }));
  return { ...report, firstIssues };
}

export function toJob(r: ImportJobRow): PatentImportJob {
  const report = reportOf(r);
  return {
    id: r.job_id,
    uploadId: r.upload_id,
    fileName: r.file_name,
    source: r.source,
    authority: r.authority as PatentImportAuthority,
    exportDate: r.export_date,
    status: r.status,
    progress: { done: r.rows_done, total: r.rows_total },
    message: r.message,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: person(r.created_by, r.creator_name),
    counts: report && {
      inserted: report.inserted,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
      warnings: report.warnings,
    },
  };
}

export function toJobDetail(r: ImportJobRow): PatentImportJobDetail {
  const report = reportOf(r);
  const hasIssues = report !== null && report.runId !== null && report.rejected + report.warnings > 0;
  return { ...toJob(r), report, rejectedUrl: hasIssues ? `/api/imports/${r.job_id}/rejected.xlsx` : null };
}
