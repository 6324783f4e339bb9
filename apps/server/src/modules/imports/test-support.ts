import crypto from "node:crypto";
import path from "node:path";
import type { Db } from "../../db/connection.js";
import { PATENT_COLUMNS } from "./patent-draft.js";

/** The shipped data folder of this checkout (tests read the real files). */
export const DATA_DIR = path.resolve(import.meta.dirname, "../../../../../data");

export interface DbSnapshot {
  patents: number;
  applicants: number;
  aliases: number;
  links: number;
  /** sha256 over every patent column (ids and updated_seq excluded), applicants, aliases and links by name. */
  contentHash: string;
}

/** Counts plus a content hash, to compare two databases (a clean run and a resumed one) row for row. */
export function snapshot(db: Db): DbSnapshot {
  const q = (sql: string) => db.sqlite.prepare(sql).raw().iterate() as Iterable<unknown[]>;
  const hash = crypto.createHash("sha256");
  for (const r of q(`SELECT ${PATENT_COLUMNS.join(", ")} FROM patents ORDER BY pub_no`)) hash.update(JSON.stringify(r));
  for (const r of q("SELECT name, norm_key, kind, region_code FROM applicants ORDER BY norm_key"))
    hash.update(JSON.stringify(r));
  for (const r of q(
    "SELECT al.alias, a.norm_key FROM applicant_aliases al JOIN applicants a ON a.id = al.applicant_id ORDER BY al.alias",
  ))
    hash.update(JSON.stringify(r));
  for (const r of q(`SELECT p.pub_no, pa.position, a.norm_key FROM patent_applicants pa JOIN patents p ON p.id = pa.patent_id
      JOIN applicants a ON a.id = pa.applicant_id ORDER BY p.pub_no, pa.position`))
    hash.update(JSON.stringify(r));
  const count = (t: string) => db.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  return {
    patents: count("patents"),
    applicants: count("applicants"),
    aliases: count("applicant_aliases"),
    links: count("patent_applicants"),
    contentHash: hash.digest("hex"),
  };
}
