import type { Db } from "../../db/connection.js";
import { first, run } from "../../db/sync-query.js";

/**
 * Whether a plan's progress is published to the public, kept in the meta table (one row per plan, the time it was
 * published): an official publishes and withdraws it; the public page reads it.
 */
const key = (planId: number) => `plan_published:${planId}`;

export function publishedAt(db: Db, planId: number): string | null {
  const row = first(db, db.kysely.selectFrom("meta").select("value").where("key", "=", key(planId)));
  return row?.value ?? null;
}

export function setPublished(db: Db, planId: number, at: string | null): void {
  if (at === null) run(db, db.kysely.deleteFrom("meta").where("key", "=", key(planId)));
  else
    run(
      db,
      db.kysely
        .insertInto("meta")
        .values({ key: key(planId), value: at })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: at })),
    );
}
