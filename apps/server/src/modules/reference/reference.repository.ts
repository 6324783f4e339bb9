import type { Selectable } from "kysely";
import type { Db } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { all, first } from "../../db/sync-query.js";

export type DivisionRow = Selectable<Database["divisions"]>;

export const allDivisions = (db: Db): DivisionRow[] =>
  all(
    db,
    db.kysely.selectFrom("divisions").select(["code", "name", "level", "parent_code"]).where("level", "<>", "township"),
  );

/** IPC titles down to main-group level: small enough (~8k) to keep in memory for facet labels. */
export const ipcTitlesToMainGroup = (db: Db) =>
  all(db, db.kysely.selectFrom("ipc_codes").select(["code", "title_zh"]).where("level", "<>", "subgroup"));

/** The IPC tree above subgroups (sections, classes, subclasses, main groups: ~8k rows) for the picker. */
export const ipcTreeToMainGroup = (db: Db) =>
  all(
    db,
    db.kysely
      .selectFrom("ipc_codes")
      .select(["code", "level", "parent", "title_zh"])
      .where("level", "<>", "subgroup")
      .orderBy("code"),
  );

export const ipcTitles = (db: Db, codes: string[]): Map<string, string> => {
  if (codes.length === 0) return new Map();
  const rows = all(db, db.kysely.selectFrom("ipc_codes").select(["code", "title_zh"]).where("code", "in", codes));
  return new Map(rows.map((r) => [r.code, r.title_zh]));
};

export const seiNames = (db: Db): Map<string, string> =>
  new Map(
    all(db, db.kysely.selectFrom("sei_categories").select(["sei_code", "sei_name"])).map((r) => [
      r.sei_code,
      r.sei_name,
    ]),
  );

export const geoShape = (db: Db, name: string): string | undefined =>
  first(db, db.kysely.selectFrom("geo_shapes").select("geojson").where("name", "=", name))?.geojson;

/** Every IPC title, subgroups included (the cross-language check for technical vocabulary reads them once). */
export const allIpcTitles = (db: Db): string[] =>
  all(db, db.kysely.selectFrom("ipc_codes").select("title_zh")).map((r) => r.title_zh);
