import type { Db } from "../../db/connection.js";

/**
 * Whether a plan's progress is published to the public, kept in the meta table (one row per plan, the time it was
 * published): an official publishes and withdraws it; the public page reads it.
 */
const key = (planId: number) => `plan_published:${planId}`;

export function publishedAt(db: Db, planId: number): string | null {
  const row = db.sqlite.prepare("SELECT value FROM meta WHERE key = ?").get(key(planId)) as
    | { value: string }
    | undefined;
  return row?.value ?? null;
}

export function setPublished(db: Db, planId: number, at: string | null): void {
  if (at === null) db.sqlite.prepare("DELETE FROM meta WHERE key = ?").run(key(planId));
  else
    db.sqlite
      .prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?")
      .run(key(planId), at, at);
}
