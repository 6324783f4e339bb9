import { z } from "zod";

/** Organisation categories of the registry (the plan's kinds of service bodies and partners). */
export const ORG_CATEGORIES = [
  "patent_agency",
  "trademark_agency",
  "law_firm",
  "other_service_agency",
  "brand_agency",
  "enterprise",
  "bank",
  "guarantor",
  "university",
  "workstation",
  "navigation_base",
  "copyright_park",
  "copyright_unit",
  "platform",
] as const;
export const OrgCategory = z.enum(ORG_CATEGORIES);
export type OrgCategory = z.infer<typeof OrgCategory>;

export const PERSON_CATEGORIES = [
  "patent_attorney",
  "ip_engineer",
  "high_level_talent",
  "leading_talent",
  "entrepreneurial_talent",
  "entrepreneur",
  "professional",
  "expert",
  "mediator",
  "tech_investigator",
] as const;
export const PersonCategory = z.enum(PERSON_CATEGORIES);
export type PersonCategory = z.infer<typeof PersonCategory>;

/** Qualifications an organisation can hold (recognitions the plan counts). */
export const ORG_QUALIFICATIONS = [
  "ip_strong_enterprise",
  "national_brand_agency",
  "provincial_brand_agency",
  "municipal_brand_agency",
  "copyright_brand_agency",
  "competitive_agency",
  "leading_enterprise",
  "national_level",
  "provincial_level",
] as const;
export const PERSON_QUALIFICATIONS = ["practising", "senior_title", "lawyer", "arbitrator"] as const;

export const RECORD_STATUSES = ["active", "suspended", "closed", "candidate"] as const;
export const RecordStatus = z.enum(RECORD_STATUSES);
export type RecordStatus = z.infer<typeof RecordStatus>;

export const DERIVED_SOURCE = "derived from patent data";
export const RecordSource = z.enum(["manual", "import", DERIVED_SOURCE]);

export const ZONE_NAMES = ["郑东新区", "高新区", "经开区", "航空港区"] as const;
export const ZoneName = z.enum(ZONE_NAMES);

/** A real calendar date as YYYY-MM-DD (2023-13-01 and 2023-02-30 are refused). */
const DateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式须为 YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "不是有效日期 · not a real date");
const District = z.string().regex(/^\d{6}$/, "six-digit division code");

export const LABELS_ZH: Record<string, string> = {
  patent_agency: "专利代理机构",
  trademark_agency: "商标代理机构",
  law_firm: "律师事务所",
  other_service_agency: "其他知识产权服务机构",
  brand_agency: "品牌服务机构",
  enterprise: "企业",
  bank: "银行",
  guarantor: "担保机构",
  university: "高校院所",
  workstation: "维权工作站",
  navigation_base: "专利导航基地",
  copyright_park: "国家版权示范园区",
  copyright_unit: "省级版权示范单位",
  platform: "平台",
  patent_attorney: "专利代理师",
  ip_engineer: "知识产权工程师",
  high_level_talent: "高层次人才",
  leading_talent: "领军人才",
  entrepreneurial_talent: "创新创业人才",
  entrepreneur: "企业家",
  professional: "专业人才",
  expert: "专家",
  mediator: "调解员",
  tech_investigator: "技术调查官",
  ip_strong_enterprise: "知识产权强企",
  national_brand_agency: "国家级品牌机构",
  provincial_brand_agency: "省级品牌机构",
  municipal_brand_agency: "市级品牌机构",
  copyright_brand_agency: "版权品牌机构",
  competitive_agency: "竞争力机构",
  leading_enterprise: "龙头企业",
  national_level: "国家级",
  provincial_level: "省级",
  practising: "执业",
  senior_title: "高级职称",
  lawyer: "律师",
  arbitrator: "仲裁员",
  active: "有效",
  suspended: "暂停",
  closed: "注销",
  candidate: "待核实",
};

/** Brand-agency levels: a city grants the municipal one; provincial and national ones are the higher offices' acts. */
export const BRAND_LEVELS = ["municipal", "provincial", "national"] as const;
export const BrandLevel = z.enum(["none", ...BRAND_LEVELS]);

