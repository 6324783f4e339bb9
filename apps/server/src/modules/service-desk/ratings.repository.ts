import { sql } from "kysely";
import type { Db } from "../../db/connection.js";
import { all, first, run } from "../../db/sync-query.js";

export type RatingSubject = "consultation" | "appointment" | "case";

export function ratingOf(db: Db, kind: RatingSubject, id: number): { score: number; comment: string | null } | null {
  return (
    first(
      db,
      db.kysely
        .selectFrom("service_ratings")
        .select(["score", "comment"])
        .where("subject_kind", "=", kind)
        .where("subject_id", "=", id),
    ) ?? null
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
  return (
    run(
      db,
      db.kysely
        .insertInto("service_ratings")
        .values(r)
        .onConflict((oc) => oc.columns(["subject_kind", "subject_id"]).doNothing()),
    ).changes === 1
  );
}

/** Ratings (alias r) in the official's district scope (null scope: the whole city). */
function ratingsIn(db: Db, scope: string | null) {
  return db.kysely
    .selectFrom("service_ratings as r")
    .$call((q) => (scope === null ? q : q.where("r.district_code", "like", `${scope}%`)));
}

const average = sql<number>`round(avg(r.score), 2)`;

/** Averages per service, for ratings in the official's district scope (null scope: the whole city). */
export function averagesByService(db: Db, scope: string | null) {
  return all(
    db,
    ratingsIn(db, scope)
      .select((eb) => ["r.service_key as service", eb.fn.countAll<number>().as("count"), average.as("average")])
      .groupBy("r.service_key")
      .orderBy("average")
      .orderBy("count", "desc"),
  );
}

export function averagesByWindow(db: Db, scope: string | null) {
  return all(
    db,
    ratingsIn(db, scope)
      .innerJoin("service_windows as w", "w.id", "r.window_id")
      .select((eb) => [
        "w.id as windowId",
        "w.name as name",
        eb.fn.countAll<number>().as("count"),
        average.as("average"),
      ])
      .groupBy("w.id")
      .orderBy("average")
      .orderBy("count", "desc"),
  );
}

export function badRatings(db: Db, scope: string | null, limit = 200) {
  return all(
    db,
    ratingsIn(db, scope)
      .select([
        "r.subject_kind as subject",
        "r.subject_id as id",
        "r.service_key as service",
        "r.score",
        "r.comment",
        "r.created_at as at",
      ])
      .where("r.score", "<=", 2)
      .orderBy("r.created_at", "desc")
      .orderBy("id", "desc") // the output column id, i.e. subject_id: SQLite reads an ORDER BY name as an alias first
      .limit(limit)
      .$narrowType<{ subject: RatingSubject }>(), // only insertRating writes the table, with a RatingSubject
  );
}
