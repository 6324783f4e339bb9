import { z } from "zod";

/**
 * Patent import in the web app (API under /api/imports, permission data:import). Flow: upload one file (multipart,
 * field `file`) → the answer shows what was detected and a preview of the first rows as they will be stored →
 * optionally preview again with another column mapping or a saved profile → start → poll the job → download the
 * rejected rows as XLSX. Names carry a `PatentImport` prefix: registry.ts already exports `ImportResult`.
 */

/** The largest file POST /api/imports accepts (bytes, as sent; a gzipped file is also bounded after inflating). */
export const PATENT_IMPORT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** File kinds an upload may hold (recognised by content, not by name); `.gz` of any of them too. */
export const PATENT_IMPORT_FILE_KINDS = ["csv", "tsv", "txt", "xlsx", "xml", "zip"] as const;
/** For an <input accept>: the names a file picker should offer. */
export const PATENT_IMPORT_ACCEPT = ".csv,.tsv,.txt,.xls,.xlsx,.xml,.zip,.gz";
/** Rows the preview shows. */
export const PATENT_IMPORT_PREVIEW_ROWS = 20;

/** A canonical field name ('pub_no', 'title', …; GET /api/imports/fields lists them with labels). */
export const PatentImportFieldName = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/);

/**
 * Column mapping: source header text → canonical field, or null to leave the column unused (kept under its header
 * on the patent page). Headers not named follow the built-in aliases, so send every column you want fixed. The
 * first column claiming a field keeps it.
 */
export const PatentImportMapping = z
  .record(z.string().max(500), PatentImportFieldName.nullable())
  .refine((m) => Object.keys(m).length <= 500, { message: "at most 500 columns" });
export type PatentImportMapping = z.infer<typeof PatentImportMapping>;

export const PatentImportField = z.object({
  field: z.string(),
  zh: z.string(),
  en: z.string(),
  /** A row without it is rejected (pub_no; title or title_en). */
  required: z.boolean(),
});
export type PatentImportField = z.infer<typeof PatentImportField>;
export const PatentImportFieldList = z.object({ fields: z.array(PatentImportField) });
export type PatentImportFieldList = z.infer<typeof PatentImportFieldList>;

const DetectedColumn = z.object({ header: z.string(), field: z.string().nullable() });

/** What was detected in one file (or one part of a ZIP). */
export const PatentImportDetectedPart = z.object({
  /** 'incopat' | 'patentics' | 'patsnap' | 'cnipa' | 'merged' | 'unknown' (more may come). */
  layout: z.string(),
  /** The telling columns that decided the layout. */
  layoutEvidence: z.array(z.string()),
  /** 'utf-8' | 'gb18030' | 'xlsx' | 'xml' | 'zip' … */
  encoding: z.string(),
  /** ',' | '\t' | ';' … ; null for XLSX and XML. */
  delimiter: z.string().nullable(),
  /** 1-based row of the file holding the header (0: XML, no header row). */
  headerRow: z.number().int(),
  /** Every source column, in order, with its canonical field or null (unused). */
  columns: z.array(DetectedColumn),
  unused: z.array(z.string()),
  /** Bytes that were not UTF-8, shown as U+FFFD (the rows holding them get a warning). */
  replacedBytes: z.number().int(),
});
export type PatentImportDetectedPart = z.infer<typeof PatentImportDetectedPart>;

export const PatentImportDetected = PatentImportDetectedPart.extend({
  /** A ZIP of several files: each part with what was detected in it. */
  entries: z
    .array(
      z.object({
        name: z.string(),
        kind: z.enum(["patents", "legal_status"]),
        rows: z.number().int(),
        detected: PatentImportDetectedPart,
      }),
    )
    .optional(),
});
export type PatentImportDetected = z.infer<typeof PatentImportDetected>;

