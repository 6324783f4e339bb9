import type { IndustryInput } from "@zhichan/shared";
import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/connection.js";
import type { IndustriesTable } from "../../db/schema.js";
import { all, first, one, run } from "../../db/sync-query.js";

export type IndustryRow = Selectable<IndustriesTable> & { major_name: string | null };

/** Industries (alias i) with the major category name of their SEI code. */
const withMajor = (db: Db) =>
  db.kysely
    .selectFrom("industries as i")
    .leftJoin("sei_categories as s", "s.sei_code", "i.sei_code")
    .selectAll("i")
    .select("s.major_name");

export function listIndustries(db: Db): IndustryRow[] {
  return all(
    db,
    withMajor(db)
      .orderBy("i.builtin", "desc")
      .orderBy(sql`CASE WHEN i.builtin = 1 THEN i.sei_code END`)
      .orderBy("i.id"),
  );
}

export function findIndustry(db: Db, id: number): IndustryRow | undefined {
  return first(db, withMajor(db).where("i.id", "=", id));
}

/** The columns an official's definition sets. */
const definition = (input: IndustryInput) => ({
  name: input.name,
  sei_code: input.seiCode,
  ipc_prefixes_json: JSON.stringify(input.ipcPrefixes),
  keywords_json: JSON.stringify(input.keywords),
  exclusions_json: JSON.stringify(input.exclusions),
  notes: input.notes,
});

/** `at`: the creation time, ISO text (the caller's clock). */
export function insertIndustry(
  db: Db,
  input: IndustryInput,
  builtin: boolean,
  actorId: number | null,
  at: string,
): number {
  return run(
    db,
    db.kysely.insertInto("industries").values({
      ...definition(input),
      builtin: builtin ? 1 : 0,
      created_by: actorId,
      created_at: at,
      updated_at: at,
    }),
  ).lastInsertRowid;
}

/** `at`: the change time, ISO text (the caller's clock). */
export function updateIndustry(db: Db, id: number, input: IndustryInput, at: string): boolean {
  return (
    run(
      db,
      db.kysely
        .updateTable("industries")
        .set({ ...definition(input), updated_at: at })
        .where("id", "=", id),
    ).changes > 0
  );
}

export function countBuiltin(db: Db): number {
  return one(
    db,
    db.kysely
      .selectFrom("industries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("builtin", "=", 1),
  ).n;
}

export function seiCategories(db: Db): { sei_code: string; sei_name: string; major_name: string }[] {
  return all(
    db,
    db.kysely.selectFrom("sei_categories").select(["sei_code", "sei_name", "major_name"]).orderBy("sei_code"),
  );
}

/** Observed IPC groups where at least `minShare` of the group's SEI-labelled records carry this code. */
export function observedGroups(
  db: Db,
  minShare: number,
  minRecords: number,
): { ipc_group: string; sei_code: string }[] {
  return all(
    db,
    db.kysely
      .selectFrom("ipc_sei_observed")
      .select(["ipc_group", "sei_code"])
      .where("share", ">=", minShare)
      .where("n_records", ">=", minRecords)
      .orderBy("sei_code")
      .orderBy("n_records", "desc")
      .orderBy("ipc_group"),
  );
}
