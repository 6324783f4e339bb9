import type BetterSqlite3 from "better-sqlite3";
import { VENDOR_STANDARD_HEADER } from "./applicant-evidence.js";
import type { Authority, ValueOrigin } from "./field-precedence.js";
import {
  type ImportIssue,
  type IssuePlace,
  issueColumns,
  type RowIssue,
  rowReason,
  storedIssues,
} from "./import-issues.js";
import type { StatusChange } from "./merge-patent.js";
import { PATENT_COLUMNS, type PatentDraft } from "./patent-draft.js";

export interface ImportRunRow {
  id: number;
  source: string;
  file: string;
  file_sha256: string;
  status: string;
  rows_total: number;
  rows_ok: number;
  rows_bad: number;
  batches_done: number;
  authority: Authority;
  as_of: string | null;
  counts_json: string | null;
}

interface OriginRow {
  field: string;
  source: string;
  run_id: number | null;
  authority: Authority;
  as_of: string;
}

const META_SEQ = "patent_seq";

/**
 * Prepared statements for the bulk path. Everything here is synchronous better-sqlite3, so a batch's patents,
 * applicants, links, run counters, errors and the sequence bump run inside one `transaction()` the service opens.
 */
function prepareStatements(db: BetterSqlite3.Database) {
  const cols = PATENT_COLUMNS.join(", ");
  // Positional parameters in PATENT_COLUMNS order: binding 44 named ones from an object costs a property lookup
  // through the V8 API each, about as much as SQLite's own insert (measured: 26 → 14 µs a row).
  const params = PATENT_COLUMNS.map(() => "?").join(", ");
  const sets = UPDATED_COLUMNS.map((c) => `${c} = ?`).join(", ");
  return {
    patentByPubNo: db.prepare(`SELECT id, ${cols} FROM patents WHERE pub_no = ?`),
    insertPatent: db.prepare(`INSERT INTO patents (${cols}, updated_seq) VALUES (${params}, ?)`),
    updatePatent: db.prepare(`UPDATE patents SET ${sets}, updated_seq = ? WHERE id = ?`),
    updateTags: db.prepare("UPDATE patents SET sources = ?, extra_json = ? WHERE id = ?"),
    deleteLinks: db.prepare("DELETE FROM patent_applicants WHERE patent_id = ?"),
    linkedApplicants: db.prepare("SELECT applicant_id FROM patent_applicants WHERE patent_id = ?").pluck(),
    linkCount: db.prepare("SELECT count(*) AS n FROM patent_applicants WHERE patent_id = ?").pluck(),
    insertLink: db.prepare(
      "INSERT OR IGNORE INTO patent_applicants (patent_id, applicant_id, position) VALUES (?, ?, ?)",
    ),
    // A merged entity's key routes to the entity it was merged into (migration 011).
    applicantByKey: db.prepare(
      "SELECT coalesce(merged_into, id) AS id, region_code FROM applicants WHERE norm_key = ?",
    ),
    insertApplicant: db.prepare("INSERT INTO applicants (name, norm_key, kind, region_code) VALUES (?, ?, ?, ?)"),
    setApplicantRegion: db.prepare("UPDATE applicants SET region_code = ? WHERE id = ? AND region_code IS NULL"),
    insertAlias: db.prepare("INSERT OR IGNORE INTO applicant_aliases (alias, applicant_id) VALUES (?, ?)"),
    getMeta: db.prepare("SELECT value FROM meta WHERE key = ?").pluck(),
    setMeta: db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ),
    firstRun: db.prepare("SELECT * FROM import_runs WHERE file_sha256 = ? AND source = ? ORDER BY id LIMIT 1"),
    latestRun: db.prepare("SELECT * FROM import_runs WHERE file_sha256 = ? AND source = ? ORDER BY id DESC LIMIT 1"),
    insertRun: db.prepare(
      "INSERT INTO import_runs (source, file, file_sha256, status, started_at, authority, as_of) VALUES (?, ?, ?, 'running', ?, ?, ?)",
    ),
    saveRunCounts: db.prepare("UPDATE import_runs SET counts_json = ? WHERE id = ?"),
    origins: db.prepare("SELECT field, source, run_id, authority, as_of FROM patent_field_sources WHERE patent_id = ?"),
    setOrigin: db.prepare(
      `INSERT INTO patent_field_sources (patent_id, field, source, run_id, authority, as_of) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(patent_id, field) DO UPDATE SET source = excluded.source, run_id = excluded.run_id,
         authority = excluded.authority, as_of = excluded.as_of`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO patent_events (patent_id, kind, event_date, from_value, to_value, from_raw, to_raw, source, run_id)
       VALUES (?, 'legal_status', ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // CNIPA PRS records name an application, not a publication (A and B of one application share it).
    patentsByAppNo: db.prepare("SELECT id, pub_no FROM patents WHERE app_no = ? ORDER BY id"),
    // Not when the history holds it already: as this legal event, or as the status change the record made.
    insertLegalEvent: db.prepare(
      `INSERT INTO patent_events (patent_id, kind, event_date, to_value, to_raw, source, run_id)
       SELECT ?, 'legal_event', ?, ?, ?, ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM patent_events WHERE patent_id = ? AND event_date = ?
         AND ((kind = 'legal_event' AND to_value = ? AND to_raw IS ?) OR (kind = 'legal_status' AND to_raw = ?)))`,
    ),
    setRunTotal: db.prepare("UPDATE import_runs SET rows_total = ?, status = 'running' WHERE id = ?"),
    addBatch: db.prepare(
      "UPDATE import_runs SET batches_done = batches_done + 1, rows_ok = rows_ok + ?, rows_bad = rows_bad + ? WHERE id = ?",
    ),
    finishRun: db.prepare("UPDATE import_runs SET status = ?, finished_at = ? WHERE id = ?"),
    saveDetected: db.prepare("UPDATE import_runs SET detected_json = ? WHERE id = ?"),
    insertError: db.prepare(
      `INSERT OR REPLACE INTO import_errors (run_id, row_number, reason, raw, severity, code, params_json)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    firstErrors: db.prepare(
      `SELECT row_number, reason, severity, params_json FROM import_errors WHERE run_id = ?
       ORDER BY severity, row_number LIMIT ?`,
    ),
    countErrors: db.prepare("SELECT count(*) FROM import_errors WHERE run_id = ? AND severity = ?").pluck(),
    maxIds: db.prepare(
      "SELECT (SELECT coalesce(max(id), 0) FROM patents) AS patent, (SELECT coalesce(max(id), 0) FROM patent_events) AS event",
    ),
  };
}

/** An update never changes the key (pub_no): the row is found by id. */
const UPDATED_COLUMNS = PATENT_COLUMNS.filter((c) => c !== "pub_no");

/** A draft's values in the columns' order, for positional parameters (undefined binds NULL). */
function valuesOf(p: PatentDraft, columns: ReadonlyArray<keyof PatentDraft>): unknown[] {
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) values[i] = p[columns[i]] ?? null;
  return values;
}

export class ImportRepository {
  private readonly s: ReturnType<typeof prepareStatements>;
  /** What this repository wrote: the entity pass after the run looks at these only (display-names.ts). */
  readonly touched = {
    patents: new Set<number>(),
    unlinkedApplicants: new Set<number>(),
    /** Whether a patent it wrote carries Patentics' 标准化申请人 (the entity pass then weighs every row of it). */
    vendorStandardName: false,
  };

  constructor(private readonly db: BetterSqlite3.Database) {
    this.s = prepareStatements(db);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  findPatent(pubNo: string): (PatentDraft & { id: number }) | undefined {
    return this.s.patentByPubNo.get(pubNo) as (PatentDraft & { id: number }) | undefined;
  }

  insertPatent(p: PatentDraft, seq: number): number {
    const id = Number(this.s.insertPatent.run(...valuesOf(p, PATENT_COLUMNS), seq).lastInsertRowid);
    this.touched.patents.add(id);
    this.noteExtra(p.extra_json);
    return id;
  }

  updatePatent(id: number, p: PatentDraft, seq: number): void {
    this.s.updatePatent.run(...valuesOf(p, UPDATED_COLUMNS), seq, id);
    this.touched.patents.add(id);
    this.noteExtra(p.extra_json);
  }

  linkCount(patentId: number): number {
    return this.s.linkCount.get(patentId) as number;
  }

  /** Source tags and extra fields only: neither is indexed, so updated_seq stays and nothing is re-indexed. */
  updateTags(id: number, sources: string, extraJson: string | null): void {
    this.s.updateTags.run(sources, extraJson, id);
    if (this.touched.patents.has(id)) this.noteExtra(extraJson);
  }

  private noteExtra(extraJson: string | null | undefined): void {
    if (extraJson?.includes(VENDOR_STANDARD_HEADER)) this.touched.vendorStandardName = true;
  }

  /** Drops a patent's links; the entities that lose it are remembered (their display names may change). */
  deleteLinks(patentId: number): void {
    for (const id of this.s.linkedApplicants.all(patentId) as number[]) this.touched.unlinkedApplicants.add(id);
    this.s.deleteLinks.run(patentId);
  }

  insertLink(patentId: number, applicantId: number, position: number): void {
    this.s.insertLink.run(patentId, applicantId, position);
  }

  findApplicant(normKey: string): { id: number; region_code: string | null } | undefined {
    return this.s.applicantByKey.get(normKey) as { id: number; region_code: string | null } | undefined;
  }

  insertApplicant(name: string, normKey: string, kind: string, regionCode: string | null): number {
    return Number(this.s.insertApplicant.run(name, normKey, kind, regionCode).lastInsertRowid);
  }

  setApplicantRegionIfNull(id: number, regionCode: string): void {
    this.s.setApplicantRegion.run(regionCode, id);
  }

  insertAlias(alias: string, applicantId: number): void {
    this.s.insertAlias.run(alias, applicantId);
  }

  getMeta(key: string): string | undefined {
    return this.s.getMeta.get(key) as string | undefined;
  }

  setMeta(key: string, value: string): void {
    this.s.setMeta.run(key, value);
  }

  /** The newest patent and history-event ids: read at a batch's start and end, inside its transaction. */
  maxIds(): { patent: number; event: number } {
    return this.s.maxIds.get() as { patent: number; event: number };
  }

  currentSeq(): number {
    return Number(this.getMeta(META_SEQ) ?? 0);
  }

  saveSeq(seq: number): void {
    this.setMeta(META_SEQ, String(seq));
  }

  latestRun(sha256: string, source: string): ImportRunRow | undefined {
    return this.s.latestRun.get(sha256, source) as ImportRunRow | undefined;
  }

  /** `origin` of a patent file's run: its authority and as-of date; reference tables have none. */
  /** The first run of this content from this source: a forced re-import ranks as that run did (README). */
  firstRun(sha256: string, source: string): ImportRunRow | undefined {
    return this.s.firstRun.get(sha256, source) as ImportRunRow | undefined;
  }

  createRun(source: string, file: string, sha256: string, startedAt: string, origin?: ValueOrigin): number {
    const { authority = "vendor", asOf = null } = origin ?? {};
    return Number(this.s.insertRun.run(source, file, sha256, startedAt, authority, asOf).lastInsertRowid);
  }

  saveRunCounts(runId: number, counts: unknown): void {
    this.s.saveRunCounts.run(JSON.stringify(counts), runId);
  }

  /** The recorded origins of a patent's values: '*' for the whole row, else per field group. */
  origins(patentId: number): Map<string, ValueOrigin> {
    const rows = this.s.origins.all(patentId) as OriginRow[];
    return new Map(
      rows.map((r) => [r.field, { source: r.source, runId: r.run_id, authority: r.authority, asOf: r.as_of }]),
    );
  }

  setOrigin(patentId: number, field: string, o: ValueOrigin): void {
    this.s.setOrigin.run(patentId, field, o.source, o.runId, o.authority, o.asOf);
  }

  insertStatusEvent(patentId: number, change: StatusChange, o: ValueOrigin): void {
    const date = o.asOf.slice(0, 10);
    this.s.insertEvent.run(
      patentId,
      date,
      change.fromValue,
      change.toValue,
      change.fromRaw,
      change.toRaw,
      o.source,
      o.runId,
    );
  }

  patentsByAppNo(appNo: string): Array<{ id: number; pub_no: string }> {
    return this.s.patentsByAppNo.all(appNo) as Array<{ id: number; pub_no: string }>;
  }

  /**
   * A dated legal event that is not a status change (transfer, licence, pledge …); once per patent, date and text,
   * and never beside the status change (`statusWording`: its status_raw) the same record made on that date.
   */
  insertLegalEvent(
    patentId: number,
    date: string,
    code: string,
    text: string | null,
    statusWording: string,
    o: ValueOrigin,
  ): boolean {
    const s = this.s.insertLegalEvent;
    return s.run(patentId, date, code, text, o.source, o.runId, patentId, date, code, text, statusWording).changes > 0;
  }

  setRunTotal(runId: number, total: number): void {
    this.s.setRunTotal.run(total, runId);
  }

  addBatch(runId: number, ok: number, bad: number): void {
    this.s.addBatch.run(ok, bad, runId);
  }

  /** What the run found in its file: layout, encoding, delimiter, header row, column mapping (migration 012). */
  saveDetected(runId: number, json: string): void {
    this.s.saveDetected.run(json, runId);
  }

  finishRun(runId: number, status: "done" | "failed", at: string): void {
    this.s.finishRun.run(status, at, runId);
  }

  /** A row's issues: the English reason (place first) and, beside it, their codes and parameters (migration 019). */
  insertIssue(
    runId: number,
    rowNumber: number,
    place: IssuePlace | null,
    issues: ImportIssue[],
    raw: string | null,
    severity: "error" | "warning",
  ): void {
    const { code, paramsJson } = issueColumns(place, issues);
    this.s.insertError.run(runId, rowNumber, rowReason(place, issues), raw, severity, code, paramsJson);
  }

  firstIssues(runId: number, limit: number): RowIssue[] {
    const rows = this.s.firstErrors.all(runId, limit) as Array<{
      row_number: number;
      reason: string;
      severity: string;
      params_json: string | null;
    }>;
    return rows.map((r) => ({
      row: r.row_number,
      reason: r.reason,
      severity: r.severity,
      ...(storedIssues(r.params_json) ?? { place: null, issues: [] }),
    }));
  }

  countIssues(runId: number, severity: "error" | "warning"): number {
    return this.s.countErrors.get(runId, severity) as number;
  }
}
