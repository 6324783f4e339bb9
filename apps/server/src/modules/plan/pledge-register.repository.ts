import type { Db } from "../../db/connection.js";

export interface PledgeRecord {
  id: number;
  registration_no: string;
  registered_on: string;
  year: number;
  amount_yuan: number | null;
  district_code: string | null;
  pledgor: string;
  pledgee: string;
  /** patent, trademark, … (migration 027); the numbers in patents_json are of this kind. */
  asset_type: string;
  patents_json: string;
  source: string;
  file_name: string | null;
  recorded_by: string | null;
  recorded_at: string;
}
export type PledgeWrite = Omit<PledgeRecord, "id">;

export function insertPledge(db: Db, r: PledgeWrite): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO pledge_register (registration_no, registered_on, year, amount_yuan, district_code, pledgor, pledgee,
          asset_type, patents_json, source, file_name, recorded_by, recorded_at)
         VALUES (@registration_no, @registered_on, @year, @amount_yuan, @district_code, @pledgor, @pledgee,
          @asset_type, @patents_json, @source, @file_name, @recorded_by, @recorded_at)`,
      )
      .run(r).lastInsertRowid,
  );
}

export function findByRegistrationNo(db: Db, no: string): PledgeRecord | undefined {
  return db.sqlite.prepare("SELECT * FROM pledge_register WHERE registration_no = ?").get(no) as
    | PledgeRecord
    | undefined;
}

/** Registrations of a district (code prefix) or all, newest first. */
export function listPledges(db: Db, district: string | null, limit: number): PledgeRecord[] {
  return db.sqlite
    .prepare(
      `SELECT * FROM pledge_register WHERE (? IS NULL OR district_code LIKE ? || '%')
       ORDER BY registered_on DESC, id DESC LIMIT ?`,
    )
    .all(district, district, limit) as PledgeRecord[];
}

/** Registrations (number and amount) of a year, for a district prefix or all. */
export function pledgesOfYear(
  db: Db,
  f: { year?: number; district?: string },
): { registration_no: string; amount_yuan: number | null }[] {
  return db.sqlite
    .prepare(
      `SELECT registration_no, amount_yuan FROM pledge_register
       WHERE (? IS NULL OR year = ?) AND (? IS NULL OR district_code LIKE ? || '%')`,
    )
    .all(f.year ?? null, f.year ?? null, f.district ?? null, f.district ?? null) as {
    registration_no: string;
    amount_yuan: number | null;
  }[];
}
