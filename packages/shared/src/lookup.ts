import { z } from "zod";
import { EXPORT_FORMATS, SearchHit } from "./search.js";

/**
 * Batch lookup of publication and application numbers (POST /api/patents/lookup): a pasted list, any separators,
 * answered with the records found and the numbers not found, both in the order typed (docs/QUERY.md, “号码”).
 */
export const LOOKUP_LIMITS = {
  maxNumbers: 10_000,
  /** Characters of the pasted text: 10,000 numbers of up to 30 characters with their separators. */
  maxTextLength: 400_000,
  /** Longer than this is not a patent number. */
  maxNumberLength: 40,
  /** Request body bytes (the text may be Chinese punctuation, 3 bytes a character). */
  maxBodyBytes: 1_536 * 1024,
} as const;

/** Newlines, spaces, commas, semicolons, 、 and | (full-width too) separate numbers. */
const SEPARATORS = /[\s,;，；、|｜]+/;

/** The numbers of a pasted text in the order typed, each once (the first spelling kept; case does not matter). */
export function splitLookupNumbers(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(SEPARATORS)) {
    if (raw === "") continue;
    const key = raw.toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(raw);
  }
  return out;
}

export const LookupRequest = z.object({
  /** The pasted list as typed. */
  numbers: z.string().max(LOOKUP_LIMITS.maxTextLength),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

/** One record, briefly: what a result row shows. */
export const LookupRecord = SearchHit.pick({
  id: true,
  publicationNumber: true,
  applicationNumber: true,
  title: true,
  applicants: true,
  applicationDate: true,
  publicationDate: true,
  type: true,
  status: true,
  ipcMain: true,
});
export type LookupRecord = z.infer<typeof LookupRecord>;

export const LookupResponse = z.object({
  /** Distinct numbers asked. */
  asked: z.number().int(),
  /** Each number that names records, with them (an application number names each of its publications). */
  found: z.array(z.object({ number: z.string(), patents: z.array(LookupRecord) })),
  notFound: z.array(z.string()),
  tookMs: z.number(),
});
export type LookupResponse = z.infer<typeof LookupResponse>;

export const LookupExportRequest = LookupRequest.extend({ format: z.enum(EXPORT_FORMATS).default("xlsx") });
export type LookupExportRequest = z.input<typeof LookupExportRequest>;
