import { z } from "zod";
import { EmailAddress } from "./mail.js";

/** 咨询 topics: each routes to the office, the district's workstation (protection) or an agency the asker chose. */
export const CONSULT_TOPICS = [
  "patent",
  "trademark",
  "copyright",
  "protection",
  "operations",
  "talent",
  "other",
] as const;
export const ConsultTopic = z.enum(CONSULT_TOPICS);
const District = z.string().regex(/^\d{6}$/, "a six-digit county-level division code");

export const AskQuestionRequest = z
  .object({
    topic: ConsultTopic,
    district: District.nullable().optional(),
    question: z.string().trim().min(5).max(2000),
    /** Signed-in askers may leave these out: the answer reaches them on the platform and by their own e-mail. */
    name: z.string().trim().min(1).max(50).optional(),
    email: EmailAddress.optional(),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, "a mainland mobile number")
      .optional(),
    /** An agency from the public directory the asker wants to answer (registry organisation id). */
    agencyId: z.number().int().positive().optional(),
    language: z.enum(["zh", "en"]).default("zh"),
  })
  .strict();

export const Consultation = z.object({
  id: z.number().int(),
  topic: ConsultTopic,
  district: z.string().nullable(),
  question: z.string(),
  askerName: z.string(),
  /** Masked; officials and the routed answerer see it so they can call back. */
  contact: z.string().nullable(),
  routedTo: z.object({ kind: z.enum(["office", "workstation", "agency"]), name: z.string().nullable() }),
  status: z.enum(["open", "answered"]),
  dueAt: z.string(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  /** The asker's rating once given. */
  rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
});
export type Consultation = z.infer<typeof Consultation>;

export const AskQuestionResponse = z.object({
  consultation: Consultation,
  /** The asker's private link to the answer (shown once; only its hash is kept). */
  token: z.string(),
});

export const AnswerRequest = z.object({ answer: z.string().trim().min(2).max(5000) }).strict();
/** The answer queue is paged in the database: every question the caller may answer is on some page. */
export const CONSULT_QUEUE_MAX_PAGE_SIZE = 100;
export const ConsultQueueQuery = z.object({
  status: z.enum(["open", "answered", "overdue"]).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(CONSULT_QUEUE_MAX_PAGE_SIZE).default(20),
});
export const ConsultQueue = z.object({
  items: z.array(Consultation),
  /** How many questions match in all (not just this page). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ConsultQueue = z.infer<typeof ConsultQueue>;
export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const ServiceWindow = z.object({
  id: z.number().int(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(["window", "workstation"]),
  district: z.string().nullable(),
  address: z.string().nullable(),
});
export const CreateWindowRequest = z
  .object({
    name: z.string().trim().min(2).max(80),
    nameEn: z.string().trim().max(120).optional(),
    kind: z.enum(["window", "workstation"]),
    district: District.nullable().optional(),
    address: z.string().trim().max(200).optional(),
  })
  .strict();

/** A real calendar day (1800-27-71 and 2026-02-30 are refused: the slot arithmetic has no such day). */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "不是有效日期 · not a real date");
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
export const CreateSlotsRequest = z
  .object({
    date: Day,
    /** One slot per entry, each with its own capacity. */
    slots: z
      .array(z.object({ start: Time, end: Time, capacity: z.number().int().min(1).max(500) }).strict())
      .min(1)
      .max(48),
  })
  .strict();
export const Slot = z.object({
  id: z.number().int(),
  windowId: z.number().int(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
});
export const SlotsQuery = z.object({ from: Day.optional(), days: z.coerce.number().int().min(1).max(60).default(14) });

export const BookRequest = z.object({
  slotId: z.number().int().positive(),
  purpose: z.string().trim().min(2).max(200),
});
export const Appointment = z.object({
  id: z.number().int(),
  status: z.enum(["booked", "cancelled"]),
  purpose: z.string(),
  window: ServiceWindow,
  date: z.string(),
  start: z.string(),
  end: z.string(),
  /** Who booked (officials' list only; masked to the display name). */
  person: z.string().nullable(),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
  /** The slot has begun: a rating can be given, cancelling no longer. */
  past: z.boolean(),
});

export const RateRequest = z
  .object({
    subject: z.enum(["consultation", "appointment", "case"]),
    id: z.number().int().positive(),
    score: z.number().int().min(1).max(5),
    comment: z.string().trim().max(500).optional(),
    /** A public asker rates their answered question with the private token. */
    token: z
      .string()
      .regex(/^[A-Za-z0-9_-]{20,64}$/)
      .optional(),
  })
  .strict();
export const Rating = z.object({ score: z.number().int(), comment: z.string().nullable() });

/** GET /api/ratings/case/:id: whether the applicant's case is closed (so it can be rated) and its rating if given. */
export const CaseRatingStatus = z.object({ closed: z.boolean(), rating: Rating.nullable() });
export type CaseRatingStatusView = z.infer<typeof CaseRatingStatus>;

export const ServiceQuality = z.object({
  byService: z.array(z.object({ service: z.string(), count: z.number().int(), average: z.number() })),
  byWindow: z.array(
    z.object({ windowId: z.number().int(), name: z.string(), count: z.number().int(), average: z.number() }),
  ),
  /** Ratings of 1 or 2, newest first. */
  bad: z.array(
    z.object({
      subject: z.enum(["consultation", "appointment", "case"]),
      id: z.number().int(),
      service: z.string(),
      score: z.number().int(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

export type AskQuestionInput = z.input<typeof AskQuestionRequest>;
export type AskQuestionResult = z.infer<typeof AskQuestionResponse>;
export type ServiceWindowView = z.infer<typeof ServiceWindow>;
export type CreateWindowInput = z.input<typeof CreateWindowRequest>;
export type CreateSlotsInput = z.input<typeof CreateSlotsRequest>;
export type SlotView = z.infer<typeof Slot>;
export type AppointmentView = z.infer<typeof Appointment>;
export type RateInput = z.input<typeof RateRequest>;
export type RatingView = z.infer<typeof Rating>;
export type ServiceQualityView = z.infer<typeof ServiceQuality>;
