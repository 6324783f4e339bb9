import { z } from "zod";

/** One recorded merge of applicant entities: which rule made it and the evidence it rests on (migration 011). */
export const ApplicantMerge = z.object({
  id: z.number().int(),
  survivorId: z.number().int(),
  survivorName: z.string(),
  absorbedId: z.number().int(),
  absorbedName: z.string(),
  rule: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.number().int().nullable(),
});
export type ApplicantMerge = z.infer<typeof ApplicantMerge>;

/** An applicant entity with its merges, for the applicant page and officials' entity administration. */
export const ApplicantEntity = z.object({
  id: z.number().int(),
  name: z.string(),
  /** 'official' when an official set the display name; null = the most frequent spelling. */
  nameSource: z.string().nullable(),
  regionRule: z.string().nullable(),
  /** Set when the id asked for was merged into this entity: the id asked for. */
  mergedFrom: z.number().int().nullable(),
  merges: z.array(ApplicantMerge),
});
export type ApplicantEntity = z.infer<typeof ApplicantEntity>;

const Reason = z.string().trim().min(2).max(500);
const EntityId = z.number().int().min(1).max(2_147_483_647);
export const MergeApplicantBody = z.object({
  into: EntityId,
  reason: Reason,
  /** Accepting a merge suggestion: the server checks the pair is suggested and records the suggestion's evidence. */
  suggested: z.boolean().optional(),
});
/** An official's "these are two companies" (a rejected suggestion, or any pair): the automatic rules keep them apart. */
export const KeepApartBody = z.object({ other: EntityId, reason: Reason });
export type KeepApartBody = z.infer<typeof KeepApartBody>;
export const SplitApplicantBody = z.object({
  aliases: z.array(z.string().trim().min(1).max(500)).min(1).max(200),
  reason: Reason,
});
export const RenameApplicantBody = z.object({ name: z.string().trim().min(1).max(200), reason: Reason });
export type MergeApplicantBody = z.infer<typeof MergeApplicantBody>;
export type SplitApplicantBody = z.infer<typeof SplitApplicantBody>;
export type RenameApplicantBody = z.infer<typeof RenameApplicantBody>;
export const SuggestionRule = z.enum(["similar_name", "shared_priority", "shared_family"]);
const SuggestionSide = z.object({ id: z.number().int(), name: z.string(), patents: z.number().int() });
/** GET /api/data-quality/merge-suggestions: pairs of entities the data hints are one company, for an official to decide. */
export const MergeSuggestions = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      survivor: SuggestionSide,
      absorbed: SuggestionSide,
      reasons: z.array(z.object({ rule: SuggestionRule, evidence: z.record(z.string(), z.unknown()) })),
    }),
  ),
});
export type MergeSuggestions = z.infer<typeof MergeSuggestions>;
export const EntityActionResult = z.object({ id: z.number().int(), patentsTouched: z.number().int() });
export type EntityActionResult = z.infer<typeof EntityActionResult>;

const Count = z.object({ value: z.string().nullable(), count: z.number().int() });

/** GET /api/data-quality: what the loaded data holds and lacks, computed on request (nothing cached). */
export const DataQuality = z.object({
  patents: z.number().int(),
  coverage: z.array(z.object({ field: z.string(), filled: z.number().int(), share: z.number() })),
  unknownStatuses: z.object({ total: z.number().int(), top: z.array(Count) }),
  applicantsWithoutRegion: z.object({
    /** Live entities with no region. */
    total: z.number().int(),
    top: z.array(z.object({ id: z.number().int(), name: z.string(), patents: z.number().int() })),
  }),
  regionRules: z.array(Count),
  merges: z.object({
    /** The linker records no suggestions to review, so the page shows what it merged, newest first. */
    kind: z.literal("recent"),
    byRule: z.array(Count),
    recent: z.array(ApplicantMerge),
  }),
  imports: z.array(
    z.object({
      id: z.number().int(),
      file: z.string(),
      source: z.string(),
      sha256: z.string(),
      status: z.string(),
      authority: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      rowsTotal: z.number().int(),
      rowsOk: z.number().int(),
      rowsBad: z.number().int(),
      layout: z.string().nullable(),
    }),
  ),
});
export type DataQuality = z.infer<typeof DataQuality>;
