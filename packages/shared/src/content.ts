import { z } from "zod";

/** What the office publishes (issue #17): 通知公告, 政策法规, 工作动态. */
export const CONTENT_KINDS = ["notice", "policy", "news"] as const;
export const ContentKind = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ContentKind>;

/** Rich text as the editor sends it; the server keeps only its allow-list (content-sanitiser.ts). */
export const MAX_CONTENT_HTML = 200_000;
/** One attachment or guide template, before base64: bounded before it is decoded. */
export const MAX_CONTENT_FILE_BYTES = 10 * 1024 * 1024;

/** An instant as ISO 8601 with a zone (2026-05-01T08:00:00+08:00), or null for "not set". */
const Instant = z
  .string()
  .max(40)
  .refine((s) => /(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), "不是有效时间 · not a valid time");

export const ContentInput = z.object({
  kind: ContentKind,
  category: z.string().trim().max(40).nullable().default(null),
  title: z.string().trim().min(1).max(200),
  bodyHtml: z.string().max(MAX_CONTENT_HTML),
  /** Shown to the public from this instant (null: from when it is published). */
  publishAt: Instant.nullable().default(null),
  /** Hidden again from this instant (null: until withdrawn). */
  unpublishAt: Instant.nullable().default(null),
  published: z.boolean().default(false),
});
export type ContentInput = z.infer<typeof ContentInput>;

export const ContentFile = z.object({ id: z.number().int(), fileName: z.string(), type: z.string(), size: z.number() });
export type ContentFile = z.infer<typeof ContentFile>;

export const ContentItem = z.object({
  id: z.number().int(),
  kind: ContentKind,
  category: z.string().nullable(),
  title: z.string(),
  bodyHtml: z.string(),
  published: z.boolean(),
  publishAt: z.string().nullable(),
  unpublishAt: z.string().nullable(),
  /** Whether the public sees it now (published and inside its window). */
  visible: z.boolean(),
  attachments: z.array(ContentFile),
  updatedAt: z.string(),
});
export type ContentItem = z.infer<typeof ContentItem>;

export const ContentSummary = ContentItem.omit({ bodyHtml: true, attachments: true }).extend({
  excerpt: z.string(),
});
export type ContentSummary = z.infer<typeof ContentSummary>;

export const ContentQuery = z.object({
  kind: ContentKind.optional(),
  category: z.string().trim().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ContentQuery = z.infer<typeof ContentQuery>;

export const ContentPage = z.object({
  items: z.array(ContentSummary),
  total: z.number().int(),
  categories: z.array(z.string()),
});
export type ContentPage = z.infer<typeof ContentPage>;

export const FileUploadBody = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(Math.ceil(MAX_CONTENT_FILE_BYTES / 3) * 4 + 4),
});

/** 办事指南 of one case type: what an applicant needs to know before and while applying. */
export const GuideInput = z.object({
  materials: z.array(z.string().trim().min(1).max(300)).max(40).default([]),
  eligibility: z.string().trim().max(4000).default(""),
  legalBasis: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
  timeLimit: z.string().trim().max(500).default(""),
  fees: z.string().trim().max(500).default(""),
  faqs: z
    .array(z.object({ q: z.string().trim().min(1).max(300), a: z.string().trim().min(1).max(2000) }))
    .max(30)
    .default([]),
});
export type GuideInput = z.infer<typeof GuideInput>;

export const Guide = GuideInput.extend({
  caseType: z.string(),
  templates: z.array(ContentFile),
  updatedAt: z.string().nullable(),
});
export type Guide = z.infer<typeof Guide>;
