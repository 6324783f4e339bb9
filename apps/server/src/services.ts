import { AppError } from "@zhichan/core";
import { inDistrictScope, ROLE_PERMISSIONS, ROLES } from "@zhichan/core/accounts/index.ts";
import type { Db } from "./db/connection.js";
import { JobRunner } from "./jobs/job-runner.js";
import {
  type AccountsOptions,
  type AccountsServices,
  createAccountsServices,
} from "./modules/accounts/accounts.module.js";
import { HeldPii } from "./modules/accounts/held-pii.js";
import { PiiCodec } from "./modules/accounts/pii.js";
import { activeUsersWithRoles, findUserById } from "./modules/accounts/users.repository.js";
import { AnalyticsService } from "./modules/analytics/analytics.service.js";
import { AnalyticsStore } from "./modules/analytics/analytics-store.js";
import { ApplicantsService } from "./modules/applicants/applicants.service.js";
import { EntityAdminService } from "./modules/applicants/entity-admin.service.js";
import { MergeSuggestionFinder } from "./modules/applicants/merge-suggestions.js";
import { type CasesOptions, type CasesServices, createCasesServices } from "./modules/cases/cases.module.js";
import { type ContentServices, createContentServices } from "./modules/content/content.module.js";
import { DataQualityService } from "./modules/data-quality/data-quality.service.js";
import { GiService } from "./modules/gi/gi.service.js";
import { HealthService } from "./modules/health/health.service.js";
import { WebImportsService } from "./modules/imports/web/web-imports.service.js";
import { IndustriesService } from "./modules/industries/industries.service.js";
import { MailService } from "./modules/mail/mail.service.js";
import { MailSender } from "./modules/mail/mail-sender.js";
import type { MailSettings } from "./modules/mail/mail-settings.js";
import { PatentsService } from "./modules/patents/patents.service.js";
import { PlanService } from "./modules/plan/plan.service.js";
import { allDivisions, ipcTitlesToMainGroup, seiNames } from "./modules/reference/reference.repository.js";
import { ReferenceService } from "./modules/reference/reference.service.js";
import { RegionDirectory } from "./modules/reference/region-directory.js";
import { RegistryService } from "./modules/registry/registry.service.js";
import { applicantNames } from "./modules/search/hits.repository.js";
import { SearchService } from "./modules/search/search.service.js";
import type { SearchIndex } from "./modules/search/search-index.js";
import { ANSWER_PERMISSION } from "./modules/service-desk/consultations.service.js";
import { createServiceDesk, type ServiceDeskServices } from "./modules/service-desk/service-desk.module.js";
import { SignalsService } from "./modules/supervision/signals.service.js";
import { SupervisionService } from "./modules/supervision/supervision.service.js";
import { SurveysService } from "./modules/surveys/surveys.service.js";
import { WatchesService } from "./modules/watches/watches.service.js";

export interface Services {
  health: HealthService;
  search: SearchService;
  patents: PatentsService;
  applicants: ApplicantsService;
  /** Officials' merge/split/rename of applicant entities and the data-quality page (data:import). */
  entityAdmin: EntityAdminService;
  dataQuality: DataQualityService;
  reference: ReferenceService;
  /** Accounts, sessions, audit log (modules/accounts, modules/audit). */
  accounts: AccountsServices;
  /** The case engine and the one-stop services: protection, operations, talent (modules/cases …). */
  cases: CasesServices;
  /** Notices, policies, news, 办事指南 and the public directories (modules/content). */
  content: ContentServices;
  /** Registry, surveys, supervision, plan dashboard (modules/registry, surveys, supervision, plan). */
  registry: RegistryService;
  surveys: SurveysService;
  supervision: SupervisionService;
  signals: SignalsService;
  plan: PlanService;
  /** The geographical-indication register (modules/gi): public page and map, officials' entries. */
  gi: GiService;
  /** Industry thematic databases and patent navigation reports (modules/industries, modules/analytics). */
  industries: IndustriesService;
  analytics: AnalyticsService;
  /** Durable jobs (reports); main.ts starts the loop, tests call drain(). */
  jobs: JobRunner;
  /** Patent import in the web app (modules/imports/web) and its own job runner, so imports and reports never queue
   * behind each other. */
  imports: WebImportsService;
  importJobs: JobRunner;
  /** Saved searches, history, watches and alerts (modules/watches); evaluated after each import batch. */
  watches: WatchesService;
  /** E-mail: the outbox other modules enqueue to, and its sender (main.ts starts it; tests call tick()). */
  mail: MailService;
  mailSender: MailSender;
  /** 咨询, 预约 and 好差评 (modules/service-desk). */
  serviceDesk: ServiceDeskServices;
}

