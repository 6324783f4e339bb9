import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { AppError } from "@zhichan/core";
import type { Db } from "../../db/connection.js";
import { ApplicantLinker } from "./applicant-linker.js";
import { refreshApplicantEntities } from "./display-names.js";
import { refreshTouchedEntities } from "./entity-refresh.js";
import type { Authority, ValueOrigin } from "./field-precedence.js";
import { assertPublicationColumns, type DetectedFile, undecodableWarning } from "./file-detection.js";
import { loadContext } from "./import-context.js";
import type { RowIssue } from "./import-issues.js";
import { ImportRepository } from "./imports.repository.js";
import { rowCount as countOf, hasInitialImport, markInitialImport } from "./initial-import.repository.js";
import { applyPrsRecord } from "./legal-status-records.js";
import { cellText, type MappingOverride, mapRow } from "./mapping/column-mapping.js";
import { emptyCounters, type WriteCounters, writePatent } from "./patent-writer.js";
import { readImportSource, sourceRows } from "./readers/import-source.js";
import type { Cell } from "./readers/table.js";
import { loadReferenceData, type ReferenceReport } from "./reference-data.js";
import { normaliseRow } from "./row-normaliser.js";
import { shippedPatentFiles } from "./shipped-data.js";

export interface ImportOptions {
  /** Source tag recorded in patents.sources and import_runs.source. */
  source: string;
  /** Header → canonical field overrides (null keeps a column in extra_json only). */
  mapping?: MappingOverride;
  /** Rows per transaction; 1,000 by default. */
  batchSize?: number;
  /** Re-import a file whose identical content was already imported completely (normally skipped). */
  force?: boolean;
  /** For callers importing many files: skip the display-name pass here and run it once at the end. */
  deferDisplayNames?: boolean;
  /** 'official' (CNIPA data) outranks 'vendor' exports for bibliographic fields (README: precedence); vendor by default. */
  authority?: Authority;
  /** The date the export speaks for (YYYY-MM-DD); without it the import's start orders the sources. */
  exportDate?: string;
  /**
   * Called after each batch commits (the running server catches its search index up; watches are evaluated
   * against exactly what the batch wrote).
   */
  onBatchCommitted?: (batch: CommittedBatch) => void;
}

/**
 * What one committed batch wrote, as id ranges (after, upTo]: the patents it inserted and the history events
 * (legal-status changes, PRS legal events) it added. Read inside the batch's transaction, so no other writer's rows
 * fall inside them.
 */
export interface CommittedBatch {
  runId: number;
  insertedPatents: { after: number; upTo: number };
  events: { after: number; upTo: number };
}

export interface ImportProgress {
  file: string;
  done: number;
  total: number;
}
export type ProgressListener = (p: ImportProgress) => void;

export type { RowIssue } from "./import-issues.js";

export interface FileImportReport {
  file: string;
  source: string;
  runId: number | null;
  status: "done" | "skipped";
  skippedReason?: string;
  encoding?: string;
  /** Layout, encoding, delimiter, header row and column mapping found in the file (absent when skipped). */
  detected?: DetectedFile;
  rowsTotal: number;
  rowsOk: number;
  rowsBad: number;
  warnings: number;
  /** Rows of a killed earlier run that were already committed and so not read again. */
  resumedAfterRow: number;
  /** New publications, rows that changed a stored one, rows that changed nothing (rejected rows: rowsBad). */
  inserted: number;
  updated: number;
  unchanged: number;
  /** Field group → rows whose value of it changed. */
  fieldChanges: Record<string, number>;
  /** Field group → rows whose value lost to a higher-ranked kept one (and differed from it). */
  conflicts: Record<string, number>;
  /** Legal-status changes recorded as dated events in the patents' history. */
  statusEvents: number;
  authority?: Authority;
  asOf?: string;
  firstIssues: RowIssue[];
  seconds: number;
}

export interface ImportReport {
  reference: ReferenceReport[];
  files: FileImportReport[];
  summary: {
    patents: number;
    applicants: number;
    aliases: number;
    links: number;
    rowsOk: number;
    rowsBad: number;
    warnings: number;
    seconds: number;
  };
  initialImportAt: string | null;
}

const DEFAULT_BATCH = 1000;
/** wal_autocheckpoint during an import: 64 MB of WAL pages (SQLite's default is 1,000 pages, 4 MB). */
const BULK_AUTOCHECKPOINT_PAGES = 16_384;
const RELEASED: Cell[] = [];

const rawOf = (cells: Cell[]) => cells.map(cellText).join(",").slice(0, 2000);

