import type { Db } from "../../db/connection.js";

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
  const days = db.sqlite
    .prepare(
      `SELECT user_id, date(created_at, '${OFFSET}') AS day, count(*) AS n FROM alerts
       WHERE kind <> 'digest'
         AND date(created_at, '${OFFSET}') < date(?, '${OFFSET}')
         AND date(created_at, '${OFFSET}') >= date(?, '${OFFSET}', '-${LOOKBACK_DAYS} days')
       GROUP BY user_id, day
       HAVING NOT EXISTS (SELECT 1 FROM alerts d WHERE d.kind = 'digest' AND d.user_id = alerts.user_id
         AND d.digest_day = date(alerts.created_at, '${OFFSET}'))`,
    )
    .all(iso, iso) as { user_id: number; day: string; n: number }[];
  const made: DigestMade[] = [];
  const insert = db.sqlite.prepare(
    `INSERT INTO alerts (user_id, kind, title, digest_day, created_at) VALUES (?, 'digest', ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const copy = db.sqlite.prepare(
    `INSERT OR IGNORE INTO alert_records (alert_id, patent_id, event_id)
     SELECT ?, ar.patent_id, ar.event_id FROM alert_records ar JOIN alerts a ON a.id = ar.alert_id
     WHERE a.user_id = ? AND a.kind <> 'digest' AND date(a.created_at, '${OFFSET}') = ?`,
  );
  const count = db.sqlite.prepare(
    `UPDATE alerts SET record_count = (SELECT count(DISTINCT patent_id) FROM alert_records WHERE alert_id = ?)
     WHERE id = ? RETURNING record_count`,
  );
  db.sqlite.transaction(() => {
    for (const d of days) {
      const r = insert.run(d.user_id, d.day, d.day, iso);
      if (r.changes === 0) continue;
      const alertId = Number(r.lastInsertRowid);
      copy.run(alertId, d.user_id, d.day);
      const { record_count } = count.get(alertId, alertId) as { record_count: number };
      made.push({ alertId, userId: d.user_id, day: d.day, alerts: d.n, records: record_count });
    }
  })();
  return made;
}