/** SMTP settings (modules/mail/mail-settings.ts; null: nothing is e-mailed) and the web app's address for links. */
export interface MailOptions {
  settings: MailSettings | null;
  publicUrl?: string | null;
  log?: { info(o: object, msg: string): void; warn(o: object, msg: string): void } | null;
}

/** Wires every service once; reference tables small enough to keep in memory are read here, once. */
export function createServices(
  db: Db,
  index: SearchIndex,
  opts: { accounts?: AccountsOptions; cases?: CasesOptions; mail?: MailOptions } = {},
): Services {
  const regions = new RegionDirectory(allDivisions(db));
  const ipc = new Map(ipcTitlesToMainGroup(db).map((r) => [r.code, r.title_zh]));
  const sei = seiNames(db);
  const seiName = (c: string) => sei.get(c);
  const search = new SearchService(
    db,
    index,
    regions.resolve,
    {
      regions,
      ipcTitle: (c) => ipc.get(c),
      seiName,
      applicantNames: (ids) => applicantNames(db, ids),
    },
    {
      // cross-language search prefers a dictionary's Chinese words that the IPC titles use (search/cross-language.ts)
      inIpcTitles: (word) => reference.ipcTitlesMention(word),
    },
  );
  const accounts = createAccountsServices(db, opts.accounts);
  // registry, surveys, supervision, plan (modules/registry, surveys, supervision, plan)
  const reference = new ReferenceService(db);
  const patents = new PatentsService(db, regions, seiName, reference);
  const registry = new RegistryService(db, accounts.audit, accounts.clock);
  // registration checks a credit code against the officials' register (a claim on a known organisation waits)
  accounts.accounts.useRegistryLookup((code) => {
    const o = registry.orgByCreditCode(code);
    return o ? { name: o.name, district: o.district_code } : undefined;
  });
  const mailSettings = opts.mail?.settings ?? null;
  const mail = new MailService(db, accounts.cipher, accounts.clock, mailSettings, opts.mail?.publicUrl ?? null);
  const cases = createCasesServices(
    db,
    {
      clock: accounts.clock,
      audit: accounts.audit,
      patent: patentOrNull(patents),
      // asked at every check, so a case follows current, accepted membership (issue #13)
      acceptedOrgs: (userId) => accounts.orgs.acceptedOrgs(userId),
      // a case form's phone numbers: the accounts' key, masks and reveal rules (reason, allowance, audit row)
      pii: new HeldPii(new PiiCodec(accounts.cipher), accounts.reveals),
    },
    {
      // rights-assistance requests are routed to the registry's active workstations (city-wide read)
      workstations: () =>
        registry
          .listOrgRecords({ actor: null, ip: null, district: null }, { categories: ["workstation"], status: "active" })
          .map((o) => ({ id: o.id, name: o.name, districtCode: o.district_code })),
      // talent rewards read the registry's brand qualification and put approved people in the registry
      talentRegistry: {
        registryOrg: (userId, accountOrgId) => {
          const code = accounts.orgs.acceptedOrgs(userId).find((o) => o.id === accountOrgId)?.code;
          const r = code ? registry.orgByCreditCode(code) : undefined;
          return r?.status === "active" ? { id: r.id, districtCode: r.district_code } : null;
        },
        brandQualification: (id, date) => registry.holdsBrandQualification(id, date),
        recordRewardedPerson: (p) => registry.recordRewardedPerson(p),
      },
      // every notification to a named person can also go out by e-mail (their address, language and choice)
      mailer: (userId, c) =>
        mail.enqueueForUser(userId, {
          kind: "case",
          subject: { zh: `${c.title}：${c.what.zh}`, en: `${c.title}: ${c.what.en}` },
          text: {
            zh: `您的案件 ${c.ref}“${c.title}”：${c.what.zh}。`,
            en: `Your case ${c.ref} "${c.title}": ${c.what.en}.`,
          },
          link: `/cases/${c.caseId}`,
        }),
      ...opts.cases,
    },
  );
  // analytics: industry databases + navigation reports over a columnar store, reports run as durable jobs
  const analyticsStore = new AnalyticsStore(db, accounts.clock);
  const industries = new IndustriesService(db, search, analyticsStore, accounts.clock);
  industries.ensureSeeded();
  const analytics = new AnalyticsService(db, search, industries, analyticsStore, accounts.clock, {
    regionName: (c) => regions.name(c),
    ipcTitle: (c) => ipc.get(c),
  });
  const applicants = new ApplicantsService(db, search);
  const mergeSuggestions = new MergeSuggestionFinder(db);
  const surveys = new SurveysService(db, registry, regions, accounts.audit, accounts.clock);
  const jobs = new JobRunner(db, { ...analytics.handlers });
  analytics.attachJobs(jobs);
  // 专利预警: every committed import batch is evaluated against every watch (modules/watches)
  const watches = new WatchesService(db, {
    checkQuery: (q) => void search.count(q),
    // the live index indexes every batch anyway: watched queries run over the batch's documents in it
    matcher: (range, queries) => search.matchInserted(range, queries),
    mail, // each daily digest is also e-mailed
    clock: accounts.clock,
  });
  const imports = new WebImportsService(db, {
    audit: accounts.audit,
    refreshSearch: () => search.refreshSoon(),
    afterBatch: (b) => watches.afterBatch(b),
  });
  const importJobs = new JobRunner(db, imports.handlers);
  imports.attachJobs(importJobs);
  const gi = new GiService(db, accounts.audit, accounts.clock);
  return {
    industries,
    analytics,
    jobs,
    imports,
    importJobs,
    watches,
    health: new HealthService(db, search, accounts.clock),
    search,
    patents,
    applicants,
    entityAdmin: new EntityAdminService(
      db,
      accounts.audit,
      () => search.refreshSoon(),
      mergeSuggestions,
      accounts.clock,
    ),
    dataQuality: new DataQualityService(
      db,
      (n) => applicants.recentMerges(n),
      (n) => mergeSuggestions.list(n),
    ),
    reference,
    accounts,
    registry,
    surveys,
    supervision: new SupervisionService(db, registry, regions, accounts.audit, accounts.clock),
    signals: new SignalsService(db, accounts.clock),
    gi,
    plan: new PlanService(db, registry, reference, accounts.audit, accounts.clock, {
      pledgeAmountYuan: (f) => cases.operations.registeredPledgeAmountYuan(f),
      caseRegistrationNos: () => cases.operations.pledgeRegistrationNos(),
      surveyFigure: (f) => surveys.acceptedFigure(f),
      giFacts: () => gi.planFacts(),
    }),
    cases,
    content: createContentServices(db, {
      clock: accounts.clock,
      audit: accounts.audit,
      registry,
      caseTypes: () => cases.registry.all().map((d) => d.key),
      regionName: (c) => regions.name(c),
    }),
    mail,
    serviceDesk: serviceDeskFor(db, { accounts, registry, cases, mail }),
    mailSender: new MailSender(db, accounts.cipher, accounts.clock, mailSettings, opts.mail?.log ?? null),
  };
}

