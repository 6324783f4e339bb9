import { z } from "zod";

/**
 * The geographical-indication register (地理标志名录): the shipped Henan facts with their sources, and what officials
 * add. Public reads: list, one entry, counts by city and by district for the map.
 */
export const GI_KINDS = ["gi_product", "agri_gi", "gi_mark"] as const;
export const GiKind = z.enum(GI_KINDS);
export type GiKind = z.infer<typeof GiKind>;
export const GI_STAGES = ["registered", "publicised", "reviewed", "revoked"] as const;
export const GiStage = z.enum(GI_STAGES);
export type GiStage = z.infer<typeof GiStage>;

const District = z.string().regex(/^\d{6}$/, "six-digit division code");
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const GiProduct = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: GiKind,
  stage: GiStage,
  giTypeRaw: z.string().nullable(),
  prefecture: z.string().nullable(),
  cityCode: z.string().nullable(),
  area: z.string().nullable(),
  districtCode: z.string().nullable(),
  event: z.string().nullable(),
  announcement: z.string().nullable(),
  year: z.number().int().nullable(),
  recognisedOn: z.string().nullable(),
  officialId: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  source: z.enum(["shipped", "official"]),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type GiProduct = z.infer<typeof GiProduct>;

export const GiListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  kind: GiKind.optional(),
  stage: GiStage.optional(),
  /** A city (410100) or a district (410185): six-digit code, matched on the city and the district. */
  area: District.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type GiListQuery = z.input<typeof GiListQuery>;
export const GiList = z.object({ items: z.array(GiProduct), total: z.number().int() });
export type GiList = z.infer<typeof GiList>;

/** Counts for the map: by city (Henan) and by district (the plan's city), registered entries and all. */
export const GiMap = z.object({
  cityCode: z.string(),
  byCity: z.array(z.object({ code: z.string(), name: z.string(), registered: z.number(), all: z.number() })),
  byDistrict: z.array(z.object({ code: z.string(), name: z.string(), registered: z.number(), all: z.number() })),
  /** Entries of the plan's city whose area is not one district (the whole city, or several). */
  cityWide: z.object({ registered: z.number(), all: z.number() }),
  total: z.number(),
});
export type GiMap = z.infer<typeof GiMap>;

const opt = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || null)
    .nullable()
    .default(null);

/** What an official enters or changes; the codes are resolved from the names when left out. */
export const GiProductInput = z.object({
  name: z.string().trim().min(2).max(60),
  kind: GiKind,
  stage: GiStage,
  prefecture: opt(40),
  cityCode: District.nullable().default(null),
  area: opt(60),
  districtCode: District.nullable().default(null),
  announcement: opt(120),
  year: z.number().int().min(1980).max(2100).nullable().default(null),
  recognisedOn: DateText.nullable().default(null),
  officialId: opt(60),
  sourceUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/\S+$/, "a web address (http:// or https://)")
    .nullable()
    .default(null),
  notes: opt(1000),
});
export type GiProductInput = z.input<typeof GiProductInput>;
