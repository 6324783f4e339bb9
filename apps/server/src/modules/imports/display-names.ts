import { applicantKind, pickDisplayName, splitApplicants } from "@zhichan/core/patents/index.ts";
import type BetterSqlite3 from "better-sqlite3";
import { collectLinkEvidence, normKeyLinks } from "./applicant-evidence.js";
import { applyMerges } from "./applicant-merge.js";

export interface EntityRefresh {
  normKeyMerges: number;
  evidenceMerges: number;
  /** Links not followed because an official kept their entities apart (migration 016). */
  keptApart: number;
  displayNamesChanged: number;
}

/**
 * After an import: merge entities whose spellings share a key (rule norm_key), then those the data links across
 * languages (applicant-evidence.ts) — never two an official kept apart — record each applicant's region rule, and
 * recompute display names. Idempotent: a second run finds nothing to merge. This is the pass over the whole data
 * (shipped data, a resumed run); after an ordinary run importFile looks only at what it wrote (entity-refresh.ts).
 */
export function refreshApplicantEntities(db: BetterSqlite3.Database): EntityRefresh {
  const byKey = applyMerges(db, normKeyLinks(db));
  const byEvidence = applyMerges(db, collectLinkEvidence(db));
  setApplicantRegionRules(db);
  return {
    normKeyMerges: byKey.merges,
    evidenceMerges: byEvidence.merges,
    keptApart: byKey.keptApart + byEvidence.keptApart,
    displayNamesChanged: refreshApplicantDisplayNames(db),
  };
}

const json = (ids: Iterable<number>) => JSON.stringify([...ids]);

/** An entity's region came from the first record that named it first: that record's rule is the entity's. */
export function setApplicantRegionRules(db: BetterSqlite3.Database, only?: number[]): void {
  db.prepare(
    `UPDATE applicants SET region_rule = (
       SELECT p.region_rule FROM patent_applicants pa JOIN patents p ON p.id = pa.patent_id
       WHERE pa.applicant_id = applicants.id AND pa.position = 0
         AND applicants.region_code IN (p.district_code, p.city_code, p.province_code)
       ORDER BY p.id LIMIT 1)
     WHERE region_code IS NOT NULL AND region_rule IS NULL AND merged_into IS NULL
       AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))`,
  ).run({ ids: only ? json(only) : null });
}

/**
 * Sets every applicant's display name (or those of `only`) to its most frequent spelling over all linked patents
 * (and its kind from that name). Derived entirely from the patents, so it gives the same names after a resumed import
 * as after a clean one.
 */
export function refreshApplicantDisplayNames(db: BetterSqlite3.Database, only?: number[]): number {
  const spellings = new Map<number, Map<string, number>>();
  const rows = (
    only
      ? db
          .prepare(
            `SELECT pa.applicant_id AS id, pa.position AS position, p.applicants_raw AS raw
             FROM patent_applicants pa JOIN patents p ON p.id = pa.patent_id
             WHERE pa.applicant_id IN (SELECT value FROM json_each(?)) ORDER BY pa.patent_id`,
          )
          .iterate(json(only))
      : db
          .prepare(
            `SELECT pa.applicant_id AS id, pa.position AS position, p.applicants_raw AS raw
             FROM patent_applicants pa JOIN patents p ON p.id = pa.patent_id ORDER BY pa.patent_id`,
          )
          .iterate()
  ) as Iterable<{ id: number; position: number; raw: string | null }>;
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
  // An official's name (name_source 'official', migration 013) is kept over the most frequent spelling.
  const current = db
    .prepare(
      `SELECT id, name, kind FROM applicants WHERE name_source IS NULL
       AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))`,
    )
    .all({ ids: only ? json(only) : null }) as Array<{ id: number; name: string; kind: string }>;
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
