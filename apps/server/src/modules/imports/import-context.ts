import { DivisionIndex } from "@zhichan/core/patents/index.ts";
import type { Db } from "../../db/connection.js";
import { divisionsAboveTownship, seiCategories } from "./import-context.repository.js";
import { normaliseMemos } from "./normalise-memo.js";
import type { NormaliseContext } from "./row-normaliser.js";

/** Reference tables a file's rows are resolved against, read once per file. */
export function loadContext(
  db: Db,
  source: string,
  headerOf: NormaliseContext["headerOf"],
  pipe: boolean,
): NormaliseContext {
  const divisions = divisionsAboveTownship(db);
  const sei = seiCategories(db);
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
