import { z } from "zod";

/** The public directories drawn from the registry (issue #17 item 2). */
export const DIRECTORY_KINDS = ["agencies", "workstations", "brand-agencies", "experts"] as const;
export const DirectoryKind = z.enum(DIRECTORY_KINDS);
export type DirectoryKind = z.infer<typeof DirectoryKind>;

/**
 * The fields an official may choose to publish, besides the name and category that every listed entry shows.
 * Nothing else of a registry record can ever reach the public: not certificate or ID numbers, notes, phones or
 * e-mails (the public entry schema has no place for them).
 */
export const ORG_PUBLIC_FIELDS = ["district", "zone", "address", "qualifications", "brand", "since"] as const;
export const PERSON_PUBLIC_FIELDS = ["district", "zone", "orgName", "qualifications"] as const;
export const PublicField = z.enum([...new Set([...ORG_PUBLIC_FIELDS, ...PERSON_PUBLIC_FIELDS])] as [
  string,
  ...string[],
]);

export const ListingInput = z.object({
  published: z.boolean(),
  fields: z.array(PublicField).max(10).default([]),
});
export type ListingInput = z.infer<typeof ListingInput>;

export const DirectoryEntry = z.object({
  id: z.number().int(),
  name: z.string(),
  category: z.string(),
  district: z.string().optional(),
  districtName: z.string().optional(),
  zone: z.string().optional(),
  address: z.string().optional(),
  qualifications: z.array(z.string()).optional(),
  brand: z.string().optional(),
  since: z.string().optional(),
  orgName: z.string().optional(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryPage = z.object({
  items: z.array(DirectoryEntry),
  /** Listed entries per district (workstations' map), by the district's name as the map knows it. */
  districts: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
});
export type DirectoryPage = z.infer<typeof DirectoryPage>;

/** An official's view: every registry record of the kind, with what it publishes. */
export const ListingRow = z.object({
  entity: z.enum(["org", "person"]),
  id: z.number().int(),
  name: z.string(),
  category: z.string(),
  status: z.string(),
  published: z.boolean(),
  fields: z.array(z.string()),
  allowedFields: z.array(z.string()),
});
export type ListingRow = z.infer<typeof ListingRow>;
