import type { Db } from "../../db/connection.js";

export interface ApplicantRow {
  id: number;
  name: string;
  kind: string;
  region_code: string | null;
}

export const findApplicant = (db: Db, id: number): ApplicantRow | undefined =>
  db.sqlite.prepare("SELECT id, name, kind, region_code FROM applicants WHERE id = ?").get(id) as
    | ApplicantRow
    | undefined;

export const applicantAliases = (db: Db, id: number): string[] =>
  (
    db.sqlite.prepare("SELECT alias FROM applicant_aliases WHERE applicant_id = ? ORDER BY alias").all(id) as {
      alias: string;
    }[]
  ).map((r) => r.alias);

export const applicantPatentCount = (db: Db, id: number): number =>
  (
    db.sqlite
      .prepare("SELECT count(DISTINCT patent_id) AS n FROM patent_applicants WHERE applicant_id = ?")
      .get(id) as { n: number }
  ).n;
