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
  /** Normalising a name is a dozen regex passes; an export repeats its applicants' names thousands of times. */
  private readonly keyByName = new Map<string, string>();
  private readonly namesByCell = new Map<string, string[]>();

  constructor(private readonly repo: ImportRepository) {}

  /** Links in source order; position = index in the split list (a name repeated in one record is linked once). */
  link(patentId: number, applicantsRaw: string | null, regionCode: string | null): void {
    const keys = new Set<string>();
    this.namesOf(applicantsRaw).forEach((name, position) => {
      const key = this.normKey(name);
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

  /** The names of an applicants cell (a company's exact cell recurs on most of its records). */
  private namesOf(applicantsRaw: string | null): string[] {
    if (applicantsRaw === null) return [];
    let names = this.namesByCell.get(applicantsRaw);
    if (names === undefined) {
      names = splitApplicants(applicantsRaw);
      if (this.namesByCell.size >= 50_000) this.namesByCell.clear();
      this.namesByCell.set(applicantsRaw, names);
    }
    return names;
  }

  /** A name's norm key (cached: the entity pass after the import asks again for the spellings it linked). */
  normKey(name: string): string {
    let key = this.keyByName.get(name);
    if (key === undefined) {
      key = applicantNormKey(name);
      if (this.keyByName.size >= 200_000) this.keyByName.clear();
      this.keyByName.set(name, key);
    }
    return key;
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
