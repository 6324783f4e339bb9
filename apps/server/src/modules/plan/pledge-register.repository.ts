import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first, run } from "../../db/sync-query.js";

/** A registered pledge; asset_type (migration 027) says what kind of numbers patents_json holds. */
export type PledgeRecord = Selectable<Database["pledge_register"]>;
export type PledgeWrite = Omit<PledgeRecord, "id">;

export function insertPledge(db: Db, r: PledgeWrite): number {
  const { registration_no, registered_on, year, amount_yuan, district_code, pledgor, pledgee } = r;
  const { asset_type, patents_json, source, file_name, recorded_by, recorded_at } = r;
  const values = { registration_no, registered_on, year, amount_yuan, district_code, pledgor, pledgee };
  const more = { asset_type, patents_json, source, file_name, recorded_by, recorded_at };
  return run(db, db.kysely.insertInto("pledge_register").values({ ...values, ...more })).lastInsertRowid;
}

export function findByRegistrationNo(db: Db, no: string): PledgeRecord | undefined {
  return first(db, db.kysely.selectFrom("pledge_register").selectAll().where("registration_no", "=", no));
}

/** Registrations of a district (code prefix) or all, newest first. */
export function listPledges(db: Db, district: string | null, limit: number): PledgeRecord[] {
  let q = db.kysely.selectFrom("pledge_register").selectAll();
  if (district !== null) q = q.where("district_code", "like", `${district}%`);
  return all(db, q.orderBy("registered_on", "desc").orderBy("id", "desc").limit(limit));
}

/** Registrations (number and amount) of a year, for a district prefix or all, in id order (the order they are summed in). */
export function pledgesOfYear(db: Db, f: { year?: number; district?: string }) {
  let q = db.kysely.selectFrom("pledge_register").select(["registration_no", "amount_yuan"]);
  if (f.year != null) q = q.where("year", "=", f.year);
  if (f.district != null) q = q.where("district_code", "like", `${f.district}%`);
  return all(db, q.orderBy("id"));
}