export const PatentImportUpload = z.object({
  id: z.string(),
  fileName: z.string(),
  /** Bytes as uploaded. */
  size: z.number().int(),
  sha256: z.string(),
  /** Recognised by content: one of PATENT_IMPORT_FILE_KINDS. */
  kind: z.string(),
  gzipped: z.boolean(),
  uploadedAt: z.string(),
  uploadedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type PatentImportUpload = z.infer<typeof PatentImportUpload>;

/**
 * Every issue an import reports has a stable code and parameters (the English text stays for the CLI and logs); the
 * web app says it in the UI's language from its catalogue (`imports.issues.<code>`).
 * Row issues: no_pub_no; bad_pub_no {value}; no_title {pubNo}; bad_date {column, value}; unknown_sei {labels};
 * undecodable {columns}; prs_no_app_no {code}; prs_bad_date {code, appNo, value}; prs_no_patent {code, appNo}.
 * File issues (preview): no_pub_no_column (start refused until a column is mapped to pub_no); no_title_column
 * (every row would be rejected); mapping_columns_absent {columns}.
 */
export const PATENT_IMPORT_ISSUE_CODES = [
  "no_pub_no",
  "bad_pub_no",
  "no_title",
  "bad_date",
  "unknown_sei",
  "undecodable",
  "prs_no_app_no",
  "prs_bad_date",
  "prs_no_patent",
  "no_pub_no_column",
  "no_title_column",
  "mapping_columns_absent",
] as const;
export type PatentImportIssueCode = (typeof PATENT_IMPORT_ISSUE_CODES)[number];

/** An issue's parameters: texts from the file (a header, a cell, a number), numbers, or lists of texts. */
export const PatentImportIssueParams = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));
export type PatentImportIssueParams = z.infer<typeof PatentImportIssueParams>;
/** One coded issue; `code` is one of PATENT_IMPORT_ISSUE_CODES (a string, so a newer server never breaks a client). */
export const PatentImportCodedIssue = z.object({ code: z.string(), params: PatentImportIssueParams });
export type PatentImportCodedIssue = z.infer<typeof PatentImportCodedIssue>;
/** Where in a ZIP a row came from: the entry, and its own row number when it is a table (null for one document). */
export const PatentImportPlace = z.object({ file: z.string(), row: z.number().int().nullable() });
export type PatentImportPlace = z.infer<typeof PatentImportPlace>;

export const PatentImportProblem = z.object({
  severity: z.enum(["error", "warning"]),
  /** In English (the CLI's words); show `code` with `params` in the UI's language. */
  message: z.string(),
  code: z.string().nullable(),
  params: PatentImportIssueParams,
});
export type PatentImportProblem = z.infer<typeof PatentImportProblem>;

/** A problem of the whole file or of one table of a ZIP (`place`), found by the preview. */
export const PatentImportFileProblem = PatentImportProblem.extend({ place: PatentImportPlace.nullable() });
export type PatentImportFileProblem = z.infer<typeof PatentImportFileProblem>;

/** A row as it will be stored (nothing is written by a preview). */
export const PatentImportPreviewPatent = z.object({
  pubNo: z.string(),
  appNo: z.string().nullable(),
  country: z.string().nullable(),
  title: z.string(),
  titleEn: z.string().nullable(),
  /** The first 300 characters. */
  abstract: z.string().nullable(),
  /** 'invention' | 'invention_grant' | 'utility' | 'design' | … and the source's words. */
  type: z.string().nullable(),
  typeRaw: z.string().nullable(),
  /** Normalised legal status ('valid', 'pending', 'lapsed', …) and the source's words. */
  status: z.string().nullable(),
  statusRaw: z.string().nullable(),
  appDate: z.string().nullable(),
  pubDate: z.string().nullable(),
  grantDate: z.string().nullable(),
  applicants: z.array(z.string()),
  inventors: z.array(z.string()),
  ipcMain: z.string().nullable(),
  ipcAll: z.array(z.string()),
  cpc: z.array(z.string()),
  /** Finest division code found and its name; the rule that gave it (cnipa_code, fields, address, org_name). */
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  regionRule: z.string().nullable(),
  regionRaw: z.string().nullable(),
  agency: z.string().nullable(),
  agent: z.string().nullable(),
  /** Source columns kept under their own headers (no canonical field). */
  otherFields: z.record(z.string(), z.string()),
});
export type PatentImportPreviewPatent = z.infer<typeof PatentImportPreviewPatent>;

export const PatentImportPreviewRow = z.object({
  /** The row number the import will report (data rows counted from 1; continued across the parts of a ZIP). */
  row: z.number().int(),
  /** '' for a one-part file; else the ZIP entry (and its row), in English: show `place` in the UI's language. */
  where: z.string(),
  place: PatentImportPlace.nullable(),
  kind: z.enum(["patent", "legal_status"]),
  ok: z.boolean(),
  problems: z.array(PatentImportProblem),
  patent: PatentImportPreviewPatent.nullable(),
  /** A CNIPA PRS legal-status record (kind 'legal_status'). */
  legalStatus: z
    .object({ appNo: z.string(), code: z.string(), information: z.string(), date: z.string().nullable() })
    .nullable(),
});
export type PatentImportPreviewRow = z.infer<typeof PatentImportPreviewRow>;

/** POST /api/imports and POST /api/imports/:uploadId/preview answer this. */
export const PatentImportPreview = z.object({
  upload: PatentImportUpload,
  detected: PatentImportDetected,
  /** Data rows in the file (all parts). */
  rowsTotal: z.number().int(),
  /** The mapping override applied (empty: the built-in aliases alone). */
  mapping: PatentImportMapping,
  profileId: z.number().int().nullable(),
  /** The mapping leaves no column for a required field, a profile names headers this file lacks, … ("中文 · English"). */
  warnings: z.array(z.string()),
  /** The same, coded: `no_pub_no_column` (an error: start is refused until a column gives the publication number). */
  problems: z.array(PatentImportFileProblem),
  rows: z.array(PatentImportPreviewRow),
});
export type PatentImportPreview = z.infer<typeof PatentImportPreview>;

