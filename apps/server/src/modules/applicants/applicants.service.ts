import { AppError } from "@zhichan/core";
import type { ApplicantProfile, FacetName } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { SearchService } from "../search/search.service.js";
import { applicantAliases, applicantPatentCount, findApplicant } from "./applicants.repository.js";

const PORTFOLIO_FACETS: FacetName[] = ["year", "type", "status", "ipc_class", "ipc_subclass", "sei", "agency"];

export class ApplicantsService {
  constructor(
    private readonly db: Db,
    private readonly search: SearchService,
  ) {}

  profile(id: number): ApplicantProfile {
    const row = findApplicant(this.db, id);
    if (!row) throw new AppError("NOT_FOUND", `没有找到申请人 ${id} · no applicant with id ${id}`);
    // APID= matches the applicant entity exactly, whatever spelling each patent used.
    const query = `APID=${id}`;
    const stats = this.search.search({
      q: query,
      sort: "relevance",
      limit: 0,
      facets: PORTFOLIO_FACETS,
      facetSize: 20,
    });
    return {
      id: row.id,
      name: row.name,
      aliases: applicantAliases(this.db, id),
      regionCode: row.region_code,
      patentCount: applicantPatentCount(this.db, id),
      query,
      facets: stats.facets,
    };
  }
}
