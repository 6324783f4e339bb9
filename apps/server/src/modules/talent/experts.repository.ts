import type { Db } from "../../db/connection.js";

export interface ExpertRow {
  id: number;
  name: string;
  org_name: string | null;
  fields_json: string;
  conflicts_json: string;
  active: number;
  user_id: number | null;
  created_at: number;
}

export function insertExpert(db: Db, e: Omit<ExpertRow, "id" | "active">): number {
  const info = db.sqlite
    .prepare(
      `INSERT INTO case_experts (name, org_name, fields_json, conflicts_json, user_id, created_at)
       VALUES (@name, @org_name, @fields_json, @conflicts_json, @user_id, @created_at)`,
    )
    .run(e);
  return Number(info.lastInsertRowid);
}

export function allExperts(db: Db): ExpertRow[] {
  return db.sqlite.prepare("SELECT * FROM case_experts ORDER BY id").all() as ExpertRow[];
}

export function insertDraw(
  db: Db,
  d: {
    at: number;
    actor_id: number;
    case_id: number | null;
    seed: number;
    request_json: string;
    drawn_json: string;
    excluded_json: string;
  },
): number {
  const info = db.sqlite
    .prepare(
      `INSERT INTO expert_draws (at, actor_id, case_id, seed, request_json, drawn_json, excluded_json)
       VALUES (@at, @actor_id, @case_id, @seed, @request_json, @drawn_json, @excluded_json)`,
    )
    .run(d);
  return Number(info.lastInsertRowid);
}