export const OrgInput = z.object({
  name: z.string().trim().min(2).max(200),
  category: OrgCategory,
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, "18-character unified social credit code")
    .nullable()
    .default(null),
  districtCode: District.nullable().default(null),
  zone: ZoneName.nullable().default(null),
  address: z.string().trim().max(300).nullable().default(null),
  qualifications: z.array(z.string().max(40)).max(20).default([]),
  /**
   * The day each qualification took effect (YYYY-MM-DD), for the plan's yearly figures. A qualification given no
   * date keeps the one it had, or counts from the day it is recorded — never back to the record's own start.
   */
  qualificationSince: z.record(z.string().max(40), DateText).optional(),
  status: RecordStatus.default("active"),
  since: DateText.nullable().default(null),
  ended: DateText.nullable().default(null),
  brand: BrandLevel.default("none"),
  notes: z.string().max(2000).nullable().default(null),
});
export type OrgInput = z.infer<typeof OrgInput>;

export const Org = OrgInput.extend({
  id: z.number().int(),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  patentFilings: z.number().int().nullable(),
});
export type Org = z.infer<typeof Org>;

export const PersonInput = z.object({
  name: z.string().trim().min(1).max(100),
  category: PersonCategory,
  orgId: z.number().int().nullable().default(null),
  certificateNo: z.string().trim().max(60).nullable().default(null),
  districtCode: District.nullable().default(null),
  zone: ZoneName.nullable().default(null),
  qualifications: z.array(z.string().max(40)).max(20).default([]),
  /**
   * The day each qualification took effect (YYYY-MM-DD), for the plan's yearly figures. A qualification given no
   * date keeps the one it had, or counts from the day it is recorded — never back to the record's own start.
   */
  qualificationSince: z.record(z.string().max(40), DateText).optional(),
  status: RecordStatus.default("active"),
  since: DateText.nullable().default(null),
  ended: DateText.nullable().default(null),
  notes: z.string().max(2000).nullable().default(null),
});
export type PersonInput = z.infer<typeof PersonInput>;
export const Person = PersonInput.extend({
  id: z.number().int(),
  source: z.string(),
  orgName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

export const RegistryKind = z.enum(["orgs", "people"]);
export type RegistryKind = z.infer<typeof RegistryKind>;

export const RegistryQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.string().max(40).optional(),
  status: RecordStatus.optional(),
  district: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  zone: ZoneName.optional(),
  source: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type RegistryQuery = z.infer<typeof RegistryQuery>;

export const OrgPage = z.object({ total: z.number().int(), items: z.array(Org) });
export const PersonPage = z.object({ total: z.number().int(), items: z.array(Person) });

export const HistoryEntry = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.unknown()),
});
export const OrgDetailResponse = z.object({ org: Org, history: z.array(HistoryEntry), people: z.array(Person) });
export const PersonDetailResponse = z.object({ person: Person, history: z.array(HistoryEntry) });

/**
 * What can be wrong in a registry workbook, as a code the web app words in the UI's language (its parameters):
 * unreadable; missing_column {column}; too_many_rows {max}; unknown_category {value}; unknown_qualification {value};
 * unknown_org {code}; invalid {issue, message, origin?, minimum?, maximum?, format?, exact?} (the record schema's zod
 * issue); out_of_scope; duplicate {row}.
 */
export const IMPORT_ROW_ISSUE_CODES = [
  "unreadable",
  "missing_column",
  "too_many_rows",
  "unknown_category",
  "unknown_qualification",
  "unknown_org",
  "invalid",
  "out_of_scope",
  "duplicate",
] as const;
export type ImportRowIssueCode = (typeof IMPORT_ROW_ISSUE_CODES)[number];
export const ImportRowIssueParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type ImportRowIssueParams = z.infer<typeof ImportRowIssueParams>;
/**
 * One problem of an import: the Excel row (1 = the header, 0 = the whole file), the column's header as the file has it
 * and the record field it fills, the code with its parameters, and `message` in both languages for API clients.
 */
export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.enum(IMPORT_ROW_ISSUE_CODES),
  params: ImportRowIssueParams,
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;
export const ImportResult = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  errors: z.array(ImportRowError),
  /** True when nothing was written because some rows were wrong (the file is taken whole or not at all). */
  rejected: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;
