import type { Db } from "../../db/connection.js";

export type RatingSubject = "consultation" | "appointment" | "case";

export function ratingOf(db: Db, kind: RatingSubject, id: number): { score: number; comment: string | null } | null {
  return (
    (db.sqlite
      .prepare("SELECT score, comment FROM service_ratings WHERE subject_kind = ? AND subject_id = ?")
      .get(kind, id) as { score: number; comment: string | null } | undefined) ?? null
  );
}

/** One rating per subject: a second answers false (the UNIQUE constraint, not a read first, decides). */
export function insertRating(
  db: Db,
  r: {
    subject_kind: RatingSubject;
    subject_id: number;
    user_id: number | null;
    score: number;
    comment: string | null;
    service_key: string;
    window_id: number | null;
    district_code: string | null;
    created_at: number;
  },
): boolean {
  const info = db.sqlite
    .prepare(
      `INSERT INTO service_ratings (subject_kind, subject_id, user_id, score, comment, service_key, window_id,
         district_code, created_at)
       VALUES (@subject_kind, @subject_id, @user_id, @score, @comment, @service_key, @window_id, @district_code,
         @created_at)
       ON CONFLICT (subject_kind, subject_id) DO NOTHING`,
    )
    .run(r);
  return info.changes === 1;
}

/** Averages per service, for ratings in the official's district scope (null scope: the whole city). */
export function averagesByService(db: Db, scope: string | null) {
  return db.sqlite
    .prepare(
      `SELECT service_key AS service, count(*) AS count, round(avg(score), 2) AS average FROM service_ratings
       WHERE @scope IS NULL OR district_code LIKE @scope || '%'
       GROUP BY service_key ORDER BY average, count DESC`,
    )
    .all({ scope }) as { service: string; count: number; average: number }[];
}

export function averagesByWindow(db: Db, scope: string | null) {
  return db.sqlite
    .prepare(
      `SELECT w.id AS windowId, w.name AS name, count(*) AS count, round(avg(r.score), 2) AS average
       FROM service_ratings r JOIN service_windows w ON w.id = r.window_id
       WHERE @scope IS NULL OR r.district_code LIKE @scope || '%'
       GROUP BY w.id ORDER BY average, count DESC`,
    )
    .all({ scope }) as { windowId: number; name: string; count: number; average: number }[];
}

export function badRatings(db: Db, scope: string | null, limit = 200) {
  return db.sqlite
    .prepare(
      `SELECT subject_kind AS subject, subject_id AS id, service_key AS service, score, comment, created_at AS at
       FROM service_ratings WHERE score <= 2 AND (@scope IS NULL OR district_code LIKE @scope || '%')
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    )
    .all({ scope, limit }) as {
    subject: RatingSubject;
    id: number;
    service: string;
    score: number;
    comment: string | null;
    at: number;
  }[];
}
