import type { Db } from "../../db/connection.js";
import type { PledgeRegistrationsTable } from "../../db/schema.js";
import { all, run } from "../../db/sync-query.js";

export function insertPledgeRegistration(db: Db, r: Omit<PledgeRegistrationsTable, "released_at">): void {
  run(db, db.kysely.insertInto("pledge_registrations").values(r));
}

export function releasePledge(db: Db, caseId: number, at: number): void {
  run(db, db.kysely.updateTable("pledge_registrations").set({ released_at: at }).where("case_id", "=", caseId));
}

/** Registered amounts by year (released pledges still count: the plan counts financing registered in a year). */
export function pledgeTotals(
  db: Db,
  f: { year?: number; district?: string },
): { year: number; amountYuan: number; count: number }[] {
  return all(
    db,
    db.kysely
      .selectFrom("pledge_registrations")
      .select((eb) => [
        "year",
        eb.fn.sum<number>("amount_yuan").as("amountYuan"), // a group has a row, so its sum is never NULL
        eb.fn.countAll<number>().as("count"),
      ])
      .$call((q) => (f.year !== undefined ? q.where("year", "=", f.year) : q))
      .$call((q) => (f.district ? q.where("district_code", "like", `${f.district}%`) : q))
      .groupBy("year")
      .orderBy("year"),
  );
}

/** Every registration number the pledge cases hold (the plan's pledge register leaves these out of its sum). */
export function pledgeRegistrationNos(db: Db): Set<string> {
  const rows = all(db, db.kysely.selectFrom("pledge_registrations").select("registration_no"));
  return new Set(rows.map((r) => r.registration_no));
}
