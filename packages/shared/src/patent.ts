import { z } from "zod";

/** Patent kinds, normalised from 发明公布/发明授权/实用新型/外观设计 and kind codes. */
export const PATENT_TYPES = ["invention_application", "invention_grant", "utility_model", "design"] as const;
export const PatentType = z.enum(PATENT_TYPES);
export type PatentType = z.infer<typeof PatentType>;

/** One legal-status vocabulary for every source; the raw source value is always kept beside it. */
export const LEGAL_STATUSES = [
  "valid",
  "pending",
  "lapsed",
  "rejected",
  "withdrawn",
  "invalidated",
  "pct_pending",
  "pct_expired",
  "unknown",
] as const;
export const LegalStatus = z.enum(LEGAL_STATUSES);
export type LegalStatus = z.infer<typeof LegalStatus>;

export const ApplicantRef = z.object({ id: z.number().int(), name: z.string() });
export type ApplicantRef = z.infer<typeof ApplicantRef>;

export const IpcRef = z.object({ code: z.string(), titleZh: z.string().nullable() });
export type IpcRef = z.infer<typeof IpcRef>;

export const RegionRef = z.object({ code: z.string(), name: z.string() });
export type RegionRef = z.infer<typeof RegionRef>;

/** A publication named by another record (a citation, a family member), with its row id when it is loaded here. */
export const PublicationRef = z.object({ publicationNumber: z.string(), id: z.number().int().nullable() });
export type PublicationRef = z.infer<typeof PublicationRef>;

/** Categories of the CNIPA legal-status code list (../shared/reference/cnipa-legal-status-codes.csv). */
export const LEGAL_EVENT_CATEGORIES = [
  "transfer",
  "licence",
  "pledge",
  "change",
  "preservation",
  "termination",
  "restoration",
  "invalidation",
  "grant",
  "correction",
  "notice",
] as const;
export const LegalEventCategory = z.enum(LEGAL_EVENT_CATEGORIES);
export type LegalEventCategory = z.infer<typeof LegalEventCategory>;

export const PatentDetail = z.object({
  id: z.number().int(),
  publicationNumber: z.string(),
  applicationNumber: z.string().nullable(),
  country: z.string(),
  title: z.string(),
  abstract: z.string().nullable(),
  claims: z.string().nullable(),
  applicants: z.array(ApplicantRef),
  applicantsRaw: z.string().nullable(),
  inventors: z.array(z.string()),
  applicationDate: z.string().nullable(),
  publicationDate: z.string().nullable(),
  grantDate: z.string().nullable(),
  type: PatentType,
  typeRaw: z.string().nullable(),
  status: LegalStatus,
  statusRaw: z.string().nullable(),
  ipcMain: IpcRef.nullable(),
  ipc: z.array(IpcRef),
  region: z.array(RegionRef),
  applicantAddress: z.string().nullable(),
  agency: z.string().nullable(),
  agent: z.string().nullable(),
  sei: z.array(z.object({ code: z.string(), name: z.string() })),
  claimsCount: z.number().int().nullable(),
  citedByCount: z.number().int().nullable(),
  sources: z.array(z.string()),
  titleEn: z.string().nullable(),
  abstractEn: z.string().nullable(),
  cpc: z.array(z.string()),
  priorityNumbers: z.array(z.string()),
  priorityDates: z.array(z.string()),
  citedReferences: z.array(PublicationRef),
  citesCount: z.number().int().nullable(),
  familyId: z.string().nullable(),
  familyMembers: z.array(PublicationRef),
  familyCount: z.number().int().nullable(),
  /** Source columns with no field of their own (extra_json), under the source's header: no field silently lost. */
  otherFields: z.array(z.object({ header: z.string(), value: z.string() })),
  /** Dated legal-status changes that imports recorded (oldest first), with the source that reported each. */
  history: z.array(
    z.object({
      date: z.string(),
      from: LegalStatus.nullable(),
      to: LegalStatus.nullable(),
      fromRaw: z.string().nullable(),
      toRaw: z.string().nullable(),
      source: z.string(),
    }),
  ),
  /**
   * Other dated legal events of the right that CNIPA legal-status (PRS) records reported (transfer, licence, pledge,
   * change of owner …), oldest first: the code, its category (null for a code outside the published list) and the
   * record's wording and information as stored.
   */
  legalEvents: z.array(
    z.object({
      date: z.string(),
      code: z.string(),
      category: LegalEventCategory.nullable(),
      text: z.string().nullable(),
      source: z.string(),
    }),
  ),
});
export type PatentDetail = z.infer<typeof PatentDetail>;

export const PATENT_TYPE_LABELS: Record<PatentType, { zh: string; en: string }> = {
  invention_application: { zh: "发明公布", en: "Invention application" },
  invention_grant: { zh: "发明授权", en: "Invention grant" },
  utility_model: { zh: "实用新型", en: "Utility model" },
  design: { zh: "外观设计", en: "Design" },
};

export const LEGAL_STATUS_LABELS: Record<LegalStatus, { zh: string; en: string }> = {
  valid: { zh: "有效", en: "Valid" },
  pending: { zh: "审中", en: "Pending" },
  lapsed: { zh: "失效", en: "Lapsed" },
  rejected: { zh: "驳回", en: "Rejected" },
  withdrawn: { zh: "撤回", en: "Withdrawn" },
  invalidated: { zh: "无效", en: "Invalidated" },
  pct_pending: { zh: "PCT有效期内", en: "PCT, national phase open" },
  pct_expired: { zh: "PCT有效期满", en: "PCT, national phase expired" },
  unknown: { zh: "未知", en: "Unknown" },
};
