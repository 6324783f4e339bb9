import type { Db } from "../../db/connection.js";

/** The county-level divisions under a city, without the statistical placeholder 市辖区. */
export function cityDistricts(db: Db, cityCode: string): { code: string; name: string }[] {
  return db.sqlite
    .prepare(
      "SELECT code, name FROM divisions WHERE parent_code = ? AND level = 'county' AND name <> '市辖区' ORDER BY code",
    )
    .all(cityCode) as { code: string; name: string }[];
}