/**
 * Imports one patent file (CSV/XLSX, optionally gzipped, any known column layout). Each batch of rows — patents,
 * applicants, aliases, links, run counters, row errors and the patent_seq bump — is one transaction, so a killed
 * import loses no committed batch; running it again resumes after the last committed row. A file whose identical
 * content already finished is skipped unless `force`; re-importing changes nothing that is already there.
 */
export async function importFile(
  db: Db,
  file: string,
  options: ImportOptions,
  onProgress?: ProgressListener,
): Promise<FileImportReport> {
  const started = Date.now();
  const label = path.basename(file);
  const repo = new ImportRepository(db.sqlite);
  // Read once: the same bytes give the content hash (the run's key) and, below, the rows.
  const raw = fs.readFileSync(file);
  const sha = crypto.createHash("sha256").update(raw).digest("hex");
  const previous = repo.latestRun(sha, options.source);
  const base = { file, source: options.source, ...emptyCounters(), resumedAfterRow: 0 };
  if (options.exportDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.exportDate)) {
    throw new AppError("BAD_REQUEST", `${label}: export date '${options.exportDate}' is not YYYY-MM-DD`);
  }
  if (previous?.status === "done" && !options.force) {
    return {
      ...base,
      runId: previous.id,
      status: "skipped",
      skippedReason: "this file content was already imported completely",
      rowsTotal: previous.rows_total,
      rowsOk: previous.rows_ok,
      rowsBad: previous.rows_bad,
      warnings: repo.countIssues(previous.id, "warning"),
      firstIssues: [],
      seconds: 0,
    };
  }

  // A bigger page cache for the bulk path: the pub_no index takes inserts in no particular order, and the default
  // 2 MB cache turns that into page reloads. Connection-level, 64 MB at most.
  db.sqlite.pragma("cache_size = -65536");
  // CSV/XLSX (header row, column mapping, vendor layout; a file without a header or data rows is refused), CNIPA XML
  // or a ZIP of them: read whole and bounded before anything is written (readers/import-source.ts).
  const src = await readImportSource(file, label, options.mapping, undefined, raw);
  assertPublicationColumns(src.parts); // a table no row of which could be keyed is refused, naming its columns
  const { detected } = src;
  const dataRows = sourceRows(src, (p) =>
    loadContext(db, options.source, p.prepared.headerOf, p.prepared.pipeSeparatesPeople),
  );

  const resuming = previous && previous.status !== "done" && !options.force ? previous : undefined;
  const startedAt = new Date().toISOString();
  const authority = resuming?.authority ?? options.authority ?? (src.official ? "official" : "vendor");
  const asOf = resuming?.as_of ?? options.exportDate ?? startedAt;
  const runId =
    resuming?.id ??
    repo.createRun(options.source, file, sha, startedAt, { source: options.source, runId: null, authority, asOf });
  // Identical content imported again (--force) ranks as its first import did, so re-importing files in any order
  // changes nothing: a later run id alone must not let an old file win over what came after it.
  const first = previous ? repo.firstRun(sha, options.source) : undefined;
  const origin: ValueOrigin = first
    ? { source: options.source, runId: first.id, authority: first.authority, asOf: first.as_of ?? asOf }
    : { source: options.source, runId, authority, asOf };
  const skip = resuming ? resuming.rows_ok + resuming.rows_bad : 0;
  repo.setRunTotal(runId, dataRows.length);
  repo.saveDetected(runId, JSON.stringify(detected));
  // A resumed run continues the counts its committed batches saved, so the report covers the whole file.
  const counters: WriteCounters = resuming?.counts_json
    ? { ...emptyCounters(), ...(JSON.parse(resuming.counts_json) as Partial<WriteCounters>) }
    : emptyCounters();
  const linker = new ApplicantLinker(repo);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  // Fewer, larger checkpoints while the batches commit: at SQLite's 1,000 pages a checkpoint (with its two fsyncs)
  // ran every second batch and copied the same index pages again each time. Durability is unchanged: every commit
  // is in the WAL either way. The connection's setting is put back when the run ends.
  const autocheckpoint = db.sqlite.pragma("wal_autocheckpoint", { simple: true }) as number;
  db.sqlite.pragma(`wal_autocheckpoint = ${BULK_AUTOCHECKPOINT_PAGES}`);

  try {
    for (let start = skip; start < dataRows.length; start += batchSize) {
      const batch = dataRows.slice(start, start + batchSize);
      const committed = repo.transaction((): CommittedBatch => {
        const before = repo.maxIds();
        let seq = repo.currentSeq();
        let ok = 0;
        let bad = 0;
        for (const { cells, rowNumber, part, ctx, index, place } of batch) {
          const { mapping } = part.prepared;
          const outcome = part.prs
            ? applyPrsRecord(repo, linker, part.prs[index], seq, counters, origin)
            : normaliseRow(mapRow(mapping, cells), ctx);
          if (!outcome.ok) {
            repo.insertIssue(runId, rowNumber, place, [outcome.issue], rawOf(cells), "error");
            bad++;
            continue;
          }
          if (!("patent" in outcome)) {
            seq = outcome.seq; // a legal-status record: applied to the patents it names
            ok++;
            continue;
          }
          seq = writePatent(repo, linker, outcome.patent, seq, counters, origin);
          const undecodable = part.prepared.detected.replacedBytes ? undecodableWarning(cells, mapping.headers) : null;
          const warnings = undecodable ? [undecodable, ...outcome.warnings] : outcome.warnings;
          if (warnings.length) repo.insertIssue(runId, rowNumber, place, warnings, null, "warning");
          ok++;
        }
        repo.addBatch(runId, ok, bad);
        repo.saveRunCounts(runId, counters);
        repo.saveSeq(seq);
        const after = repo.maxIds();
        return {
          runId,
          insertedPatents: { after: before.patent, upTo: after.patent },
          events: { after: before.event, upTo: after.event },
        };
      });
      options.onBatchCommitted?.(committed);
      // The file is read whole; a committed batch's cells are let go, so the garbage collector stops carrying them.
      for (const r of batch) r.cells = r.part.prepared.dataRows[r.index].cells = RELEASED;
      onProgress?.({ file: label, done: Math.min(start + batchSize, dataRows.length), total: dataRows.length });
      await yieldToEventLoop();
    }
    // Only what this run wrote (milliseconds for a small file); a resumed run also covers what its killed attempt
    // committed, which nobody remembers, so it takes the full pass.
    if (!options.deferDisplayNames) {
      if (resuming) refreshApplicantEntities(db.sqlite);
      else await refreshTouchedEntities(db.sqlite, { ...repo.touched, keyOf: (name) => linker.normKey(name) });
    }
    repo.finishRun(runId, "done", new Date().toISOString());
  } catch (err) {
    repo.finishRun(runId, "failed", new Date().toISOString());
    throw err;
  } finally {
    db.sqlite.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
  }
  const run = repo.latestRun(sha, options.source);
  return {
    ...base,
    ...counters,
    resumedAfterRow: skip,
    authority,
    asOf,
    runId,
    status: "done",
    encoding: src.encoding,
    detected,
    rowsTotal: dataRows.length,
    rowsOk: run?.rows_ok ?? 0,
    rowsBad: run?.rows_bad ?? 0,
    warnings: repo.countIssues(runId, "warning"),
    firstIssues: repo.firstIssues(runId, 10),
    seconds: (Date.now() - started) / 1000,
  };
}

