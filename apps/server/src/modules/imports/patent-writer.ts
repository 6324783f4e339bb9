import type { ApplicantLinker } from "./applicant-linker.js";
import type { ImportRepository } from "./imports.repository.js";
import { mergePatent } from "./merge-patent.js";
import type { PatentDraft } from "./patent-draft.js";

export interface WriteCounters {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Inserts a new publication or merges into the existing row; bumps updated_seq only when something changed. */
export function writePatent(
  repo: ImportRepository,
  linker: ApplicantLinker,
  patent: PatentDraft,
  seq: number,
  counters: WriteCounters,
): number {
  const regionCode = patent.district_code ?? patent.city_code ?? patent.province_code;
  const existing = repo.findPatent(patent.pub_no);
  if (!existing) {
    const id = repo.insertPatent(patent, ++seq);
    linker.link(id, patent.applicants_raw, regionCode);
    counters.inserted++;
    return seq;
  }
  const { id, ...stored } = existing;
  const { merged, changed } = mergePatent(stored, patent);
  if (!changed) {
    counters.unchanged++;
    return seq;
  }
  repo.updatePatent(id, merged, ++seq);
  if (merged.applicants_raw && repo.linkCount(id) === 0) {
    linker.link(id, merged.applicants_raw, merged.district_code ?? merged.city_code ?? merged.province_code);
  }
  counters.updated++;
  return seq;
}
