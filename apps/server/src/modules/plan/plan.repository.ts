import type { Db } from "../../db/connection.js";

export interface PlanRecord {
  id: number;
  code: string;
  name: string;
  city: string;
  city_code: string;
  start_year: number;
  end_year: number;
  belt_json: string;
  active: number;
}
export interface TargetRecord {
  id: number;
  plan_id: number;
  key: string;
  label_zh: string;
  label_en: string;
  unit: string;
  target: number;
  target_year: number;
  metric_json: string;
  sort: number;
  /** Where the target stood before the plan (migration 020); both null when none is recorded. */
  baseline_value: number | null;
  baseline_date: string | null;
}

export function listPlans(db: Db): PlanRecord[] {
  return db.sqlite.prepare("SELECT * FROM plans ORDER BY active DESC, id").all() as PlanRecord[];
}
export function findPlan(db: Db, code: string | undefined): PlanRecord | undefined {
  if (code) return db.sqlite.prepare("SELECT * FROM plans WHERE code = ?").get(code) as PlanRecord | undefined;
  return db.sqlite.prepare("SELECT * FROM plans ORDER BY active DESC, id LIMIT 1").get() as PlanRecord | undefined;
}
export function targetsOf(db: Db, planId: number): TargetRecord[] {
  return db.sqlite
    .prepare("SELECT * FROM plan_targets WHERE plan_id = ? ORDER BY sort, id")
    .all(planId) as TargetRecord[];
}
export function findTarget(db: Db, id: number): TargetRecord | undefined {
  return db.sqlite.prepare("SELECT * FROM plan_targets WHERE id = ?").get(id) as TargetRecord | undefined;
}
export function updateTarget(db: Db, id: number, t: Omit<TargetRecord, "id" | "plan_id">): void {
  db.sqlite
    .prepare(
      `UPDATE plan_targets SET key = ?, label_zh = ?, label_en = ?, unit = ?, target = ?, target_year = ?, metric_json = ?, sort = ?,
         baseline_value = ?, baseline_date = ? WHERE id = ?`,
    )
    .run(
      t.key,
      t.label_zh,
      t.label_en,
      t.unit,
      t.target,
      t.target_year,
      t.metric_json,
      t.sort,
      t.baseline_value,
      t.baseline_date,
      id,
    );
}
export function setBaseline(db: Db, id: number, value: number | null, date: string | null): void {
  db.sqlite.prepare("UPDATE plan_targets SET baseline_value = ?, baseline_date = ? WHERE id = ?").run(value, date, id);
}
export function insertPlan(db: Db, p: Omit<PlanRecord, "id" | "active">): number {
  return Number(
    db.sqlite
      .prepare(
        "INSERT INTO plans (code, name, city, city_code, start_year, end_year, belt_json, active) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
      )
      .run(p.code, p.name, p.city, p.city_code, p.start_year, p.end_year, p.belt_json).lastInsertRowid,
  );
}
export function insertTarget(db: Db, planId: number, t: Omit<TargetRecord, "id" | "plan_id">): void {
  db.sqlite
    .prepare(
      `INSERT INTO plan_targets (plan_id, key, label_zh, label_en, unit, target, target_year, metric_json, sort,
         baseline_value, baseline_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      planId,
      t.key,
      t.label_zh,
      t.label_en,
      t.unit,
      t.target,
      t.target_year,
      t.metric_json,
      t.sort,
      t.baseline_value,
      t.baseline_date,
    );
}
export function activatePlan(db: Db, id: number): void {
  db.sqlite.prepare("UPDATE plans SET active = (id = ?)").run(id);
}
/** County-level divisions of a city. */
export function cityDivisions(db: Db, cityCode: string): { code: string; name: string }[] {
  return db.sqlite.prepare("SELECT code, name FROM divisions WHERE parent_code = ? ORDER BY code").all(cityCode) as {
    code: string;
    name: string;
  }[];
}
/** Whether a table exists (the pledge-financing cases are built by another module later). */
export function tableExists(db: Db, name: string): boolean {
  return !!db.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}
