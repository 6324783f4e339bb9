import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, run } from "../../db/sync-query.js";

export type ExpertRow = Selectable<Database["case_experts"]>;

export function insertExpert(db: Db, e: Omit<ExpertRow, "id" | "active">): number {
  return run(db, db.kysely.insertInto("case_experts").values(e)).lastInsertRowid;
}

export function allExperts(db: Db): ExpertRow[] {
  return all(db, db.kysely.selectFrom("case_experts").selectAll().orderBy("id"));
}

export function insertDraw(db: Db, d: Omit<Selectable<Database["expert_draws"]>, "id"> & { actor_id: number }): number {
  return run(db, db.kysely.insertInto("expert_draws").values(d)).lastInsertRowid;
}
