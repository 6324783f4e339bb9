import { z } from "zod";
import { checkAssetFields, checkPledgedNumbers, IpAssetType, NiceClass } from "./ip-assets.js";

/**
 * Contracts of the case engine and the one-stop services: each case type's form (keyed by the type's key, the
 * same key as its definition in core/cases/types), and the requests and responses of /api/cases.
 */
export const CASE_LIMITS = {
  maxAttachmentBytes: 10 * 1024 * 1024,
  /** Files one person may have uploaded for applications not yet submitted (kept 7 days). */
  maxStagedUploads: 20,
  maxCommentLength: 4000,
  maxTitleLength: 120,
  pageSize: 50,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const Yuan = z.number().int().min(1).max(100_000_000_000);
const District = z.string().regex(/^\d{6}$/, "six-digit division code");
const Uscc = z
  .string()
  .trim()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/i, "18-character unified social credit code");
const Phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, "mainland mobile number");
/** Every IP type a case can be about (ip-assets.ts), each with its own number format. */
const RightType = IpAssetType;

const RIGHT_KEYS = { type: "rightType", number: "rightNumber", niceClass: "niceClass" };
const ASSET_KEYS = { type: "assetType", number: "assetNumber", niceClass: "niceClass" };
const rightOf = (v: { rightType: IpAssetType; rightNumber: string; niceClass?: number }) => ({
  type: v.rightType,
  number: v.rightNumber,
  niceClass: v.niceClass,
});

export const CASE_FORMS = {
  protection_registration: z.object({
    enterpriseName: text(100),
    uscc: Uscc,
    contactName: text(40),
    contactPhone: Phone,
    industry: text(60),
    address: text(200),
    patentCount: z.number().int().min(0).max(1_000_000).optional(),
  }),
  pre_examination: z.object({
    inventionTitle: text(200),
    patentType: z.enum(["invention", "utility_model", "design"]),
    ipc: z
      .string()
      .trim()
      .regex(/^[A-H]\d{2}[A-Z](\s*\d{1,4}\/\d{1,6})?$/, "IPC such as H01M10/052"),
    summary: text(2000),
  }),
  rights_assistance: z
    .object({
      rightType: RightType,
      rightNumber: text(40),
      niceClass: NiceClass.optional(),
      description: text(4000),
      location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
    })
    .superRefine((v, ctx) => checkAssetFields(rightOf(v), ctx, RIGHT_KEYS)),
  infringement_complaint: z
    .object({
      rightType: RightType,
      rightNumber: text(40),
      niceClass: NiceClass.optional(),
      respondent: text(120),
      channel: z.enum(["offline", "ecommerce", "exhibition", "other"]),
      description: text(4000),
    })
    .superRefine((v, ctx) => checkAssetFields(rightOf(v), ctx, RIGHT_KEYS)),
  mediation: z.object({
    otherParty: text(120),
    disputeType: z.enum(["infringement", "ownership", "licence", "contract", "other"]),
    amountYuan: Yuan.optional(),
    description: text(4000),
  }),
  overseas_guidance: z.object({
    country: text(60),
    disputeType: z.enum(["litigation", "customs", "exhibition", "ecommerce", "other"]),
    description: text(4000),
  }),
  investigator_assignment: z.object({
    caseReference: text(80),
    technicalField: text(100),
    questions: text(4000),
  }),
  ip_listing: z
    .object({
      listingKind: z.enum(["transfer", "licence", "auction"]),
      assetType: RightType,
      assetNumber: text(40),
      niceClass: NiceClass.optional(),
      assetTitle: text(200),
      priceYuan: Yuan.optional(),
      negotiable: z.boolean().default(true),
      description: optText(4000),
    })
    .superRefine((v, ctx) =>
      checkAssetFields({ type: v.assetType, number: v.assetNumber, niceClass: v.niceClass }, ctx, ASSET_KEYS),
    ),
  listing_enquiry: z.object({
    listingId: z.number().int().positive(),
    message: text(2000),
    offerYuan: Yuan.optional(),
  }),
  // one pledge registers one kind of right (patent, trademark … pledges are registered separately at CNIPA);
  // a trademark may carry its class after a slash (41173195/5)
  pledge_financing: z
    .object({
      pledgor: text(120),
      bank: text(120),
      assetType: RightType.default("patent"),
      assetNumbers: z.array(text(40)).min(1).max(200),
      amountYuan: Yuan,
      termMonths: z.number().int().min(1).max(360),
    })
    .superRefine((v, ctx) => checkPledgedNumbers(v.assetType, v.assetNumbers, ctx, "assetNumbers")),
  talent_reward: z.object({
    category: z.enum(["attorney_first_practice", "ip_engineer", "brand_agency", "overseas_counselling"]),
    personName: text(40),
    attorneyExamYear: z.number().int().min(1990).max(2100).optional(),
    firstPracticeDistrict: District.optional(),
    engineerTitle: z.enum(["intermediate", "senior"]).optional(),
    yearsInCityAgency: z.number().min(0).max(60).optional(),
    brandAgencyRecorded: z.boolean().optional(),
    overseasCases: z.number().int().min(0).max(100_000).optional(),
  }),
} as const;
export type CaseTypeKey = keyof typeof CASE_FORMS;

