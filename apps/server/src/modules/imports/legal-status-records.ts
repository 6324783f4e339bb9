import { type LegalStatusCode, normaliseDate, normaliseLegalStatus } from "@zhichan/core/patents/index.ts";
import type { ApplicantLinker } from "./applicant-linker.js";
import type { ValueOrigin } from "./field-precedence.js";
import { type ImportIssue, issue } from "./import-issues.js";
import type { ImportRepository } from "./imports.repository.js";
import type { PatentDraft } from "./patent-draft.js";
import { PATENT_COLUMNS } from "./patent-draft.js";
import { emptyCounters, type WriteCounters, writePatent } from "./patent-writer.js";
import type { PrsRecord } from "./readers/cnipa-xml.js";

/**
 * CNIPA legal-status codes (../shared/reference/cnipa-legal-status-codes.csv) whose event sets the right's status.
 * Codes of the other categories (transfer, change, licence, pledge, preservation, notice, correction, and IP01, an
 * invalidation request's announcement) leave the status as it is: they are history, not a new state.
 */
const STATUS_BY_CODE: Record<string, LegalStatusCode> = {
  AV01: "lapsed", // 专利权的主动放弃
  CF01: "lapsed", // 未缴年费专利权终止
  CX01: "lapsed", // 专利权有效期届满
  IW01: "invalidated", // 专利权全部无效
  RR01: "valid", // 权利的恢复
  GR01: "valid", // 外观设计专利权授予
};
const NOT_STATUS = new Set([
  "CB03",
  "CD02",
  "CP01",
  "CP02",
  "CP03",
  "DD01",
  "EC01",
  "EE01",
  "EM01",
  "IP01",
  "PC01",
  "PE01",
  "PM01",
  "PD01",
  "PP01",
  "TR01",
]);

/** The status a record sets, or null: known codes by the table, unknown ones by their wording (驳回, 视为撤回 …). */
export function statusOfRecord(r: PrsRecord): LegalStatusCode | null {
  if (STATUS_BY_CODE[r.code]) return STATUS_BY_CODE[r.code];
  if (NOT_STATUS.has(r.code)) return null;
  const s = normaliseLegalStatus(r.value);
  return s === "unknown" ? null : s;
}

export type PrsOutcome = { ok: true; seq: number } | { ok: false; issue: ImportIssue };

/**
 * A record counts once, however many publications its application has (A and B): `updated` when it changed a status
 * or added a legal event to the history, else `unchanged` (a record naming no stored patent is rejected before);
 * each field group it changed (status; legal_events) and each conflict once; every status event (one per
 * publication's history).
 */
function countRecord(into: WriteCounters, mine: WriteCounters, eventsAdded: boolean): void {
  const changed = mine.inserted + mine.updated > 0 || eventsAdded;
  if (changed) into.updated++;
  else into.unchanged++;
  const once = (to: Record<string, number>, groups: string[]) => {
    for (const g of groups) to[g] = (to[g] ?? 0) + 1;
  };
  once(into.fieldChanges, Object.keys(mine.fieldChanges));
  once(into.conflicts, Object.keys(mine.conflicts));
  if (eventsAdded) once(into.fieldChanges, ["legal_events"]);
  into.statusEvents += mine.statusEvents;
}

const blankDraft = (): PatentDraft =>
  Object.fromEntries(PATENT_COLUMNS.map((c) => [c, null])) as unknown as PatentDraft;

/**
 * Applies one PRS record to every stored publication of the application it names (A and B alike). A status code
 * goes through the normal update path, dated by the record's publication date (so a later record wins, an older one
 * arriving late does not, and a change becomes a dated 'legal_status' event); every other record, and a status
 * record that changed nothing, is kept as a dated 'legal_event' (code, wording, information) unless the history
 * already holds it (as that event, or as the status change it made). A record naming no stored application is
 * rejected with its reason (import the bibliographic data first).
 */
export function applyPrsRecord(
  repo: ImportRepository,
  linker: ApplicantLinker,
  record: PrsRecord,
  seq: number,
  counters: WriteCounters,
  run: ValueOrigin,
): PrsOutcome {
  const date = normaliseDate(record.date).date;
  const { code } = record;
  if (!record.appNo) return { ok: false, issue: issue("prs_no_app_no", { code }) };
  if (!date) return { ok: false, issue: issue("prs_bad_date", { code, appNo: record.appNo, value: record.date }) };
  const appNo = record.appNo.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  const patents = repo.patentsByAppNo(appNo);
  if (patents.length === 0) return { ok: false, issue: issue("prs_no_patent", { code, appNo }) };
  const origin: ValueOrigin = { ...run, asOf: date };
  const status = statusOfRecord(record);
  const wording = record.value ? `${record.value} (${record.code})` : record.code;
  const text = [record.value, record.information].filter(Boolean).join(" — ") || null;
  // This record's effect on each publication of its application, counted once for the record (countRecord).
  const mine = emptyCounters();
  let eventsAdded = false;
  for (const p of patents) {
    const eventsBefore = mine.statusEvents;
    if (status) {
      const draft: PatentDraft = {
        ...blankDraft(),
        pub_no: p.pub_no,
        status,
        status_raw: wording,
        sources: run.source,
      };
      seq = writePatent(repo, linker, draft, seq, mine, origin);
    }
    if (mine.statusEvents === eventsBefore && repo.insertLegalEvent(p.id, date, record.code, text, wording, origin)) {
      eventsAdded = true;
    }
  }
  countRecord(counters, mine, eventsAdded);
  return { ok: true, seq };
}