/** An uploaded workbook, base64 in JSON (the API takes JSON bodies only). */
export const FileUpload = z.object({ fileName: z.string().max(200), contentBase64: z.string().max(7_000_000) });

// —— agency statistics from patent data ——
export const Bucket = z.object({ key: z.string(), label: z.string().nullable(), count: z.number().int() });
export const AgencyStatsRow = z.object({
  agency: z.string(),
  filings: z.number().int(),
  grants: z.number().int(),
  grantRate: z.number().nullable(),
  inventionShare: z.number(),
  firstYear: z.number().int().nullable(),
  lastYear: z.number().int().nullable(),
  registryOrgId: z.number().int().nullable(),
});
export const AgencyStatsPage = z.object({ total: z.number().int(), items: z.array(AgencyStatsRow) });
export const AgencyProfile = AgencyStatsRow.extend({
  byYear: z.array(Bucket),
  byType: z.array(Bucket),
  byIpc: z.array(Bucket),
  byClientRegion: z.array(Bucket),
  topAgents: z.array(Bucket),
  topClients: z.array(Bucket),
});
export type AgencyProfile = z.infer<typeof AgencyProfile>;

// —— credit, violations, brand applications ——
export const ViolationInput = z.object({
  kind: z.string().max(40),
  date: DateText,
  points: z.number().int().min(0).max(100).nullable().default(null),
  description: z.string().trim().min(2).max(2000),
  evidence: z.string().trim().max(2000).nullable().default(null),
});
export const CreditReason = z.object({
  kind: z.string(),
  points: z.number(),
  labelZh: z.string(),
  labelEn: z.string(),
  date: z.string().optional(),
  violationId: z.number().int().optional(),
});
export const CreditResponse = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  score: z.number(),
  grade: z.enum(["A+", "A", "B", "C", "D"]),
  asOf: z.string(),
  reasons: z.array(CreditReason),
  violations: z.array(ViolationInput.extend({ id: z.number().int(), recordedBy: z.string().nullable() })),
});
export type CreditResponse = z.infer<typeof CreditResponse>;
/** The credit rules the grades follow (GET /api/supervision/credit/rules). */
export const CreditRules = z.object({
  start: z.number(),
  windowYears: z.number(),
  violations: z.array(
    z.object({
      kind: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      points: z.number(),
      serious: z.boolean().optional(),
    }),
  ),
  brandBonus: z.partialRecord(z.enum(["municipal", "provincial", "national"]), z.number()),
  grades: z.array(z.object({ grade: z.enum(["A+", "A", "B", "C"]), min: z.number() })),
});
export const CreditListRow = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  category: z.string(),
  districtCode: z.string().nullable(),
  score: z.number(),
  grade: z.string(),
  violations: z.number().int(),
});
export const BrandApplicationInput = z.object({
  orgId: z.number().int(),
  level: z.enum(BRAND_LEVELS),
  statement: z.string().trim().min(10).max(5000),
});
export const BrandApplication = BrandApplicationInput.extend({
  id: z.number().int(),
  orgName: z.string(),
  status: z.enum(["submitted", "approved", "rejected"]),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  grade: z.string(),
  /** Serious violations still inside the credit look-back window. */
  seriousOpen: z.number().int(),
  /** Approving needs a recorded reason: graded C or D, or a serious violation open. */
  needsReason: z.boolean(),
  /** Whether the reader may grant this level (a city official: municipal at most). */
  withinAuthority: z.boolean(),
  overrideReason: z.string().nullable(),
});
export const BrandDecision = z.object({
  approve: z.boolean(),
  note: z.string().trim().min(2).max(2000),
  /** Why an agency graded C or D, or with an open serious violation, is approved all the same (required then). */
  overrideReason: z.string().trim().min(4).max(2000).optional(),
});