/**
 * Form fields holding personal data (mobile numbers): stored encrypted, answered as masks ("137****1111") and shown
 * in full only through the audited reveal (POST /api/cases/:id/reveal, permission pii:reveal, a reason).
 */
export const CASE_FORM_PII: Partial<Record<CaseTypeKey, readonly string[]>> = {
  protection_registration: ["contactPhone"],
};
export const CaseRevealResponse = z.object({ fields: z.record(z.string(), z.string().nullable()) });
export type CaseRevealResponse = z.infer<typeof CaseRevealResponse>;
export const CASE_TYPE_KEYS = Object.keys(CASE_FORMS) as CaseTypeKey[];

/** Inputs some transitions need (named by the definition's `input`). */
export const CASE_TRANSITION_INPUTS = {
  pledge_registration: z.object({
    registrationNo: text(60),
    registeredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"),
    amountYuan: Yuan,
  }),
} as const;

export const CaseArea = z.enum(["protection", "operations", "talent"]);
export type CaseArea = z.infer<typeof CaseArea>;
export const CaseParty = z.enum(["applicant", "official", "assignee", "counterparty", "system"]);
export const DeadlineStatus = z.enum(["none", "on_time", "due_soon", "overdue", "escalated"]);
const Label = z.object({ zh: z.string(), en: z.string() });

export const CaseTypeInfo = z.object({
  key: z.string(),
  area: CaseArea,
  label: Label,
  openedBy: z.array(z.string()),
  /** The applicant may file as a person; otherwise only for one of their organisations. */
  personalApplicant: z.boolean(),
  assigneeRole: z.string().nullable(),
  states: z.array(
    z.object({
      key: z.string(),
      label: Label,
      terminal: z.boolean(),
      waitingOn: CaseParty.nullable(),
      deadlineWorkingDays: z.number().nullable(),
    }),
  ),
  transitions: z.array(
    z.object({
      key: z.string(),
      label: Label,
      from: z.array(z.string()),
      to: z.string(),
      by: z.array(CaseParty),
      requiresComment: z.boolean(),
      requiresAssignee: z.string().nullable(),
      input: z.string().nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      kind: z.string(),
      label: Label,
      types: z.array(z.string()),
      requiredBefore: z.string().nullable(),
      /** Bytes a file of this kind may have (the server refuses more). */
      maxBytes: z.number(),
      /** Asked for in the apply form: required before submitting, optional, or not (it comes later in the case). */
      atApplication: z.enum(["required", "optional"]).nullable(),
    }),
  ),
});
export type CaseTypeInfo = z.infer<typeof CaseTypeInfo>;

/**
 * Who files a case, always chosen explicitly (issue #13: a default to the applicant's first organisation let a
 * company that had added the applicant read and withdraw their case): an organisation the applicant is an accepted
 * member of, or the applicant as a person where the case type allows it (CaseTypeInfo.personalApplicant).
 */
export const CaseFiledAs = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("organisation"), orgId: z.number().int().positive() }),
  z.object({ kind: z.literal("person") }),
]);
export type CaseFiledAs = z.infer<typeof CaseFiledAs>;

export const CreateCaseRequest = z.object({
  type: z.string().min(1).max(40),
  title: text(CASE_LIMITS.maxTitleLength),
  filedAs: CaseFiledAs,
  form: z.record(z.string(), z.unknown()),
  /** Files uploaded beforehand (POST /api/cases/uploads), attached to the new case in the same transaction. */
  uploads: z.array(z.number().int().positive()).max(CASE_LIMITS.maxStagedUploads).optional(),
});
export type CreateCaseRequest = z.input<typeof CreateCaseRequest>;

