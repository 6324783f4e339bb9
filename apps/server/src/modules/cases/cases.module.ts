import os from "node:os";
import path from "node:path";
import { CN_HOLIDAY_TABLES, WorkCalendar } from "@zhichan/core/cases/index.ts";
import type { Db } from "../../db/connection.js";
import type { Clock } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import { OperationsService, type PatentLookup } from "../operations/operations.service.js";
import { ProtectionService, type WorkstationSource } from "../protection/protection.service.js";
import { type ExpertSource, type TalentRegistry, TalentService, tableExpertSource } from "../talent/talent.service.js";
import { TrainingService } from "../talent/training.service.js";
import { AttachmentStore } from "./attachment-store.js";
import type { CaseMailer } from "./case-notifier.js";
import { CaseQueries } from "./case-queries.js";
import { CaseReads } from "./case-reads.js";
import { CaseRecordsService } from "./case-records.service.js";
import { CaseRegistry } from "./case-registry.js";
import { CasesService } from "./cases.service.js";
import { encryptPlainFormPii, type FormPii } from "./form-pii.js";
import type { AcceptedOrgs } from "./org-membership.js";
import { StagedUploads } from "./staged-uploads.js";

export interface CasesOptions {
  /** Default: `attachments/` beside the database file (ZHICHAN_HOME/attachments). */
  attachmentsDir?: string;
  /** Default: the Chinese public-holiday tables shipped in core (2025, 2026). */
  calendar?: WorkCalendar;
  workstations?: WorkstationSource;
  experts?: ExpertSource;
  /** The registry, for talent rewards (brand qualification, rewarded people); absent in narrow tests. */
  talentRegistry?: TalentRegistry;
  /** E-mails notifications to their named recipients (modules/mail); absent: in-app only. */
  mailer?: CaseMailer;
}

export interface CasesServices {
  registry: CaseRegistry;
  cases: CasesService;
  /** One case's detail and its files, audited per read. */
  reads: CaseReads;
  queries: CaseQueries;
  operations: OperationsService;
  protection: ProtectionService;
  talent: TalentService;
  training: TrainingService;
  calendar: WorkCalendar;
  /** Files uploaded in the apply form before the case exists. */
  staged: StagedUploads;
}

export function createCasesServices(
  db: Db,
  deps: { clock: Clock; audit: AuditService; patent: PatentLookup; acceptedOrgs: AcceptedOrgs; pii: FormPii },
  o: CasesOptions = {},
): CasesServices {
  const file = db.sqlite.name;
  const dir =
    o.attachmentsDir ??
    (file && file !== ":memory:"
      ? path.join(path.dirname(file), "attachments")
      : path.join(os.tmpdir(), "zhichan-attachments"));
  const registry = new CaseRegistry();
  const calendar = o.calendar ?? new WorkCalendar(CN_HOLIDAY_TABLES);
  const records = new CaseRecordsService(db);
  const operations = new OperationsService(db, deps.clock, deps.patent, records);
  const protection = new ProtectionService(o.workstations ?? (() => []));
  const talent = new TalentService(
    db,
    deps.clock,
    deps.audit,
    o.experts ?? tableExpertSource(db),
    records,
    "4101",
    o.talentRegistry ?? null,
  );
  const store = new AttachmentStore(path.resolve(dir));
  const staged = new StagedUploads({ db, clock: deps.clock, audit: deps.audit, store, registry });
  const casesDeps = {
    db,
    clock: deps.clock,
    audit: deps.audit,
    store,
    staged,
    calendar,
    registry,
    hooks: { ...protection.hooks(), ...operations.hooks(), ...talent.hooks() },
    acceptedOrgs: deps.acceptedOrgs,
    pii: deps.pii,
    mailer: o.mailer ?? null,
  };
  encryptPlainFormPii(db, deps.pii); // rows from before migration 009 (see there)
  const cases = new CasesService(casesDeps);
  const reads = new CaseReads(casesDeps, cases);
  const queries = new CaseQueries(db, deps.clock, calendar, registry, deps.audit, cases.notifier, deps.acceptedOrgs);
  const training = new TrainingService(db, deps.clock, deps.audit, records);
  return { registry, cases, reads, queries, operations, protection, talent, training, calendar, staged };
}
