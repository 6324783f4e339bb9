import type { ApplicantLinker } from "./applicant-linker.js";
import type { ValueOrigin } from "./field-precedence.js";
import type { ImportRepository } from "./imports.repository.js";
import { mergePatent } from "./merge-patent.js";
import type { PatentDraft } from "./patent-draft.js";

/** What a run did to the rows it read (cumulative over a resumed run: saved with each batch). */
export interface WriteCounters {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Field group → rows whose value of it changed. */
  fieldChanges: Record<string, number>;
  /** Field group → rows where this source disagreed with a kept, higher-ranked value. */
  conflicts: Record<string, number>;
  /** Legal-status changes recorded as dated events. */
  statusEvents: number;
}

export const emptyCounters = (): WriteCounters => ({
  inserted: 0,
  updated: 0,
  unchanged: 0,
  fieldChanges: {},
  conflicts: {},
  statusEvents: 0,
});

const bump = (into: Record<string, number>, keys: string[]) => {
  for (const k of keys) into[k] = (into[k] ?? 0) + 1;
};

/** A patent with no recorded origin was written before provenance existed: it ranks below every dated source. */
const legacyOrigin = (sources: string): ValueOrigin => ({
  source: sources.split(";")[0] ?? "",
  runId: null,
  authority: "vendor",
  asOf: "",
});

/**
 * Inserts a new publication or merges into the existing row by field precedence; bumps updated_seq only when
 * something changed, records which source gave each changed value and a dated event for a legal-status change.
 */
export function writePatent(
  repo: ImportRepository,
  linker: ApplicantLinker,
  patent: PatentDraft,
  seq: number,
  counters: WriteCounters,
  origin: ValueOrigin,
): number {
  const regionCode = patent.district_code ?? patent.city_code ?? patent.province_code;
  const existing = repo.findPatent(patent.pub_no);
  if (!existing) {
    const id = repo.insertPatent(patent, ++seq);
    repo.setOrigin(id, "*", origin);
    linker.link(id, patent.applicants_raw, regionCode);
    counters.inserted++;
    return seq;
  }
  const { id, ...stored } = existing;
  const origins = repo.origins(id);
  const kept = { row: origins.get("*") ?? legacyOrigin(stored.sources), groups: origins };
  const result = mergePatent(stored, kept, patent, origin);
  bump(counters.conflicts, result.conflicts);
  for (const g of result.provenance) repo.setOrigin(id, g, origin);
  const { merged } = result;
  if (result.changedGroups.length === 0) {
    // No value moved: at most a new source tag or extra field (not indexed, so no new updated_seq).
    if (result.changed) repo.updateTags(id, merged.sources, merged.extra_json);
    counters.unchanged++;
    return seq;
  }
  repo.updatePatent(id, merged, ++seq);
  bump(counters.fieldChanges, result.changedGroups);
  if (result.statusChange) {
    repo.insertStatusEvent(id, result.statusChange, origin);
    counters.statusEvents++;
  }
  // A corrected applicant list is linked again from scratch, so no entity keeps a record it no longer names.
  const relink = result.changedGroups.includes("applicants_raw");
  if (relink) repo.deleteLinks(id);
  if (merged.applicants_raw && (relink || repo.linkCount(id) === 0)) {
    linker.link(id, merged.applicants_raw, merged.district_code ?? merged.city_code ?? merged.province_code);
  }
  counters.updated++;
  return seq;
}
