import type { Db } from "../../db/connection.js";
import type { CommittedBatch } from "../imports/imports.service.js";
import type { BatchMatcher } from "../search/batch-match.js";

export interface EvaluationResult {
  /** Alerts created or added to. */
  alerts: number;
  /** Records listed by them (a record may be in several users' alerts). */
  records: number;
}

interface SearchWatch {
  id: number;
  user_id: number;
  name: string;
  q: string;
}
interface TargetWatch {
  id: number;
  user_id: number;
  kind: "patent" | "applicant";
  target: number;
  label: string | null;
}
interface EventRow {
  id: number;
  patent_id: number;
}

/** An applicant entity absorbed by a merge routes to the one that took it (merged_into, possibly more than once). */
function rootsOf(db: Db): (id: number) => number {
  const next = db.sqlite.prepare("SELECT merged_into FROM applicants WHERE id = ?").pluck();
  const memo = new Map<number, number>();
  return (id) => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let at = id;
    for (let hops = 0; hops < 32; hops++) {
      const up = next.get(at) as number | null | undefined;
      if (up === null || up === undefined || up === at) break;
      at = up;
    }
    memo.set(id, at);
    return at;
  };
}

/**
 * Writes what one batch found for one watch into the watch's alert for this import run (made at the run's first
 * finding; later batches add to it and make it unread again). `records` pairs a patent with the history event that
 * caused it (0: a new hit).
 */
function addToAlert(
  db: Db,
  w: { id: number; user_id: number; label: string },
  kind: "new_hits" | "legal_events",
  runId: number,
  records: [number, number][],
  at: string,
): void {
  const sql = db.sqlite;
  let alertId = sql
    .prepare("SELECT id FROM alerts WHERE watch_id = ? AND run_id = ? AND kind = ?")
    .pluck()
    .get(w.id, runId, kind) as number | undefined;
  alertId ??= Number(
    sql
      .prepare("INSERT INTO alerts (user_id, watch_id, kind, title, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(w.user_id, w.id, kind, w.label, runId, at).lastInsertRowid,
  );
  const add = sql.prepare("INSERT OR IGNORE INTO alert_records (alert_id, patent_id, event_id) VALUES (?, ?, ?)");
  for (const [patent, event] of records) add.run(alertId, patent, event);
  sql
    .prepare(
      `UPDATE alerts SET read_at = NULL,
         record_count = (SELECT count(DISTINCT patent_id) FROM alert_records WHERE alert_id = ?) WHERE id = ?`,
    )
    .run(alertId, alertId);
}

/** The patents a watch has already reported as new hits, among `ids` (a record is a new hit once per watch). */
function reportedBefore(db: Db, watchId: number, ids: number[]): Set<number> {
  const rows = db.sqlite
    .prepare(
      `SELECT ar.patent_id FROM alert_records ar JOIN alerts a ON a.id = ar.alert_id
       WHERE a.watch_id = ? AND a.kind = 'new_hits' AND ar.patent_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(watchId, JSON.stringify(ids)) as number[];
  return new Set(rows);
}

/**
 * Evaluates every watch against what one committed import batch wrote (README: watches):
 * - a watched search: its saved query over exactly the publications the batch inserted (batch-match.ts), minus any
 *   the watch reported before; an update of a stored record is not a new hit (it may have matched before);
 * - a watched patent, or any patent linked to a watched applicant entity: the batch's history events (legal-status
 *   changes, PRS legal events) of it.
 * The matching may wait for the live index to catch up; the writing is one transaction, so the alerts of a batch
 * appear together.
 */
export async function evaluateBatch(
  db: Db,
  batch: CommittedBatch,
  opts: { matcher: BatchMatcher; now: string },
): Promise<EvaluationResult> {
  const result: EvaluationResult = { alerts: 0, records: 0 };
  const searches = db.sqlite
    .prepare(
      `SELECT w.id, w.user_id, s.name, s.q FROM watches w JOIN saved_searches s ON s.id = w.saved_search_id
       WHERE w.kind = 'search'`,
    )
    .all() as SearchWatch[];
  const matches = await opts.matcher(
    batch.insertedPatents,
    searches.map((s) => ({ key: s.id, q: s.q })),
  );
  const events =
    batch.events.upTo > batch.events.after
      ? (db.sqlite
          .prepare("SELECT id, patent_id FROM patent_events WHERE id > ? AND id <= ? ORDER BY id")
          .all(batch.events.after, batch.events.upTo) as EventRow[])
      : [];
  if (matches.size === 0 && events.length === 0) return result;

  db.sqlite.transaction(() => {
    for (const s of searches) {
      const ids = matches.get(s.id);
      if (!ids) continue;
      const seen = reportedBefore(db, s.id, ids);
      const fresh = ids.filter((id) => !seen.has(id));
      if (fresh.length === 0) continue;
      addToAlert(
        db,
        { ...s, label: s.name },
        "new_hits",
        batch.runId,
        fresh.map((id) => [id, 0]),
        opts.now,
      );
      result.alerts++;
      result.records += fresh.length;
    }
    if (events.length > 0) eventAlerts(db, batch.runId, events, opts.now, result);
  })();
  return result;
}

/** Legal-status events of watched patents and of the patents of watched applicant entities. */
function eventAlerts(db: Db, runId: number, events: EventRow[], now: string, result: EvaluationResult): void {
  const patentIds = [...new Set(events.map((e) => e.patent_id))];
  const watches = db.sqlite
    .prepare(
      `SELECT w.id, w.user_id, w.kind, coalesce(w.patent_id, w.applicant_id) AS target,
         CASE w.kind WHEN 'patent' THEN p.pub_no ELSE a.name END AS label
       FROM watches w LEFT JOIN patents p ON p.id = w.patent_id LEFT JOIN applicants a ON a.id = w.applicant_id
       WHERE (w.kind = 'patent' AND w.patent_id IN (SELECT value FROM json_each(?))) OR w.kind = 'applicant'`,
    )
    .all(JSON.stringify(patentIds)) as TargetWatch[];
  if (watches.length === 0) return;
  const root = rootsOf(db);
  // each event's patent's applicant entities, as the entities they route to now
  const links = db.sqlite
    .prepare(
      "SELECT patent_id, applicant_id FROM patent_applicants WHERE patent_id IN (SELECT value FROM json_each(?))",
    )
    .all(JSON.stringify(patentIds)) as { patent_id: number; applicant_id: number }[];
  const applicantsOf = new Map<number, Set<number>>();
  for (const l of links) {
    const set = applicantsOf.get(l.patent_id) ?? new Set<number>();
    set.add(root(l.applicant_id));
    applicantsOf.set(l.patent_id, set);
  }
  for (const w of watches) {
    const target = w.kind === "applicant" ? root(w.target) : w.target;
    const hit = events.filter((e) =>
      w.kind === "patent" ? e.patent_id === target : (applicantsOf.get(e.patent_id)?.has(target) ?? false),
    );
    if (hit.length === 0) continue;
    const label = w.label ?? `#${w.target}`;
    addToAlert(
      db,
      { ...w, label },
      "legal_events",
      runId,
      hit.map((e) => [e.patent_id, e.id]),
      now,
    );
    result.alerts++;
    result.records += hit.length;
  }
}