/** The case engine looks patents up by any key and treats "not found" as an answer, not an error. */
function patentOrNull(patents: PatentsService) {
  return (key: string) => {
    try {
      return patents.get(key);
    } catch (err) {
      if (err instanceof AppError && err.code === "NOT_FOUND") return null;
      throw err;
    }
  };
}

/** Consultation routing reads the registry (workstations, agencies) and accounts (who belongs where). */
function serviceDeskFor(
  db: Db,
  s: { accounts: AccountsServices; registry: RegistryService; cases: CasesServices; mail: MailService },
): ServiceDeskServices {
  const city = { actor: null, ip: null, district: null };
  const active = (category: string) => s.registry.listOrgRecords(city, { categories: [category], status: "active" });
  return createServiceDesk(db, {
    clock: s.accounts.clock,
    calendar: s.cases.calendar,
    cipher: s.accounts.cipher,
    audit: s.accounts.audit,
    mail: s.mail,
    routing: {
      workstations: () => active("workstation").map((o) => ({ id: o.id, name: o.name, districtCode: o.district_code })),
      agency: (id) => {
        const o = active("agency").find((r) => r.id === id);
        return o ? { id: o.id, name: o.name, code: o.credit_code, districtCode: o.district_code } : null;
      },
      orgCode: (id) => {
        try {
          return s.registry.orgRecord(city, id).credit_code;
        } catch {
          return null;
        }
      },
      orgIdByCode: (code) => s.registry.orgByCreditCode(code)?.id ?? null,
      memberCodes: (userId) => s.accounts.orgs.acceptedOrgs(userId).map((o) => o.code),
      districts: () => s.accounts.directory.districts(),
      // holders of the answering permission whose district scope covers the district (city-wide ones always do)
      officialsCovering: (district) => {
        const roles = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(ANSWER_PERMISSION));
        const ids = activeUsersWithRoles(db, roles)
          .filter((u) => inDistrictScope(u.district_code, district))
          .map((u) => u.user_id);
        return [...new Set(ids)];
      },
    },
    displayName: (userId) => findUserById(db, userId)?.display_name ?? null,
    // a rating of a case: the caller must be its applicant and the case in a terminal state
    closedCase: (actor, id) => {
      try {
        const c = s.cases.reads.read(actor, id, { ip: null, userAgent: null });
        if (!c.parties.includes("applicant")) return null;
        const state = s.cases.registry.get(c.type).states.find((x) => x.key === c.state);
        return { type: c.type, district: c.district, closed: state?.terminal === true };
      } catch (err) {
        if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "FORBIDDEN")) return null;
        throw err;
      }
    },
  });
}
