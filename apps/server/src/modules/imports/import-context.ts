import { DivisionIndex, type DivisionRow } from "@zhichan/core/patents/index.ts";
import type { Db } from "../../db/connection.js";
import { normaliseMemos } from "./normalise-memo.js";
import type { NormaliseContext } from "./row-normaliser.js";

/** Reference tables a file's rows are resolved against, read once per file. */
export function loadContext(
  db: Db,
  source: string,
  headerOf: NormaliseContext["headerOf"],
  pipe: boolean,
): NormaliseContext {
  const divisions = db.sqlite
    .prepare("SELECT code, name, level, parent_code FROM divisions WHERE level <> 'township'")
    .all() as DivisionRow[];
  const sei = db.sqlite.prepare("SELECT sei_code, sei_name FROM sei_categories").all() as Array<{
    sei_code: string;
    sei_name: string;
  }>;
  return {
    source,
    divisions: new DivisionIndex(divisions),
    seiNameToCode: new Map(sei.map((s) => [s.sei_name, s.sei_code])),
    seiCodes: new Set(sei.map((s) => s.sei_code)),
    pipeSeparatesPeople: pipe,
    headerOf,
    memo: normaliseMemos(),
  };
}
