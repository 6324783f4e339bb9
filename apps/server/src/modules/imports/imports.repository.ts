import type BetterSqlite3 from "better-sqlite3";
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
}

const META_SEQ = "patent_seq";

/**
 * Prepared statements for the bulk path. Everything here is synchronous better-sqlite3, so a batch's patents,
 * applicants, links, run counters, errors and the sequence bump run inside one `transaction()` the service opens.
 */
function prepareStatements(db: BetterSqlite3.Database) {
  const cols = PATENT_COLUMNS.join(", ");
  const params = PATENT_COLUMNS.map((c) => `@${c}`).join(", ");
  const sets = PATENT_COLUMNS.filter((c) => c !== "pub_no")
    .map((c) => `${c} = @${c}`)
    .join(", ");
  return {
    patentByPubNo: db.prepare(`SELECT id, ${cols} FROM patents WHERE pub_no = ?`),
    insertPatent: db.prepare(`INSERT INTO patents (${cols}, updated_seq) VALUES (${params}, @updated_seq)`),
    updatePatent: db.prepare(`UPDATE patents SET ${sets}, updated_seq = @updated_seq WHERE id = @id`),
    linkCount: db.prepare("SELECT count(*) AS n FROM patent_applicants WHERE patent_id = ?").pluck(),
    insertLink: db.prepare(
      "INSERT OR IGNORE INTO patent_applicants (patent_id, applicant_id, position) VALUES (?, ?, ?)",
    ),
    applicantByKey: db.prepare("SELECT id, region_code FROM applicants WHERE norm_key = ?"),
    insertApplicant: db.prepare("INSERT INTO applicants (name, norm_key, kind, region_code) VALUES (?, ?, ?, ?)"),
    setApplicantRegion: db.prepare("UPDATE applicants SET region_code = ? WHERE id = ? AND region_code IS NULL"),
    insertAlias: db.prepare("INSERT OR IGNORE INTO applicant_aliases (alias, applicant_id) VALUES (?, ?)"),
    getMeta: db.prepare("SELECT value FROM meta WHERE key = ?").pluck(),
    setMeta: db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ),
    latestRun: db.prepare("SELECT * FROM import_runs WHERE file_sha256 = ? AND source = ? ORDER BY id DESC LIMIT 1"),
    insertRun: db.prepare(
      "INSERT INTO import_runs (source, file, file_sha256, status, started_at) VALUES (?, ?, ?, 'running', ?)",
    ),
    setRunTotal: db.prepare("UPDATE import_runs SET rows_total = ?, status = 'running' WHERE id = ?"),
    addBatch: db.prepare(
      "UPDATE import_runs SET batches_done = batches_done + 1, rows_ok = rows_ok + ?, rows_bad = rows_bad + ? WHERE id = ?",
    ),
    finishRun: db.prepare("UPDATE import_runs SET status = ?, finished_at = ? WHERE id = ?"),
    insertError: db.prepare(
      "INSERT OR REPLACE INTO import_errors (run_id, row_number, reason, raw, severity) VALUES (?, ?, ?, ?, ?)",
    ),
    firstErrors: db.prepare(
      "SELECT row_number, reason, severity FROM import_errors WHERE run_id = ? ORDER BY severity, row_number LIMIT ?",
    ),
    countErrors: db.prepare("SELECT count(*) FROM import_errors WHERE run_id = ? AND severity = ?").pluck(),
  };
}

export class ImportRepository {
  private readonly s: ReturnType<typeof prepareStatements>;

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
    return Number(this.s.insertPatent.run({ ...p, updated_seq: seq }).lastInsertRowid);
  }

  updatePatent(id: number, p: PatentDraft, seq: number): void {
    this.s.updatePatent.run({ ...p, id, updated_seq: seq });
  }

  linkCount(patentId: number): number {
    return this.s.linkCount.get(patentId) as number;
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

  currentSeq(): number {
    return Number(this.getMeta(META_SEQ) ?? 0);
  }

  saveSeq(seq: number): void {
    this.setMeta(META_SEQ, String(seq));
  }

  latestRun(sha256: string, source: string): ImportRunRow | undefined {
    return this.s.latestRun.get(sha256, source) as ImportRunRow | undefined;
  }

  createRun(source: string, file: string, sha256: string, startedAt: string): number {
    return Number(this.s.insertRun.run(source, file, sha256, startedAt).lastInsertRowid);
  }

  setRunTotal(runId: number, total: number): void {
    this.s.setRunTotal.run(total, runId);
  }

  addBatch(runId: number, ok: number, bad: number): void {
    this.s.addBatch.run(ok, bad, runId);
  }

  finishRun(runId: number, status: "done" | "failed", at: string): void {
    this.s.finishRun.run(status, at, runId);
  }

  insertIssue(
    runId: number,
    rowNumber: number,
    reason: string,
    raw: string | null,
    severity: "error" | "warning",
  ): void {
    this.s.insertError.run(runId, rowNumber, reason, raw, severity);
  }

  firstIssues(runId: number, limit: number): Array<{ row_number: number; reason: string; severity: string }> {
    return this.s.firstErrors.all(runId, limit) as Array<{ row_number: number; reason: string; severity: string }>;
  }

  countIssues(runId: number, severity: "error" | "warning"): number {
    return this.s.countErrors.get(runId, severity) as number;
  }
}