export const CaseDeadline = z.object({
  status: DeadlineStatus,
  dueAt: z.number().nullable(),
  escalateAt: z.number().nullable(),
  workingDaysLeft: z.number().nullable(),
});

export const CaseAssignee = z.object({
  userId: z.number(),
  name: z.string(),
  role: z.string(),
  assignedAt: z.number(),
});

export const CaseSummary = z.object({
  id: z.number(),
  ref: z.string(),
  type: z.string(),
  area: CaseArea,
  title: z.string(),
  state: z.string(),
  applicantName: z.string(),
  orgName: z.string().nullable(),
  district: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  stateEnteredAt: z.number(),
  deadline: CaseDeadline,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseEvent = z.object({
  id: z.number(),
  at: z.number(),
  kind: z.enum([
    "created",
    "transition",
    "comment",
    "assigned",
    "attachment",
    "overdue",
    "escalated",
    "routed",
    "note",
  ]),
  actorName: z.string().nullable(),
  transition: z.string().nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  body: z.string().nullable(),
  details: z.unknown().optional(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

export const CaseAttachment = z.object({
  id: z.number(),
  kind: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.number(),
  uploadedBy: z.string().nullable(),
});
export type CaseAttachment = z.infer<typeof CaseAttachment>;

export const CaseDetail = CaseSummary.extend({
  form: z.record(z.string(), z.unknown()),
  parties: z.array(CaseParty),
  assignees: z.array(CaseAssignee),
  attachments: z.array(CaseAttachment),
  timeline: z.array(CaseEvent),
  actions: z.array(
    z.object({
      key: z.string(),
      label: Label,
      requiresComment: z.boolean(),
      input: z.string().nullable(),
      to: z.string(),
    }),
  ),
  checks: z.record(z.string(), z.unknown()).nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseTransitionRequest = z.object({
  comment: z.string().trim().max(CASE_LIMITS.maxCommentLength).optional(),
  input: z.record(z.string(), z.unknown()).optional(),
});
export type CaseTransitionRequest = z.input<typeof CaseTransitionRequest>;

export const CaseCommentRequest = z.object({
  body: text(CASE_LIMITS.maxCommentLength),
  /** Officials may write notes the applicant does not see. */
  internal: z.boolean().default(false),
});

export const CaseAssignRequest = z.object({ userId: z.number().int().positive() });

export const CaseAttachmentUpload = z.object({
  kind: z.string().trim().min(1).max(40),
  filename: text(200),
  /** The file's bytes, base64; at most CASE_LIMITS.maxAttachmentBytes once decoded. */
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((CASE_LIMITS.maxAttachmentBytes * 4) / 3) + 8),
});
export type CaseAttachmentUpload = z.input<typeof CaseAttachmentUpload>;

/** A file uploaded for an application not yet submitted: checked like any attachment, kept for its uploader. */
export const CaseStagedUploadRequest = CaseAttachmentUpload.extend({ type: z.string().min(1).max(40) });
export type CaseStagedUploadRequest = z.input<typeof CaseStagedUploadRequest>;
export const CaseStagedUpload = z.object({
  id: z.number(),
  type: z.string(),
  kind: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedAt: z.number(),
});
export type CaseStagedUpload = z.infer<typeof CaseStagedUpload>;
export const CaseStagedUploadQuery = z.object({ type: z.string().min(1).max(40) });

export const CaseQueueQuery = z.object({
  type: z.string().max(40).optional(),
  area: CaseArea.optional(),
  state: z.string().max(40).optional(),
  deadline: z.enum(["overdue", "escalated", "due_soon", "open"]).optional(),
  district: District.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(CASE_LIMITS.pageSize),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CaseQueueQuery = z.input<typeof CaseQueueQuery>;

export const CaseQueueCounts = z.object({
  open: z.number(),
  waitingOnOffice: z.number(),
  dueSoon: z.number(),
  overdue: z.number(),
  escalated: z.number(),
});

export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number(), counts: CaseQueueCounts });
export type CaseList = z.infer<typeof CaseList>;

export const MarketplaceQuery = z.object({
  q: z.string().trim().max(100).optional(),
  listingKind: z.enum(["transfer", "licence", "auction"]).optional(),
  assetType: RightType.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type MarketplaceQuery = z.input<typeof MarketplaceQuery>;

export const MarketplaceItem = z.object({
  id: z.number(),
  ref: z.string(),
  title: z.string(),
  listingKind: z.string(),
  assetType: z.string(),
  assetNumber: z.string(),
  /** A trademark's Nice class (1–45). */
  niceClass: z.number().nullable(),
  assetTitle: z.string(),
  priceYuan: z.number().nullable(),
  negotiable: z.boolean(),
  description: z.string().nullable(),
  orgName: z.string().nullable(),
  patent: z.object({ id: z.number(), pubNo: z.string(), title: z.string(), status: z.string() }).nullable(),
  publishedAt: z.number(),
});
export type MarketplaceItem = z.infer<typeof MarketplaceItem>;
export const MarketplacePage = z.object({ items: z.array(MarketplaceItem), total: z.number() });

export const PledgeTotalQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  district: District.optional(),
});
export const PledgeTotal = z.object({
  amountYuan: z.number(),
  count: z.number(),
  byYear: z.array(z.object({ year: z.number(), amountYuan: z.number(), count: z.number() })),
});
export type PledgeTotal = z.infer<typeof PledgeTotal>;

export const ValuationPurpose = z.enum(["financing", "transfer", "licensing"]);
export const ValuationQuery = z.object({
  purpose: ValuationPurpose.default("financing"),
  marketSize: z.coerce.number().min(0).max(100).optional(),
  industrialisation: z.coerce.number().min(0).max(100).optional(),
  substitutability: z.coerce.number().min(0).max(100).optional(),
});
export const ValuationReport = z.object({
  patent: z.object({ id: z.number(), pubNo: z.string(), title: z.string() }),
  purpose: ValuationPurpose,
  score: z.number(),
  grade: z.enum(["A", "B", "C", "D"]),
  dimensions: z.record(z.string(), z.object({ weight: z.number(), score: z.number().nullable() })),
  lines: z.array(
    z.object({
      dimension: z.string(),
      indicator: z.string(),
      label: z.string(),
      input: z.string(),
      score: z.number().nullable(),
      weight: z.number(),
      contribution: z.number(),
      explanation: z.string(),
    }),
  ),
  notes: z.array(z.string()),
});
export type ValuationReport = z.infer<typeof ValuationReport>;

export const ExpertCreateRequest = z.object({
  name: text(40),
  orgName: optText(120),
  fields: z.array(text(40)).min(1).max(20),
  declaredConflicts: z.array(text(120)).max(50).default([]),
  userId: z.number().int().positive().optional(),
});
export const ExpertInfo = z.object({
  id: z.number(),
  name: z.string(),
  orgName: z.string().nullable(),
  fields: z.array(z.string()),
  declaredConflicts: z.array(z.string()),
  active: z.boolean(),
  userId: z.number().nullable(),
});
export type ExpertInfo = z.infer<typeof ExpertInfo>;
export const ExpertDrawRequest = z.object({
  count: z.number().int().min(1).max(20),
  field: optText(40),
  caseId: z.number().int().positive().optional(),
  /** Party organisations besides the case's own applicant organisation. */
  partyOrgs: z.array(text(120)).max(20).default([]),
});
export const ExpertDrawResult = z.object({
  drawId: z.number(),
  seed: z.number(),
  drawn: z.array(ExpertInfo),
  excluded: z.array(z.object({ id: z.number(), reason: z.string() })),
  eligible: z.number(),
});
export type ExpertDrawResult = z.infer<typeof ExpertDrawResult>;

export const TrainingEventCreate = z.object({
  title: text(120),
  startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"),
  location: text(200),
  capacity: z.number().int().min(1).max(10_000),
  description: optText(2000),
});
export const TrainingEvent = z.object({
  id: z.number(),
  title: z.string(),
  startsOn: z.string(),
  location: z.string(),
  capacity: z.number(),
  description: z.string().nullable(),
  enrolled: z.number(),
  attended: z.number(),
  /** The caller's own enrolment, when signed in. */
  mine: z.object({ enrolledAt: z.number(), attended: z.boolean().nullable() }).nullable(),
});
export type TrainingEvent = z.infer<typeof TrainingEvent>;
export const TrainingEnrolment = z.object({
  userId: z.number(),
  name: z.string(),
  orgName: z.string().nullable(),
  enrolledAt: z.number(),
  attended: z.boolean().nullable(),
});
export type TrainingEnrolment = z.infer<typeof TrainingEnrolment>;
export const TrainingAttendanceRequest = z.object({ userId: z.number().int().positive(), attended: z.boolean() });
