import { applicantKind, applicantNormKey, splitApplicants } from "@zhichan/core/patents/index.ts";
import type { ImportRepository } from "./imports.repository.js";

/**
 * Turns a patent's applicant text into links to applicant entities: one entity per norm_key (created on first sight,
 * named by that spelling until display names are refreshed), every distinct spelling recorded as an alias.
 * Ids are cached per import so the hot path is a Map lookup.
 */
export class ApplicantLinker {
  private readonly idByKey = new Map<string, number>();
  private readonly aliasesSeen = new Set<string>();
  private readonly regionSet = new Set<number>();

  constructor(private readonly repo: ImportRepository) {}

  /** Links in source order; position = index in the split list (a name repeated in one record is linked once). */
  link(patentId: number, applicantsRaw: string | null, regionCode: string | null): void {
    const keys = new Set<string>();
    splitApplicants(applicantsRaw).forEach((name, position) => {
      const key = applicantNormKey(name);
      if (!key || keys.has(key)) return;
      keys.add(key);
      const id = this.applicantId(name, key, position === 0 ? regionCode : null);
      // The record's region describes its first applicant (the address/region fields are the first applicant's).
      if (position === 0 && regionCode && !this.regionSet.has(id)) {
        this.repo.setApplicantRegionIfNull(id, regionCode);
        this.regionSet.add(id);
      }
      this.repo.insertLink(patentId, id, position);
    });
  }

  private applicantId(name: string, key: string, regionCode: string | null): number {
    let id = this.idByKey.get(key);
    if (id === undefined) {
      id = this.repo.findApplicant(key)?.id ?? this.repo.insertApplicant(name, key, applicantKind(name), regionCode);
      this.idByKey.set(key, id);
    }
    if (!this.aliasesSeen.has(name)) {
      this.repo.insertAlias(name, id);
      this.aliasesSeen.add(name);
    }
    return id;
  }
}