export const PatentImportPreviewBody = z.object({
  mapping: PatentImportMapping.optional(),
  profileId: z.number().int().min(1).max(2_147_483_647).optional(),
});
export type PatentImportPreviewBody = z.infer<typeof PatentImportPreviewBody>;

export const PatentImportAuthority = z.enum(["vendor", "official"]);
export type PatentImportAuthority = z.infer<typeof PatentImportAuthority>;

/** A source tag: recorded with every value the import writes ('incopat-2025w14'). */
export const PatentImportSourceTag = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(
    /^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff_.:-]*$/,
    "letters, digits, Chinese characters, _ . : - only",
  );

export const PatentImportStartBody = PatentImportPreviewBody.extend({
  source: PatentImportSourceTag,
  /**
   * 'official' (CNIPA data: outranks vendor exports for bibliographic fields) only for a city-wide official;
   * default 'vendor' ('official' for a file of CNIPA XML only).
   */
  authority: PatentImportAuthority.optional(),
  /** The date the export speaks for; orders sources for legal status. */
  exportDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Import again a file whose identical content already finished under this source tag (normally skipped). */
  force: z.boolean().optional(),
});
export type PatentImportStartBody = z.infer<typeof PatentImportStartBody>;

export const PatentImportIssue = z.object({
  row: z.number().int(),
  /** In English, ZIP entry first (the CLI's words); show `place` and `issues` in the UI's language. */
  reason: z.string(),
  severity: z.enum(["error", "warning"]),
  place: PatentImportPlace.nullable(),
  /** The row's issues, coded (empty for imports made before issues had codes: show `reason`). */
  issues: z.array(PatentImportCodedIssue),
});
export type PatentImportIssue = z.infer<typeof PatentImportIssue>;

/** The result of a finished import. */
export const PatentImportReport = z.object({
  runId: z.number().int().nullable(),
  /** 'skipped': this content had already been imported completely under this source (start with force). */
  status: z.enum(["done", "skipped"]),
  skippedReason: z.string().nullable(),
  rowsTotal: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  warnings: z.number().int(),
  /** Field group → rows whose value of it changed. */
  fieldChanges: z.record(z.string(), z.number().int()),
  /** Field group → rows whose value lost to a higher-ranked kept one. */
  conflicts: z.record(z.string(), z.number().int()),
  /** Legal-status changes recorded as dated events. */
  statusEvents: z.number().int(),
  resumedAfterRow: z.number().int(),
  authority: PatentImportAuthority.nullable(),
  asOf: z.string().nullable(),
  detected: PatentImportDetected.nullable(),
  firstIssues: z.array(PatentImportIssue),
  seconds: z.number(),
});
export type PatentImportReport = z.infer<typeof PatentImportReport>;

export const PatentImportJobStatus = z.enum(["queued", "running", "done", "failed"]);
export type PatentImportJobStatus = z.infer<typeof PatentImportJobStatus>;

/** One import (a durable job): GET /api/imports lists them newest first, GET /api/imports/:id adds the report. */
export const PatentImportJob = z.object({
  id: z.number().int(),
  uploadId: z.string(),
  fileName: z.string(),
  source: z.string(),
  authority: PatentImportAuthority,
  exportDate: z.string().nullable(),
  status: PatentImportJobStatus,
  /** Rows done of total (0 of 0 until the file has been read). */
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  /** A failure's reason, or a note ('re-queued after a restart'). */
  message: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** Once done: new / updated / unchanged / rejected. */
  counts: z
    .object({
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
      warnings: z.number().int(),
    })
    .nullable(),
});
export type PatentImportJob = z.infer<typeof PatentImportJob>;

export const PatentImportJobList = z.object({ items: z.array(PatentImportJob) });
export type PatentImportJobList = z.infer<typeof PatentImportJobList>;

export const PatentImportJobDetail = PatentImportJob.extend({
  report: PatentImportReport.nullable(),
  /** GET /api/imports/:id/rejected.xlsx — present once done with rejected rows or warnings. */
  rejectedUrl: z.string().nullable(),
});
export type PatentImportJobDetail = z.infer<typeof PatentImportJobDetail>;

/** A named column mapping an official saved; applied at preview or start with profileId. */
export const PatentImportProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  mapping: PatentImportMapping,
  /** The layout detected when it was saved, to suggest it for files of that layout. */
  layout: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type PatentImportProfile = z.infer<typeof PatentImportProfile>;
export const PatentImportProfileList = z.object({ items: z.array(PatentImportProfile) });
export type PatentImportProfileList = z.infer<typeof PatentImportProfileList>;

export const PatentImportProfileBody = z.object({
  name: z.string().trim().min(1).max(100),
  mapping: PatentImportMapping,
  layout: z.string().max(40).optional(),
});
export type PatentImportProfileBody = z.infer<typeof PatentImportProfileBody>;
