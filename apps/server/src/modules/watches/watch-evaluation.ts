import type { Db } from "../../db/connection.js";
import type { CommittedBatch } from "../imports/imports.service.js";
import type { BatchMatcher } from "../search/search.service.js";
import {
  addToAlert,
  applicantLinks,
  type EventRow,
  eventsInRange,
  mergedIntoStep,
  reportedBefore,
  searchWatches,
  targetWatches,
} from "./watch-evaluation.repository.js";

export interface EvaluationResult {
  /** Alerts created or added to. */
  alerts: number;
  /** Records listed by them (a record may be in several users' alerts). */
  records: number;
}

/** An applicant entity absorbed by a merge routes to the one that took it (merged_into, possibly more than once). */
function rootsOf(db: Db): (id: number) => number {
  const next = mergedIntoStep(db);
  const memo = new Map<number, number>();
  return (id) => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let at = id;
    for (let hops = 0; hops < 32; hops++) {
      const up = next(at);
      if (up === null || up === undefined || up === at) break;
      at = up;
    }
    memo.set(id, at);
    return at;
  };
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
  const searches = searchWatches(db);
  const matches = await opts.matcher(
    batch.insertedPatents,
    searches.map((s) => ({ key: s.id, q: s.q })),
  );
  const events = batch.events.upTo > batch.events.after ? eventsInRange(db, batch.events.after, batch.events.upTo) : [];
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
  const watches = targetWatches(db, patentIds);
  if (watches.length === 0) return;
  const root = rootsOf(db);
  // each event's patent's applicant entities, as the entities they route to now
  const links = applicantLinks(db, patentIds);
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
