import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first, run } from "../../db/sync-query.js";

export type PlanRecord = Selectable<Database["plans"]>;
/** A plan target; baseline_value/baseline_date (migration 020) are both null when no baseline is recorded. */
export type TargetRecord = Selectable<Database["plan_targets"]>;
type TargetWrite = Omit<TargetRecord, "id" | "plan_id">;

export function listPlans(db: Db): PlanRecord[] {
  return all(db, db.kysely.selectFrom("plans").selectAll().orderBy("active", "desc").orderBy("id"));
}
export function findPlan(db: Db, code: string | undefined): PlanRecord | undefined {
  const plans = db.kysely.selectFrom("plans").selectAll();
  if (code) return first(db, plans.where("code", "=", code));
  return first(db, plans.orderBy("active", "desc").orderBy("id").limit(1));
}
export function targetsOf(db: Db, planId: number): TargetRecord[] {
  return all(
    db,
    db.kysely.selectFrom("plan_targets").selectAll().where("plan_id", "=", planId).orderBy("sort").orderBy("id"),
  );
}
export function findTarget(db: Db, id: number): TargetRecord | undefined {
  return first(db, db.kysely.selectFrom("plan_targets").selectAll().where("id", "=", id));
}
export function updateTarget(db: Db, id: number, t: TargetWrite): void {
  run(db, db.kysely.updateTable("plan_targets").set(targetColumns(t)).where("id", "=", id));
}
export function setBaseline(db: Db, id: number, value: number | null, date: string | null): void {
  run(
    db,
    db.kysely.updateTable("plan_targets").set({ baseline_value: value, baseline_date: date }).where("id", "=", id),
  );
}
export function insertPlan(db: Db, p: Omit<PlanRecord, "id" | "active">): number {
  const { code, name, city, city_code, start_year, end_year, belt_json } = p;
  return run(
    db,
    db.kysely.insertInto("plans").values({ code, name, city, city_code, start_year, end_year, belt_json, active: 0 }),
  ).lastInsertRowid;
}
export function insertTarget(db: Db, planId: number, t: TargetWrite): void {
  run(db, db.kysely.insertInto("plan_targets").values({ plan_id: planId, ...targetColumns(t) }));
}
/** Only the target's own columns: callers may pass a wider object (a whole record), which must not reach the SQL. */
function targetColumns(t: TargetWrite): TargetWrite {
  const { key, label_zh, label_en, unit, target, target_year, metric_json, sort, baseline_value, baseline_date } = t;
  return { key, label_zh, label_en, unit, target, target_year, metric_json, sort, baseline_value, baseline_date };
}
export function activatePlan(db: Db, id: number): void {
  run(db, db.kysely.updateTable("plans").set({ active: sql<number>`id = ${id}` }));
}
/** County-level divisions of a city. */
export function cityDivisions(db: Db, cityCode: string): { code: string; name: string }[] {
  return all(
    db,
    db.kysely.selectFrom("divisions").select(["code", "name"]).where("parent_code", "=", cityCode).orderBy("code"),
  );
}
/** Whether a table exists (the pledge-financing cases are built by another module later). */
export function tableExists(db: Db, name: string): boolean {
  const master = db.kysely.withTables<{ sqlite_master: { type: string; name: string } }>();
  return !!first(
    db,
    master.selectFrom("sqlite_master").select("name").where("type", "=", "table").where("name", "=", name),
  );
}
