import type { Db } from "../../db/connection.js";
import type { PledgeRegistrationsTable } from "../../db/schema.js";

export function insertPledgeRegistration(db: Db, r: Omit<PledgeRegistrationsTable, "released_at">): void {
  db.sqlite
    .prepare(
      `INSERT INTO pledge_registrations (case_id, registration_no, registered_on, year, amount_yuan, district_code,
        pledgor, bank, term_months, asset_type, patents_json)
       VALUES (@case_id, @registration_no, @registered_on, @year, @amount_yuan, @district_code, @pledgor, @bank,
        @term_months, @asset_type, @patents_json)`,
    )
    .run(r);
}

export function releasePledge(db: Db, caseId: number, at: number): void {
  db.sqlite.prepare("UPDATE pledge_registrations SET released_at = ? WHERE case_id = ?").run(at, caseId);
}

/** Registered amounts by year (released pledges still count: the plan counts financing registered in a year). */
export function pledgeTotals(
  db: Db,
  f: { year?: number; district?: string },
): { year: number; amountYuan: number; count: number }[] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.year !== undefined) {
    clauses.push("year = ?");
    params.push(f.year);
  }
  if (f.district) {
    clauses.push("district_code LIKE ?");
    params.push(`${f.district}%`);
  }
  return db.sqlite
    .prepare(
      `SELECT year, SUM(amount_yuan) AS amountYuan, COUNT(*) AS count FROM pledge_registrations
       ${clauses.length ? `WHERE ${clauses.join(" AND ")}` : ""} GROUP BY year ORDER BY year`,
    )
    .all(...params) as { year: number; amountYuan: number; count: number }[];
}

/** Every registration number the pledge cases hold (the plan's pledge register leaves these out of its sum). */
export function pledgeRegistrationNos(db: Db): Set<string> {
  const rows = db.sqlite.prepare("SELECT registration_no FROM pledge_registrations").all() as {
    registration_no: string;
  }[];
  return new Set(rows.map((r) => r.registration_no));
}
