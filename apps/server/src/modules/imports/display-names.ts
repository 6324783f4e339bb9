import { applicantKind, pickDisplayName, splitApplicants } from "@zhichan/core/patents/index.ts";
import type BetterSqlite3 from "better-sqlite3";

/**
 * Sets every applicant's display name to its most frequent spelling over all linked patents (and its kind from that
 * name). Derived entirely from the patents, so it gives the same names after a resumed import as after a clean one.
 */
export function refreshApplicantDisplayNames(db: BetterSqlite3.Database): number {
  const spellings = new Map<number, Map<string, number>>();
  const rows = db
    .prepare(
      `SELECT pa.applicant_id AS id, pa.position AS position, p.applicants_raw AS raw
       FROM patent_applicants pa JOIN patents p ON p.id = pa.patent_id ORDER BY pa.patent_id`,
    )
    .iterate() as Iterable<{ id: number; position: number; raw: string | null }>;
  let lastRaw: string | null = null;
  let lastSplit: string[] = [];
  for (const r of rows) {
    if (r.raw !== lastRaw) {
      lastRaw = r.raw;
      lastSplit = splitApplicants(r.raw);
    }
    const spelling = lastSplit[r.position];
    if (!spelling) continue;
    const counts = spellings.get(r.id) ?? new Map<string, number>();
    counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    spellings.set(r.id, counts);
  }
  const current = db.prepare("SELECT id, name, kind FROM applicants").all() as Array<{
    id: number;
    name: string;
    kind: string;
  }>;
  const update = db.prepare("UPDATE applicants SET name = ?, kind = ? WHERE id = ?");
  let changed = 0;
  db.transaction(() => {
    for (const a of current) {
      const counts = spellings.get(a.id);
      if (!counts) continue;
      const name = pickDisplayName(counts);
      const kind = applicantKind(name);
      if (name !== a.name || kind !== a.kind) {
        update.run(name, kind, a.id);
        changed++;
      }
    }
  })();
  return changed;
}
