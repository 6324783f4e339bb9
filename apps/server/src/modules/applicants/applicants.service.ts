import { AppError } from "@zhichan/core";
import type { ApplicantMerge, ApplicantProfile, CountUnit, FacetName } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { AnalyticsStore } from "../analytics/analytics-store.js";
import type { SearchService } from "../search/search.service.js";
import {
  applicantAliases,
  applicantPatentCount,
  findApplicant,
  mergesOf,
  recentMerges,
} from "./applicants.repository.js";
import { ApplicantCompareService } from "./compare.service.js";

/** Who reads a profile: officials who curate entities see who decided a merge and why; everyone else does not. */
export type Viewer = "public" | "curator";

/** Evidence keys that name an official or carry their reason (entity-admin.service.ts writes them). */
const OFFICIAL_EVIDENCE_KEYS = new Set(["official", "userId", "reason"]);

/**
 * The public page shows that an official merged two entities and what was merged, but not which official or the
 * reason they typed: both are the official's own words and identity, kept for the audit and for other curators.
 */
function publicMerge(m: ApplicantMerge): ApplicantMerge {
  const evidence = Object.fromEntries(Object.entries(m.evidence).filter(([k]) => !OFFICIAL_EVIDENCE_KEYS.has(k)));
  return { ...m, evidence, createdBy: null };
}

const PORTFOLIO_FACETS: FacetName[] = ["year", "type", "status", "ipc_class", "ipc_subclass", "sei", "agency"];

export class ApplicantsService {
  constructor(
    private readonly db: Db,
    private readonly search: SearchService,
  ) {}

  /**
   * An absorbed (merged) id answers with the surviving entity and `entity.mergedFrom` set to the id asked for, so
   * old links keep working and the page can say where the entity went (no redirect: one round trip, one URL shape).
   * The facets count inventions (one per application) unless publications are asked for; both totals are given.
   */
  profile(id: number, unit: CountUnit = "invention", viewer: Viewer = "public"): ApplicantProfile {
    const asked = findApplicant(this.db, id);
    if (!asked) throw new AppError("NOT_FOUND", `没有找到申请人 ${id} · no applicant with id ${id}`);
    const row = asked.merged_into === null ? asked : findApplicant(this.db, asked.merged_into);
    if (!row) throw new AppError("NOT_FOUND", `没有找到申请人 ${id} · no applicant with id ${id}`);
    id = row.id;
    // APID= matches the applicant entity exactly, whatever spelling each patent used.
    const query = `APID=${id}`;
    const stats = this.search.search({
      q: query,
      sort: "relevance",
      limit: 0,
      facets: PORTFOLIO_FACETS,
      facetSize: 20,
      group: unit,
    });
    return {
      id: row.id,
      name: row.name,
      aliases: applicantAliases(this.db, id),
      regionCode: row.region_code,
      patentCount: applicantPatentCount(this.db, id),
      inventionCount: unit === "invention" ? stats.total : this.search.count(query, "invention"),
      unit,
      query,
      facets: stats.facets,
      entity: {
        id: row.id,
        name: row.name,
        nameSource: row.name_source,
        regionRule: row.region_rule,
        mergedFrom: asked.id === row.id ? null : asked.id,
        merges: viewer === "curator" ? mergesOf(this.db, row.id) : mergesOf(this.db, row.id).map(publicMerge),
      },
    };
  }

  /** Side-by-side comparison of entities over the analytics columns (`store`: the reports' columnar copy). */
  comparer(store: AnalyticsStore): ApplicantCompareService {
    return new ApplicantCompareService(this.db, this.search, store);
  }

  /** Every recorded merge, newest first (the data-quality page's list). */
  recentMerges(limit: number): ApplicantMerge[] {
    return recentMerges(this.db, limit);
  }
}
