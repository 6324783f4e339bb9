import type { Db } from "./db/connection.js";
import {
  type AccountsOptions,
  type AccountsServices,
  createAccountsServices,
} from "./modules/accounts/accounts.module.js";
import { ApplicantsService } from "./modules/applicants/applicants.service.js";
import { HealthService } from "./modules/health/health.service.js";
import { PatentsService } from "./modules/patents/patents.service.js";
import { allDivisions, ipcTitlesToMainGroup, seiNames } from "./modules/reference/reference.repository.js";
import { ReferenceService } from "./modules/reference/reference.service.js";
import { RegionDirectory } from "./modules/reference/region-directory.js";
import { applicantNames } from "./modules/search/hits.repository.js";
import { SearchService } from "./modules/search/search.service.js";
import type { SearchIndex } from "./modules/search/search-index.js";

export interface Services {
  health: HealthService;
  search: SearchService;
  patents: PatentsService;
  applicants: ApplicantsService;
  reference: ReferenceService;
  /** Accounts, sessions, audit log (modules/accounts, modules/audit). */
  accounts: AccountsServices;
}

/** Wires every service once; reference tables small enough to keep in memory are read here, once. */
export function createServices(db: Db, index: SearchIndex, opts: { accounts?: AccountsOptions } = {}): Services {
  const regions = new RegionDirectory(allDivisions(db));
  const ipc = new Map(ipcTitlesToMainGroup(db).map((r) => [r.code, r.title_zh]));
  const sei = seiNames(db);
  const seiName = (c: string) => sei.get(c);
  const search = new SearchService(db, index, regions.resolve, {
    regions,
    ipcTitle: (c) => ipc.get(c),
    seiName,
    applicantNames: (ids) => applicantNames(db, ids),
  });
  return {
    health: new HealthService(db, search),
    search,
    patents: new PatentsService(db, regions, seiName),
    applicants: new ApplicantsService(db, search),
    reference: new ReferenceService(db),
    accounts: createAccountsServices(db, opts.accounts),
  };
}
