import { sql } from "kysely";
import type { Db } from "../../db/connection.js";
import { all, one, run } from "../../db/sync-query.js";

/** Days are counted in the city's time (UTC+8, no daylight saving): a digest sums up one calendar day there. */
const OFFSET = "+8 hours";
/** A server that was down for a while sums up at most this many past days, not its whole history. */
const LOOKBACK_DAYS = 7;

export interface DigestMade {
  alertId: number;
  userId: number;
  day: string;
  alerts: number;
  records: number;
}

/**
 * The daily digest (a sweep, like the case deadline sweep, run at start and every ten minutes): for each user and
 * each finished day (before today, UTC+8, within a week) with alerts and no digest yet, one 'digest' alert listing
 * every record of that day's alerts. The unique index (user, day) makes a second sweep, or a second process, a
 * no-op. Returns the digests made, so a caller can send them on (e-mail).
 */
export function sweepDigests(db: Db, now: Date): DigestMade[] {
  const iso = now.toISOString();
  const offset = sql.lit(OFFSET);
  const dayOf = (column: "created_at" | "alerts.created_at" | "a.created_at") =>
    sql<string>`date(${sql.ref(column)}, ${offset})`;
  const days = all(
    db,
    db.kysely
      .selectFrom("alerts")
      .select((eb) => ["user_id", dayOf("created_at").as("day"), eb.fn.countAll<number>().as("n")])
      .where("kind", "<>", "digest")
      .where(dayOf("created_at"), "<", sql<string>`date(${iso}, ${offset})`)
      .where(dayOf("created_at"), ">=", sql<string>`date(${iso}, ${offset}, ${sql.lit(`-${LOOKBACK_DAYS} days`)})`)
      .groupBy(["user_id", "day"])
      .having((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("alerts as d")
              .select(sql.lit(1).as("one"))
              .where("d.kind", "=", "digest")
              .whereRef("d.user_id", "=", "alerts.user_id")
              .where("d.digest_day", "=", dayOf("alerts.created_at")),
          ),
        ),
      ),
  );
  const made: DigestMade[] = [];
  db.sqlite.transaction(() => {
    for (const d of days) {
      const r = run(
        db,
        db.kysely
          .insertInto("alerts")
          .values({ user_id: d.user_id, kind: "digest", title: d.day, digest_day: d.day, created_at: iso })
          .onConflict((oc) => oc.doNothing()),
      );
      if (r.changes === 0) continue;
      const alertId = r.lastInsertRowid;
      run(
        db,
        db.kysely
          .insertInto("alert_records")
          .orIgnore()
          .columns(["alert_id", "patent_id", "event_id"])
          .expression(
            db.kysely
              .selectFrom("alert_records as ar")
              .innerJoin("alerts as a", "a.id", "ar.alert_id")
              .select([sql.val(alertId).as("alert_id"), "ar.patent_id", "ar.event_id"])
              .where("a.user_id", "=", d.user_id)
              .where("a.kind", "<>", "digest")
              .where(dayOf("a.created_at"), "=", d.day),
          ),
      );
      const { record_count } = one(
        db,
        db.kysely
          .updateTable("alerts")
          .set((eb) => ({
            record_count: eb
              .selectFrom("alert_records")
              .select((e) => e.fn.count<number>("patent_id").distinct().as("n"))
              .where("alert_id", "=", alertId),
          }))
          .where("id", "=", alertId)
          .returning("record_count"),
      );
      made.push({ alertId, userId: d.user_id, day: d.day, alerts: d.n, records: record_count });
    }
  })();
  return made;
}
