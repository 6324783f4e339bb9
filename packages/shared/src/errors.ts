import { z } from "zod";

/** Every error the API returns has this one shape; codes map to HTTP status in the server's one table. */
export const ERROR_CODES = [
  "BAD_REQUEST",
  "QUERY_SYNTAX",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "HTTPS_REQUIRED",
  "CONFLICT",
  "TOO_LARGE",
  "RATE_LIMITED",
  "STORAGE_FULL",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Details of a QUERY_SYNTAX error: where the query went wrong and what the parser expected there. */
export const QuerySyntaxDetails = z.object({
  position: z.number().int(),
  expected: z.string(),
  found: z.string(),
});
export type QuerySyntaxDetails = z.infer<typeof QuerySyntaxDetails>;