/** True once every shipped file has been loaded (meta 'initial_import' holds when). */
export function isInitialImportDone(db: Db): boolean {
  return hasInitialImport(db);
}

/**
 * Loads everything the project ships in data/: the reference tables, then each patent file in order (see
 * shipped-data.ts), then sets meta 'initial_import'. Safe to call again: finished files are skipped, an interrupted
 * one resumes.
 */
export async function importShippedData(
  db: Db,
  dataDir: string,
  onProgress?: ProgressListener,
  batchSize?: number,
): Promise<ImportReport> {
  const started = Date.now();
  const reference = loadReferenceData(db.sqlite, dataDir);
  const files: FileImportReport[] = [];
  for (const f of shippedPatentFiles(dataDir)) {
    const full = path.join(dataDir, f.path);
    if (f.skip) {
      files.push({
        file: full,
        source: f.source,
        runId: null,
        status: "skipped",
        skippedReason: f.skip,
        rowsTotal: 0,
        rowsOk: 0,
        rowsBad: 0,
        warnings: 0,
        resumedAfterRow: 0,
        ...emptyCounters(),
        firstIssues: [],
        seconds: 0,
      });
      continue;
    }
    const options = { source: f.source, batchSize, deferDisplayNames: true };
    files.push(await importFile(db, full, options, (p) => onProgress?.({ ...p, file: f.path })));
  }
  refreshApplicantEntities(db.sqlite);
  const initialImportAt = markInitialImport(db, new Date().toISOString());
  return {
    reference,
    files,
    summary: {
      patents: countOf(db, "patents"),
      applicants: countOf(db, "applicants"),
      aliases: countOf(db, "applicant_aliases"),
      links: countOf(db, "patent_applicants"),
      rowsOk: files.reduce((s, f) => s + f.rowsOk, 0),
      rowsBad: files.reduce((s, f) => s + f.rowsBad, 0),
      warnings: files.reduce((s, f) => s + f.warnings, 0),
      seconds: (Date.now() - started) / 1000,
    },
    initialImportAt,
  };
}