// —— abnormal-filing signals ——
export const PatentBrief = z.object({
  id: z.number().int(),
  pubNo: z.string(),
  title: z.string(),
  abstract: z.string().nullable(),
  applicants: z.string().nullable(),
  agency: z.string().nullable(),
  appDate: z.string().nullable(),
  type: z.string(),
});
export const Signal = z.object({
  kind: z.enum(["near_duplicate", "burst", "type_mix"]),
  score: z.number(),
  entity: z.string().nullable(),
  summary: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  patents: z.array(PatentBrief),
});
export type Signal = z.infer<typeof Signal>;
export const SignalsResponse = z.object({
  computedAt: z.string(),
  corpus: z.object({ patents: z.number().int(), description: z.string() }),
  signals: z.array(Signal),
  note: z.string(),
});

// —— surveys ——
export const SurveyQuestion = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  labelZh: z.string().min(1).max(100),
  labelEn: z.string().max(100).optional(),
  type: z.enum(["integer", "number", "text", "choice"]),
  required: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().max(20).optional(),
  choices: z.array(z.string().max(60)).max(30).optional(),
});
export const SurveyRule = z.object({
  left: z.string(),
  op: z.enum(["<=", ">=", "<", ">", "=="]),
  right: z.string(),
  messageZh: z.string(),
});
export const SurveyInput = z.object({
  title: z.string().trim().min(2).max(200),
  periodStart: DateText,
  periodEnd: DateText,
  dueDate: DateText,
  categories: z.array(OrgCategory).min(1).default(["patent_agency"]),
  questions: z.array(SurveyQuestion).min(1).max(60).optional(),
  rules: z.array(SurveyRule).max(30).optional(),
});
export const Survey = z.object({
  id: z.number().int(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string(),
  categories: z.array(z.string()),
  questions: z.array(SurveyQuestion),
  rules: z.array(SurveyRule),
  status: z.enum(["draft", "open", "closed", "published"]),
  /** The status changes the caller may make now, from the server's transition table (none for most callers). */
  actions: z.array(z.enum(["open", "closed", "published"])),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  expected: z.number().int(),
  answered: z.number().int(),
});
export type Survey = z.infer<typeof Survey>;
export const AnswerMap = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export const SurveyResponseRow = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  districtCode: z.string().nullable(),
  category: z.string(),
  status: z.enum(["missing", "submitted", "accepted", "rejected"]),
  channel: z.string().nullable(),
  submittedAt: z.string().nullable(),
  answers: AnswerMap.nullable(),
  problems: z.array(z.object({ key: z.string(), message: z.string() })),
  reviewNote: z.string().nullable(),
});
/**
 * Aggregates of accepted answers. A cell (group × question) with fewer contributors than `minGroupSize`, and the
 * complementary cells that keep it from being worked out from a total, are listed in the row's `suppressed`; in the
 * published (public) view their sum and mean are null (`withheld`), officials see them with the mark as a preview.
 */
export const SuppressionReason = z.enum(["small_group", "complementary"]);
export const SurveyAggregate = z.object({
  by: z.enum(["district", "category"]),
  minGroupSize: z.number().int(),
  withheld: z.boolean(),
  rows: z.array(
    z.object({
      group: z.string(),
      label: z.string(),
      responses: z.number().int(),
      sums: z.record(z.string(), z.number().nullable()),
      means: z.record(z.string(), z.number().nullable()),
      suppressed: z.record(z.string(), SuppressionReason),
    }),
  ),
});
export type SurveyAggregate = z.infer<typeof SurveyAggregate>;
/** A published survey as the public sees it: what was asked, of whom, for which period. */
export const PublishedSurvey = z.object({
  id: z.number().int(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  publishedAt: z.string().nullable(),
  categories: z.array(z.string()),
  questions: z.array(SurveyQuestion),
});
export type PublishedSurvey = z.infer<typeof PublishedSurvey>;
/** The standard question set a new survey starts from (GET /api/surveys/standard-questions). */
export const SurveyDefinition = z.object({ questions: z.array(SurveyQuestion), rules: z.array(SurveyRule).optional() });
/** The open surveys an agency's organisations are asked to answer, with each one's answers so far. */
export const AgencySurveyList = z.object({
  items: z.array(
    z.object({
      survey: Survey,
      orgId: z.number().int(),
      orgName: z.string(),
      status: z.string(),
      answers: AnswerMap.nullable(),
      problems: z.array(z.object({ key: z.string(), message: z.string() })),
    }),
  ),
});
