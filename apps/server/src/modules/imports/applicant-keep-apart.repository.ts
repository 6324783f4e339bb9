import type BetterSqlite3 from "better-sqlite3";

/**
 * Officials' "keep apart" decisions (migration 016): two entities an official split must not be merged back by the
 * automatic rules. Stored by the ids of the split; read through merged_into, so a decision follows either side into
 * whatever entity absorbed it. An official's merge that joins the two sides lifts it.
 */

/** Follows merged_into to the live entity (merges flatten chains; a few steps cover older rows). */
function liveId(db: BetterSqlite3.Database, id: number): number {
  const next = db.prepare("SELECT merged_into FROM applicants WHERE id = ?").pluck();
  let at = id;
  for (let step = 0; step < 16; step++) {
    const to = next.get(at) as number | null | undefined;
    if (to === null || to === undefined) return at;
    at = to;
  }
  return at;
}

/** Records that entities `a` and `b` stay apart; returns the decision's id. Call inside the split's transaction. */
export function recordKeepApart(
  db: BetterSqlite3.Database,
  a: number,
  b: number,
  by: { userId: number | null; reason: string | null },
): number {
  const at = new Date().toISOString();
  return Number(
    db
      .prepare("INSERT INTO applicant_keep_apart (a_id, b_id, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
      .run(a, b, by.reason, at, by.userId).lastInsertRowid,
  );
}

interface Decision {
  id: number;
  a: number;
  b: number;
}

function activeDecisions(db: BetterSqlite3.Database): Decision[] {
  const rows = db
    .prepare("SELECT id, a_id AS a, b_id AS b FROM applicant_keep_apart WHERE lifted_at IS NULL")
    .all() as Decision[];
  return rows.map((r) => ({ id: r.id, a: liveId(db, r.a), b: liveId(db, r.b) }));
}

/** The pairs of live entities the automatic rules must keep apart. */
export function keepApartPairs(db: BetterSqlite3.Database): Array<[number, number]> {
  return activeDecisions(db)
    .filter((d) => d.a !== d.b)
    .map((d) => [d.a, d.b]);
}

/**
 * After an official's merge into `survivor`: every decision whose two sides are now that one entity is lifted (the
 * official overrode it). Returns the lifted decisions' ids. Call inside the merge's transaction.
 */
export function liftKeepApartJoinedIn(db: BetterSqlite3.Database, survivor: number, userId: number | null): number[] {
  const joined = activeDecisions(db).filter((d) => d.a === survivor && d.b === survivor);
  const lift = db.prepare("UPDATE applicant_keep_apart SET lifted_at = ?, lifted_by = ? WHERE id = ?");
  const at = new Date().toISOString();
  for (const d of joined) lift.run(at, userId, d.id);
  return joined.map((d) => d.id);
}
