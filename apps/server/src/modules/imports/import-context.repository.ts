import type { DivisionRow } from "@zhichan/core/patents/index.ts";
import type { Db } from "../../db/connection.js";

/** The divisions a row's address can name (townships are not resolved). */
export function divisionsAboveTownship(db: Db): DivisionRow[] {
  return db.sqlite
    .prepare("SELECT code, name, level, parent_code FROM divisions WHERE level <> 'township'")
    .all() as DivisionRow[];
}

/** The strategic emerging industry categories, code and name. */
export function seiCategories(db: Db): Array<{ sei_code: string; sei_name: string }> {
  return db.sqlite.prepare("SELECT sei_code, sei_name FROM sei_categories").all() as Array<{
    sei_code: string;
    sei_name: string;
  }>;
}
